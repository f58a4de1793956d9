import { trimBoth, trimTrailing } from "../toolkit.js";

/** A lower-case, URL- and file-safe slug (`Chat:bot` → `chat-bot`); `fallback` when nothing is left. */
export function slugify(text: string, fallback: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-");
  return trimTrailing(trimBoth(slug, "-").slice(0, 60), "-") || fallback;
}

/**
 * Unique slugs for `names`, given in a deterministic order: the first name keeps its slug, later
 * ones that collide (`Pets`, `pets!`) get `-2`, `-3`. Lower case, so no two differ by case only
 * (file names must not collide on case-insensitive file systems).
 */
export function uniqueSlugs(
  names: readonly string[],
  fallback: string,
  reserved: readonly string[] = [],
): Map<string, string> {
  const taken = new Set(reserved);
  const out = new Map<string, string>();
  for (const name of names) {
    if (out.has(name)) continue;
    const base = slugify(name, fallback);
    let slug = base;
    for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
    taken.add(slug);
    out.set(name, slug);
  }
  return out;
}
