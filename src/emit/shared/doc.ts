import { PRINT_WIDTH } from "./literals.js";

/**
 * A small document builder in the Wadler/prettier style, so emitters say what may break and one
 * printer decides, against the one PRINT_WIDTH, what does. Emitters build a Doc from text, lines,
 * groups and indents and call `print(doc)`; none of them compares a length with the width.
 *
 * The printer follows prettier's rules, which is what makes the output pass `prettier --check`:
 * a group is printed flat when everything from it up to the next possible line break *after* it
 * (the rest of the line: `;`, `)[]`, ` | null`, …) fits in the width, else broken; groups are
 * decided outermost first, so an inner group gets its own chance once its parent broke. A group
 * that holds a hard line (or a group forced to break) is broken, as prettier's propagateBreaks
 * does; here that is known when the group is built, so printing needs no extra pass.
 *
 * Text must not hold a newline (use hardline): the printer counts columns.
 */
export type Doc = string | Doc[] | Line | Group | Indent | Align | IfBreak;

interface Line {
  readonly kind: "line";
  /** Printed as nothing instead of a space when flat. */
  readonly soft: boolean;
  /** Always a newline. */
  readonly hard: boolean;
}

interface Group {
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
interface Flat {
  readonly width: number;
  readonly trail: number;
  readonly hasText: boolean;
  readonly fitsWidth: number;
  readonly fitsLead: boolean;
  readonly fitsTrail: boolean;
}

interface Indent {
  readonly kind: "indent";
  readonly contents: Doc;
}

interface Align {
  readonly kind: "align";
  readonly by: number;
  readonly contents: Doc;
}

interface IfBreak {
  readonly kind: "ifBreak";
  readonly broken: Doc;
  readonly flat: Doc;
}

/** A space, or a newline (at the current indentation) when its group breaks. */
export const line: Doc = { kind: "line", soft: false, hard: false };
/** Nothing, or a newline when its group breaks. */
export const softline: Doc = { kind: "line", soft: true, hard: false };
/** Always a newline; the groups around it break. */
export const hardline: Doc = { kind: "line", soft: false, hard: true };

/** Printed flat when it fits in the rest of the line, else broken (its lines become newlines). */
export function group(contents: Doc, forceBreak = false): Doc {
  if (forceBreak)
    return {
      kind: "group",
      contents,
      broken: true,
      states: undefined,
      flat: undefined,
    };
  const flat = measure(contents);
  return {
    kind: "group",
    contents,
    broken: scan.broken,
    states: undefined,
    flat,
  };
}

/**
 * Tries each layout in turn and prints the first whose first line fits (prettier's
 * conditionalGroup): the first flat, the later ones as they are (their own groups decide); the
 * last is the fallback, printed broken. Hard lines inside do not break the groups around it.
 */
export function conditionalGroup(states: Doc[]): Doc {
  const contents = states[0]!;
  const flat = measure(contents);
  return { kind: "group", contents, broken: false, states, flat };
}

/** Lines inside start two columns further in. */
export function indent(contents: Doc): Doc {
  return { kind: "indent", contents };
}

/** Lines inside start `by` columns further in (a `| ` prefix, a `(`). */
export function align(by: number, contents: Doc): Doc {
  return { kind: "align", by, contents };
}

/** `broken` when the enclosing group breaks, `flat` when it does not (trailing commas, `| `). */
export function ifBreak(broken: Doc, flat: Doc = ""): Doc {
  return { kind: "ifBreak", broken, flat };
}

/** The docs with `separator` between each two. */
export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  const out: Doc[] = [];
  for (let i = 0; i < docs.length; i++) {
    if (i > 0) out.push(separator);
    out.push(docs[i]!);
  }
  return out;
}

/** Whether a group around `doc` must break: it holds a hard line or a broken group. */
function breaks(doc: Doc): boolean {
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
const scan = {
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
function measure(contents: Doc): Flat | undefined {
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

const FLAT = 0;
const BREAK = 1;
type Mode = typeof FLAT | typeof BREAK;

/**
 * Lays the doc out against PRINT_WIDTH. `at` says where it starts: `column` is where the first
 * character lands (text before it on the line is the caller's), `indent` the indentation its
 * line breaks return to. Trailing spaces before a newline are dropped, as prettier does.
 */
export function print(
  doc: Doc,
  at: { indent?: number; column?: number } = {},
): string {
  // the command stack, as three parallel arrays (no object per command)
  const indents: number[] = [at.indent ?? 0];
  const modes: Mode[] = [BREAK];
  const docs: Doc[] = [doc];
  // the text as pieces, joined once at the end: one flat string, not a rope of thousands of
  // small ones that the caller's output would hold on to
  const out: string[] = [];
  let column = at.column ?? at.indent ?? 0;
  // what a newline leaves pending (its indentation) and flat lines' spaces: written only once
  // text follows, so no line ends with spaces and the output is never re-read
  let pending = 0;
  let endsWithSpace = false;
  let remeasure = false;
  while (docs.length > 0) {
    const ind = indents.pop()!;
    const mode = modes.pop()!;
    const d = docs.pop()!;
    if (typeof d === "string") {
      if (d.length === 0) continue;
      if (pending > 0) {
        out.push(spaces(pending));
        pending = 0;
      }
      out.push(d);
      column += textWidth(d);
      endsWithSpace = d.charCodeAt(d.length - 1) === 32;
      continue;
    }
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) {
        indents.push(ind);
        modes.push(mode);
        docs.push(d[i]!);
      }
      continue;
    }
    const node = d as Exclude<Doc, string | Doc[]>;
    switch (node.kind) {
      case "indent":
      case "align":
        indents.push(ind + (node.kind === "indent" ? 2 : node.by));
        modes.push(mode);
        docs.push(node.contents);
        break;
      case "ifBreak":
        indents.push(ind);
        modes.push(mode);
        docs.push(mode === BREAK ? node.broken : node.flat);
        break;
      case "line":
        if (mode === FLAT && !node.hard) {
          if (!node.soft) {
            pending += 1;
            column += 1;
          }
          break;
        }
        if (mode === FLAT) remeasure = true;
        // a text that ended with a space (rare): drop it, as prettier trims line ends
        if (endsWithSpace) trimEnd(out);
        out.push("\n");
        pending = ind;
        column = ind;
        endsWithSpace = false;
        break;
      case "group": {
        if (mode === FLAT && !remeasure) {
          const flat = node.flat;
          if (flat !== undefined) {
            // the text of a flat group: written in one walk, its width known
            if (flat.hasText) {
              if (pending > 0) out.push(spaces(pending));
              const last = writeFlat(node.contents, out);
              endsWithSpace = last.charCodeAt(last.length - 1) === 32;
              pending = 0;
            }
            pending += flat.trail;
            column += flat.width + flat.trail;
            break;
          }
          indents.push(ind);
          modes.push(node.broken ? BREAK : FLAT);
          docs.push(node.contents);
          break;
        }
        remeasure = false;
        const room = PRINT_WIDTH - column;
        if (!node.broken && fits(node, FLAT, modes, docs, room)) {
          const flat = node.flat;
          if (flat !== undefined) {
            if (flat.hasText) {
              if (pending > 0) out.push(spaces(pending));
              const last = writeFlat(node.contents, out);
              endsWithSpace = last.charCodeAt(last.length - 1) === 32;
              pending = 0;
            }
            pending += flat.trail;
            column += flat.width + flat.trail;
            break;
          }
          indents.push(ind);
          modes.push(FLAT);
          docs.push(node.contents);
          break;
        }
        const states = node.states;
        if (states === undefined) {
          indents.push(ind);
          modes.push(BREAK);
          docs.push(node.contents);
          break;
        }
        let chosen: Doc | undefined;
        for (let i = 1; i < states.length; i++) {
          if (fits(states[i]!, FLAT, modes, docs, room)) {
            chosen = states[i]!;
            break;
          }
        }
        indents.push(ind);
        modes.push(chosen === undefined ? BREAK : FLAT);
        docs.push(chosen ?? states[states.length - 1]!);
        break;
      }
    }
  }
  return out.join("");
}

const SPACES: string[] = [];

/** `n` spaces (the same string each time: indentation is written for every line). */
function spaces(n: number): string {
  if (n >= 128) return " ".repeat(n);
  return (SPACES[n] ??= " ".repeat(n));
}

// writeFlat's flat lines not yet written (only once text follows them)
let flatPending = 0;

/**
 * Writes the text of a group that has a Flat, printed flat, from its first text to its last (the
 * spaces of flat lines before its first text included, those after its last left out); gives the
 * last text written.
 */
function writeFlat(contents: Doc, out: string[]): string {
  flatPending = 0;
  return writeFlatDoc(contents, out, "");
}

function writeFlatDoc(doc: Doc, out: string[], last: string): string {
  if (typeof doc === "string") {
    if (doc.length === 0) return last;
    if (flatPending > 0) {
      out.push(spaces(flatPending));
      flatPending = 0;
    }
    out.push(doc);
    return doc;
  }
  if (Array.isArray(doc)) {
    for (let i = 0; i < doc.length; i++)
      last = writeFlatDoc(doc[i]!, out, last);
    return last;
  }
  const node = doc as Exclude<Doc, string | Doc[]>;
  switch (node.kind) {
    case "line":
      // never hard here: a group that holds one has no Flat
      if (!node.soft) flatPending += 1;
      return last;
    case "indent":
    case "align":
      return writeFlatDoc(node.contents, out, last);
    case "ifBreak":
      return writeFlatDoc(node.flat, out, last);
    case "group":
      return writeFlatDoc(node.contents, out, last);
  }
}

/** Drops the spaces the pieces end with. */
function trimEnd(out: string[]): void {
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    const trimmed = last.replace(/ +$/, "");
    if (trimmed.length > 0) {
      out[out.length - 1] = trimmed;
      return;
    }
    out.pop();
  }
}

/**
 * print(doc) when `after` (a `,`, a `;`) follows it on its line: counted by the width decisions,
 * left out of the text returned.
 */
export function printBefore(
  doc: Doc,
  after: string,
  at: { indent?: number; column?: number } = {},
): string {
  const text = print([doc, after], at);
  return text.slice(0, text.length - after.length);
}

// fits' own stack, reused between calls (the printer is not re-entrant anyway)
const fitModes: Mode[] = [];
const fitDocs: Doc[] = [];

/**
 * Whether `next` printed in `mode`, followed by the rest of the line, fits in `room` columns.
 * The rest is read from the printer's pending commands (in their own modes) up to the first
 * line break they would print: a line in a broken group, or a hard line.
 */
function fits(
  next: Doc,
  mode: Mode,
  restModes: readonly Mode[],
  restDocs: readonly Doc[],
  room: number,
): boolean {
  let restIndex = restDocs.length;
  // a flat line's space counts only once text follows it on the line
  let pendingSpace = false;
  fitModes.length = 0;
  fitDocs.length = 0;
  fitModes.push(mode);
  fitDocs.push(next);
  while (room >= 0) {
    if (fitDocs.length === 0) {
      if (restIndex === 0) return true;
      restIndex--;
      fitModes.push(restModes[restIndex]!);
      fitDocs.push(restDocs[restIndex]!);
      continue;
    }
    const m = fitModes.pop()!;
    const d = fitDocs.pop()!;
    if (typeof d === "string") {
      if (d.length === 0) continue;
      if (pendingSpace) {
        room -= 1;
        pendingSpace = false;
      }
      room -= textWidth(d);
      continue;
    }
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) {
        fitModes.push(m);
        fitDocs.push(d[i]!);
      }
      continue;
    }
    const node = d as Exclude<Doc, string | Doc[]>;
    switch (node.kind) {
      case "indent":
      case "align":
        fitModes.push(m);
        fitDocs.push(node.contents);
        break;
      case "ifBreak":
        fitModes.push(m);
        fitDocs.push(m === BREAK ? node.broken : node.flat);
        break;
      case "line":
        if (m === BREAK || node.hard) return true;
        if (!node.soft) pendingSpace = true;
        break;
      case "group": {
        const flat = node.flat;
        if (m === FLAT && !node.broken && flat !== undefined) {
          // measured when built: its width, not a walk
          if (flat.hasText) {
            room -= flat.fitsWidth + (pendingSpace && !flat.fitsLead ? 1 : 0);
            pendingSpace = flat.fitsTrail;
          } else if (flat.fitsTrail) pendingSpace = true;
          break;
        }
        fitModes.push(node.broken ? BREAK : m);
        fitDocs.push(node.contents);
        break;
      }
    }
  }
  return false;
}
