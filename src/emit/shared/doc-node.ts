/** The nodes of a Doc (see doc.ts) and whether a group must break, known when it is built. */
export type Doc = string | Doc[] | Line | Group | Indent | Align | IfBreak;

export interface Line {
  readonly kind: "line";
  /** Printed as nothing instead of a space when flat. */
  readonly soft: boolean;
  /** Always a newline. */
  readonly hard: boolean;
}

export interface Group {
  readonly kind: "group";
  readonly contents: Doc;
  /** Broken whatever the width: forced, or it holds a hard line or a broken group. */
  readonly broken: boolean;
  /** conditionalGroup: the layouts to try in turn (contents is the first). */
  readonly states: readonly Doc[] | undefined;
}

export interface Indent {
  readonly kind: "indent";
  readonly contents: Doc;
}

export interface Align {
  readonly kind: "align";
  readonly by: number;
  readonly contents: Doc;
}

export interface IfBreak {
  readonly kind: "ifBreak";
  readonly broken: Doc;
  readonly flat: Doc;
}

/** Whether a group around `doc` must break: it holds a hard line or a broken group. */
export function breaks(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) {
    for (const part of doc) if (breaks(part)) return true;
    return false;
  }
  const node = doc as Exclude<Doc, string | Doc[]>;
  switch (node.kind) {
    case "line":
      return node.hard;
    case "group":
      // a conditionalGroup keeps its hard lines to itself, as in prettier
      return node.broken && node.states === undefined;
    case "indent":
    case "align":
      return breaks(node.contents);
    case "ifBreak":
      return breaks(node.broken) || breaks(node.flat);
  }
}

/**
 * Columns a text takes in a monospace editor, as prettier counts them (getStringWidth): wide East
 * Asian characters and emoji count two, control and combining characters none.
 */
export function textWidth(text: string): number {
  if (!NOT_PRINTABLE_ASCII.test(text)) return text.length;
  let n = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) continue;
    if (code >= 0x300 && code <= 0x36f) continue;
    n += isWide(code) ? 2 : 1;
  }
  return n;
}

const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;

/** The characters that make textWidth less than a text's length (no-column ones, surrogates). */
export const NARROWER_THAN_LENGTH =
  /[\u0000-\u001f\u007f-\u009f\u0300-\u036f\ud800-\udfff]/;

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x1f900 && code <= 0x1f9ff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
