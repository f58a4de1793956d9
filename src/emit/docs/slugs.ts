import type { Endpoint } from "../../model/types.js";
import { trimBoth, trimTrailing, freeName } from "../toolkit.js";

/**
 * A new slug each call, URL- and file-safe (`Chat:bot` → `chat-bot`; `fallback` when nothing is
 * left), unique among those it made (`Pets`, `pets!` → `pets`, `pets-2`); lower case, as file
 * names must not collide on case-insensitive file systems.
 */
export function slugMaker(fallback: string): (name: string) => string {
  const taken = new Set<string>();
  return (name) => {
    const slug = name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-");
    const base =
      trimTrailing(trimBoth(slug, "-").slice(0, 60), "-") || fallback;
    const free = freeName(base, (s) => taken.has(s), "-");
    taken.add(free);
    return free;
  };
}

/** `op-<name>`; names are unique identifiers, but an unnamed endpoint still gets a unique id. */
export function endpointIds(endpoints: readonly Endpoint[]): string[] {
  const taken = new Set<string>();
  return endpoints.map((e) => {
    const base =
      "op-" +
      (e.name ||
        `${e.method}-${e.path.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "")}`);
    const id = freeName(base, (i) => taken.has(i), "-");
    taken.add(id);
    return id;
  });
}
