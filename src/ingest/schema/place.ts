import type { Path } from "../../model/pointer.js";

/**
 * Where a schema sits, made only when asked for: a path inside the document, a place below another
 * (one or two segments further), or a reader's node (which knows its path). Most schemas never need
 * theirs (it names a diagnostic, or where a `$ref` is read), so converting one does not copy its
 * parent's path.
 */
export type At = Path | Place | { readonly path: Path };

export class Place {
  constructor(
    readonly up: At,
    readonly a: string | number,
    readonly b?: string | number,
  ) {}
}

export function pathOf(at: At): Path {
  const tail: (string | number)[] = [];
  let cur: At = at;
  while (cur instanceof Place) {
    if (cur.b !== undefined) tail.push(cur.b);
    tail.push(cur.a);
    cur = cur.up;
  }
  const here = "path" in cur ? cur.path : cur;
  return tail.length === 0 ? here : [...here, ...tail.reverse()];
}
