/**
 * The nodes of a Doc (see doc.ts) and what is known of them when they are built: whether a group
 * must break, and how it prints flat (its Flat), measured once so printing need not walk again.
 */
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
  /**
   * The group printed flat, measured when it is built (see Flat), so deciding and printing a
   * group that fits walks nothing; undefined when it cannot be flat (it holds a hard line).
   */
  readonly flat: Flat | undefined;
}

/**
 * What a group's contents print flat, from a line start with nothing pending: `width` columns up
 * to its last text (`hasText`; a flat line's space counts only once text follows it), then
 * `trail` flat lines' spaces still pending. fits() counts a run of flat lines as one space:
 * `fitsWidth` is its count up to the last text, `fitsLead` whether a line came before the first
 * text (its space is in fitsWidth), `fitsTrail` whether one came after the last.
 */
export interface Flat {
  readonly width: number;
  readonly trail: number;
  readonly hasText: boolean;
  readonly fitsWidth: number;
  readonly fitsLead: boolean;
  readonly fitsTrail: boolean;
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

/** The state of one measure() walk (module-level: a walk builds no groups, so never nests). */
export const scan = {
  /** The group must break: a hard line or a broken group (as breaks() says). */
  broken: false,
  /** The contents cannot be printed flat (a hard line, somewhere). */
  noFlat: false,
  width: 0,
  pending: 0,
  hasText: false,
  fitsWidth: 0,
  fitsPending: false,
  fitsLead: false,
};

/**
 * The Flat of `contents`, in the same walk that decides whether its group breaks (scan.broken);
 * inner groups are not walked again: their own Flat is added.
 */
export function measure(contents: Doc): Flat | undefined {
  scan.broken = false;
  scan.noFlat = false;
  scan.width = 0;
  scan.pending = 0;
  scan.hasText = false;
  scan.fitsWidth = 0;
  scan.fitsPending = false;
  scan.fitsLead = false;
  measureDoc(contents);
  if (scan.broken || scan.noFlat) return undefined;
  return {
    width: scan.width,
    trail: scan.pending,
    hasText: scan.hasText,
    fitsWidth: scan.fitsWidth,
    fitsLead: scan.fitsLead,
    fitsTrail: scan.fitsPending,
  };
}

function measureDoc(doc: Doc): void {
  if (typeof doc === "string") {
    if (doc.length === 0) return;
    const width = textWidth(doc);
    if (!scan.hasText) scan.fitsLead = scan.fitsPending;
    scan.width += scan.pending + width;
    scan.pending = 0;
    scan.hasText = true;
    scan.fitsWidth += (scan.fitsPending ? 1 : 0) + width;
    scan.fitsPending = false;
    return;
  }
  if (Array.isArray(doc)) {
    for (let i = 0; i < doc.length && !scan.broken; i++) measureDoc(doc[i]!);
    return;
  }
  const node = doc as Exclude<Doc, string | Doc[]>;
  switch (node.kind) {
    case "line":
      if (node.hard) scan.broken = true;
      else if (!node.soft) {
        scan.pending += 1;
        scan.fitsPending = true;
      }
      return;
    case "indent":
    case "align":
      measureDoc(node.contents);
      return;
    case "ifBreak":
      if (breaks(node.broken)) scan.broken = true;
      else measureDoc(node.flat);
      return;
    case "group": {
      const flat = node.flat;
      if (node.broken) {
        // a conditionalGroup keeps its hard lines to itself, as in prettier
        if (node.states === undefined) scan.broken = true;
        else scan.noFlat = true;
        return;
      }
      if (flat === undefined) {
        scan.noFlat = true;
        return;
      }
      if (!flat.hasText) {
        scan.pending += flat.trail;
        if (flat.fitsTrail) scan.fitsPending = true;
        return;
      }
      if (!scan.hasText) scan.fitsLead = scan.fitsPending || flat.fitsLead;
      scan.width += scan.pending + flat.width;
      scan.pending = flat.trail;
      scan.hasText = true;
      scan.fitsWidth +=
        flat.fitsWidth + (scan.fitsPending && !flat.fitsLead ? 1 : 0);
      scan.fitsPending = flat.fitsTrail;
      return;
    }
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
