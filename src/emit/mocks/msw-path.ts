import type { Endpoint } from "../../model/types.js";

/**
 * The MSW path of an endpoint: `*` (any origin and base URL, so the handlers answer whatever
 * base URL the client is given) then the path template with `{name}` as `:name`. MSW reads the
 * path with path-to-regexp: the characters it treats as syntax are backslash-escaped in the
 * literal parts, a parameter name is reduced to the word characters path-to-regexp accepts
 * (the handlers never read parameters), and a parameter followed by a word character is
 * wrapped as `{:name}` so the name ends where the template's does. A literal `*` stays a
 * wildcard (MSW turns every `*` into one) and MSW cuts a path at `?` or `#` as it cuts the URL:
 * both match a superset of the path.
 */
export function mswPath(path: string): string {
  const pieces = path.split(/\{([^{}]*)\}/);
  let out = "*";
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i]!;
    if (i % 2 === 0) {
      out += piece.replace(/[\\:(){}+]/g, (c) => `\\${c}`);
      continue;
    }
    const name = piece.replace(/\W/g, "_") || "param";
    const next = pieces[i + 1] ?? "";
    out += /^\w/.test(next) ? `{:${name}}` : `:${name}`;
  }
  return out;
}

/**
 * The endpoints in the order MSW should try them (it answers with the first handler that
 * matches): more path segments first, since `*` lets a short path match the end of a longer
 * one; among equally long paths, a literal segment before a parameter at the first place they
 * differ (`/pets/mine` before `/pets/{id}`). Ties keep the model's order.
 */
export function bySpecificity(endpoints: readonly Endpoint[]): Endpoint[] {
  return [...endpoints].sort((a, b) => {
    const sa = a.path.split("/");
    const sb = b.path.split("/");
    if (sa.length !== sb.length) return sb.length - sa.length;
    for (let i = 0; i < sa.length; i++) {
      const pa = sa[i]!.includes("{");
      const pb = sb[i]!.includes("{");
      if (pa !== pb) return pa ? 1 : -1;
    }
    return 0;
  });
}
