import { firstOfEach, lowerCase } from "../lists.js";
import type { ApiDescription, Tag } from "../types.js";

/**
 * Config `tags`: by the tag's name as the inputs spell it, a new name (a string, or `name`) and
 * a description. Two tags given one name become one (merged); a name no input uses is ignored.
 */
export type TagOverrides = Record<
  string,
  string | { name?: string; description?: string }
>;

/** Renames, merges and describes the model's tags in place (endpoints and the tag list). */
export function applyTagOverrides(
  model: Pick<ApiDescription, "tags" | "endpoints">,
  overrides: TagOverrides,
): void {
  const renamed = (name: string): string => {
    const entry = overrides[name];
    const to = typeof entry === "string" ? entry : entry?.name;
    return to !== undefined && to.trim() !== "" ? to : name;
  };
  for (const endpoint of model.endpoints)
    endpoint.tags = firstOfEach(endpoint.tags.map(renamed), lowerCase);
  const tags = new Map<string, Tag>();
  for (const tag of model.tags) {
    const name = renamed(tag.name);
    const known = tags.get(name);
    if (!known) tags.set(name, { ...tag, name });
    else if (!known.description && tag.description)
      known.description = tag.description;
  }
  for (const [from, entry] of Object.entries(overrides)) {
    if (typeof entry === "string" || entry.description === undefined) continue;
    const name = renamed(from);
    const used =
      tags.has(name) || model.endpoints.some((e) => e.tags.includes(name));
    if (!used) continue;
    const known = tags.get(name);
    // the config's description wins over the inputs'
    if (known) known.description = entry.description;
    else tags.set(name, { name, description: entry.description });
  }
  model.tags = [...tags.values()];
}
