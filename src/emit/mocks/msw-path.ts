import type { Endpoint } from "../../model/types.js";

/**
 * The MSW path of an endpoint: `*` (any origin and base URL) then the path template with
 * `{name}` as `:name`, escaped for path-to-regexp: its syntax characters backslash-escaped, a
 * name reduced to word characters, `{:name}` before a word character. A literal `*`, `?` or `#`
 * matches a superset of the path (MSW reads them as it reads the URL).
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
 * The endpoints in the order MSW should try them (it answers with the first match): more segments
 * first, since `*` lets a short path match the end of a longer one; then a literal segment before
 * a parameter at the first place they differ (`/pets/mine` before `/pets/{id}`).
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
