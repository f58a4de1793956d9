import { assessTags, grouped, tagOrder } from "../toolkit.js";
import type { Endpoint, Tag } from "../../model/types.js";
import type { DocsGroupBy } from "./group-by-option.js";

/** A tag's group (its parent's in `parent`), or a path resource's (a name and members). */
interface EndpointGroup extends Tag {
  /** Indexes into the endpoints; none for a parent tag shown only for its sub-groups. */
  members: number[];
  depth: number;
}

/**
 * One group per endpoint: in `tag` mode its first navigation tag (untagged endpoints last), in
 * `path` mode its {@link pathResource}. `auto` groups by path when the tags are degenerate. Gives
 * the mode used, the groups in display order, and whether the tags are worth showing (not
 * degenerate).
 */
export function groupEndpoints(
  endpoints: readonly Endpoint[],
  declared: readonly Tag[],
  groupBy: DocsGroupBy = "auto",
) {
  const degenerate = assessTags(endpoints).degenerate;
  const mode = groupBy === "auto" ? (degenerate ? "path" : "tag") : groupBy;
  const tags = new Map<string, Tag>();
  for (const tag of declared) if (!tags.has(tag.name)) tags.set(tag.name, tag);
  const next = followers(endpoints);
  // by its first tag that groups endpoints: OpenAPI 3.2's `kind` unset or `nav` (not `badge`)
  const keys =
    mode === "tag"
      ? endpoints.map((e) =>
          e.tags.find((t) => [undefined, "nav"].includes(tags.get(t)?.kind)),
        )
      : endpoints.map((e) => pathResource(e.path, next));
  const members = grouped(keys.keys(), (i) => keys[i]);
  const groups: EndpointGroup[] =
    mode === "tag"
      ? tagTree(tagOrder(declared, endpoints), tags, members)
      : [...members.keys()].map((key) => ({
          name: key!,
          members: members.get(key)!,
          depth: 0,
        }));
  if (mode === "tag" && members.has(undefined))
    groups.push({
      name: "Untagged",
      description: "Endpoints no input puts under a tag.",
      members: members.get(undefined)!,
      depth: 0,
    });
  return { mode, groups, showTags: !degenerate };
}

/**
 * The tag groups depth first under their OpenAPI 3.2 `parent`, siblings in tag order: a tag with
 * endpoints and its declared ancestors. An undeclared or circular parent leaves the tag at the top.
 */
function tagTree(
  order: readonly string[],
  tags: ReadonlyMap<string, Tag>,
  members: ReadonlyMap<string | undefined, number[]>,
): EndpointGroup[] {
  const up = (name: string) => {
    const parent = tags.get(name)?.parent;
    return parent !== undefined && tags.has(parent) ? parent : undefined;
  };
  const parentOf = (name: string): string | undefined => {
    const seen = new Set([name]);
    for (let at = up(name); at !== undefined; at = up(at))
      if (seen.has(at)) return undefined;
      else seen.add(at);
    return up(name);
  };
  const shown = new Set<string>();
  for (const name of order)
    if (members.has(name))
      for (let at: string | undefined = name; at !== undefined;) {
        if (shown.has(at)) break;
        shown.add(at);
        at = parentOf(at);
      }
  const children = grouped(
    order.filter((name) => shown.has(name)),
    parentOf,
  );
  const out: EndpointGroup[] = [];
  const visit = (name: string, depth: number) => {
    const tag = tags.get(name);
    const parent = parentOf(name);
    out.push({
      name,
      members: members.get(name) ?? [],
      depth,
      ...(tag?.description && { description: tag.description }),
      ...(tag?.summary !== undefined && { summary: tag.summary }),
      ...(parent !== undefined && { parent }),
      ...(tag?.kind !== undefined && { kind: tag.kind }),
    });
    for (const child of children.get(name) ?? []) visit(child, depth + 1);
  };
  for (const name of children.get(undefined) ?? []) visit(name, 0);
  return out;
}

const isVariable = (segment: string) => segment.includes("{");
/** Segments that name no resource: an API prefix or a version (`/api/v2`, `/rest/1.0`). */
const GENERIC = /^(?:api|apis|rest|public|v?\d+(?:\.\d+)*)$/i;

/**
 * The resource a path is about, as a group name (`/site/{cloudId}/conversation/{id}/message/recent`
 * → "Messages"): the run of fixed segments before the last variable, or the last run unless it
 * is one segment that never takes an id (an action); in it, the first segment that is not an API
 * prefix or a version, with the next one when it never comes without it.
 */
export function pathResource(
  path: string,
  next: ReadonlyMap<string, Followers>,
): string {
  const segments = path.split("/").filter((s) => s !== "");
  const runs: string[][] = [[]];
  for (const segment of segments) {
    if (isVariable(segment)) runs.push([]);
    else runs[runs.length - 1]!.push(segment);
  }
  const nonEmpty = runs.filter((r) => r.length > 0);
  if (nonEmpty.length === 0) return "General";
  let run = nonEmpty[nonEmpty.length - 1]!;
  if (
    !isVariable(segments[segments.length - 1]!) &&
    run.length === 1 &&
    nonEmpty.length > 1 &&
    next.get(run[0]!)?.takesIds !== true
  )
    run = nonEmpty[nonEmpty.length - 2]!;
  const at = run.findIndex((segment) => !GENERIC.test(segment));
  const word = run[at] ?? run[run.length - 1]!;
  // a word the API never uses alone names the resource with the next, when more follows
  // (`/app/module/chat:bot` → "App modules"; `/pets/mine` stays "Pets")
  const second = at === -1 || at + 2 >= run.length ? undefined : run[at + 1];
  const after = next.get(word);
  if (second !== undefined && (after === undefined || after.next === second))
    return groupName(`${word} ${second}`);
  return groupName(word);
}

/** What a path segment is followed by across an API: a variable ever; the one segment always. */
interface Followers {
  takesIds: boolean;
  /** The segment after every occurrence (undefined: the path ends there); MIXED when they differ. */
  next: string | undefined | typeof MIXED;
}

const MIXED = Symbol("mixed");

/** Each path segment's {@link Followers} across the endpoints: one pass over the paths. */
export function followers(endpoints: readonly Endpoint[]) {
  const facts = new Map<string, Followers>();
  for (const e of endpoints) {
    const parts = e.path.split("/");
    for (let i = 0; i < parts.length; i++) {
      const next = parts[i + 1];
      const seen = facts.get(parts[i]!);
      if (seen === undefined)
        facts.set(parts[i]!, { takesIds: isVariable(next ?? ""), next });
      else {
        if (isVariable(next ?? "")) seen.takesIds = true;
        if (seen.next !== next) seen.next = MIXED;
      }
    }
  }
  return facts;
}

/** Words that read as a group name as they are (no plural). */
const AS_IS = new Set(
  `admin auth config configuration content data feedback health info login logout me media
  metadata news search status`.split(/\s+/),
);

/** `conversation` → "Conversations", `chat:bot` → "Chat bots", `user-groups` → "User groups". */
export function groupName(segment: string): string {
  const words = segment
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== "")
    .map((w) => w.toLowerCase());
  if (words.length === 0) return "General";
  words.push(plural(words.pop()!));
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function plural(word: string): string {
  if (AS_IS.has(word) || /\d$/.test(word) || word.endsWith("s")) return word;
  if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + "ies";
  if (/(x|z|ch|sh)$/.test(word)) return word + "es";
  return word + "s";
}
