import { trimTrailing } from "../../model/linear-text.js";
import { PRINT_WIDTH } from "./literals.js";

/**
 * A document builder in the Wadler/prettier style: emitters say what may break, and one printer
 * decides against PRINT_WIDTH with prettier's rules (a group is flat when it fits up to the next
 * possible line break after it; outermost first; a hard line breaks the groups around it), so
 * the output passes `prettier --check`. Text must not hold a newline (use hardline).
 */

/** The nodes of a Doc; whether a group must break is known when it is built. */
export type Doc =
  | string
  | Doc[]
  | Line
  | Group
  | { readonly kind: "indent"; readonly contents: Doc }
  | { readonly kind: "align"; readonly by: number; readonly contents: Doc }
  | { readonly kind: "ifBreak"; readonly broken: Doc; readonly flat: Doc };

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
}

/** Whether a group around `doc` must break: it holds a hard line or a broken group. */
function breaks(doc: Doc): boolean {
  if (typeof doc === "string") return false;
  if (Array.isArray(doc)) return doc.some(breaks);
  switch (doc.kind) {
    case "line":
      return doc.hard;
    case "group":
      // a conditionalGroup keeps its hard lines to itself, as in prettier
      return doc.broken && doc.states === undefined;
    case "indent":
    case "align":
      return breaks(doc.contents);
    case "ifBreak":
      return breaks(doc.broken) || breaks(doc.flat);
  }
}

/** Columns a text takes as prettier counts them: wide ones two, control and combining ones none. */
export function textWidth(text: string): number {
  // most texts are printable ASCII: the RegExp scans them faster than a loop
  if (!NOT_PRINTABLE_ASCII.test(text)) return text.length;
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0x20 && unit <= 0x7e) continue;
    const code = text.codePointAt(i)!;
    // a surrogate pair is one character
    if (code > 0xffff) {
      i++;
      n--;
    }
    if (code <= 0x1f || (code >= 0x7f && code <= 0x9f)) n--;
    else if (code >= 0x300 && code <= 0x36f) n--;
    else if (isWide(code)) n++;
  }
  return n;
}

const NOT_PRINTABLE_ASCII = /[^\x20-\x7e]/;

/** The wide code points, as pairs of first and last. */
const WIDE = [
  0x1100, 0x115f, 0x2e80, 0x303e, 0x3041, 0x33ff, 0x3400, 0x4dbf, 0x4e00,
  0x9fff, 0xa000, 0xa4cf, 0xac00, 0xd7a3, 0xf900, 0xfaff, 0xfe30, 0xfe4f,
  0xff00, 0xff60, 0xffe0, 0xffe6, 0x1f300, 0x1f64f, 0x1f900, 0x1f9ff, 0x20000,
  0x3fffd,
];

function isWide(code: number): boolean {
  return WIDE.some(
    (first, i) => i % 2 === 0 && code >= first && code <= WIDE[i + 1]!,
  );
}

const lineOf = (soft: boolean, hard: boolean): Doc =>
  Object.freeze({ kind: "line", soft, hard } satisfies Line);
/** A space, or a newline (at the current indentation) when its group breaks. */
export const line = lineOf(false, false);
/** Nothing, or a newline when its group breaks. */
export const softline = lineOf(true, false);
/** Always a newline; the groups around it break. */
export const hardline = lineOf(false, true);

/** Printed flat when it fits in the rest of the line, else broken (its lines become newlines). */
export function group(contents: Doc, forceBreak = false): Doc {
  const broken = forceBreak || breaks(contents);
  return { kind: "group", contents, broken, states: undefined } satisfies Group;
}

/**
 * Tries each layout in turn and prints the first whose first line fits (prettier's
 * conditionalGroup): the first flat, the later ones as they are (their own groups decide); the
 * last is the fallback, printed broken. Hard lines inside do not break the groups around it.
 */
export function conditionalGroup(states: Doc[]): Doc {
  return { kind: "group", contents: states[0]!, broken: false, states };
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

/** The docs with `separator` between each two (a loop: V8's flatMap is ~10x slower, and hot). */
export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  const out = docs.slice(0, 1);
  for (let i = 1; i < docs.length; i++) out.push(separator, docs[i]!);
  return out;
}

const FLAT = 0;
const BREAK = 1;
type Mode = typeof FLAT | typeof BREAK;

/**
 * Lays the doc out against PRINT_WIDTH. `at` says where it starts: `column` is where the first
 * character lands (text before it on the line is the caller's), `indent` the indentation its
 * line breaks return to. Trailing spaces before a newline are dropped, as prettier does.
 */
export function print(doc: Doc, at: { indent?: number; column?: number } = {}) {
  // the command stack, as three parallel arrays written by index up to `top`
  const indents: number[] = [at.indent ?? 0];
  const modes: Mode[] = [BREAK];
  const docs: Doc[] = [doc];
  let top = 1;
  const out: string[] = [];
  let column = at.column ?? at.indent ?? 0;
  // a newline's indentation and flat lines' spaces, written only once text follows (no line
  // ends with spaces); a newline alone when another follows (an empty line has no indentation)
  let pending = 0;
  let newline = false;
  let endsWithSpace = false;
  let remeasure = false;
  while (top > 0) {
    top--;
    const ind = indents[top]!;
    const mode = modes[top]!;
    const d = docs[top]!;
    if (typeof d === "string") {
      if (d.length === 0) continue;
      if (newline || pending > 0)
        out.push((newline ? "\n" : "") + " ".repeat(pending));
      newline = false;
      pending = 0;
      out.push(d);
      column += textWidth(d);
      endsWithSpace = d.charCodeAt(d.length - 1) === 32;
      continue;
    }
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) {
        indents[top] = ind;
        modes[top] = mode;
        docs[top++] = d[i]!;
      }
      continue;
    }
    switch (d.kind) {
      case "indent":
      case "align":
        indents[top] = ind + (d.kind === "indent" ? 2 : d.by);
        modes[top] = mode;
        docs[top++] = d.contents;
        break;
      case "ifBreak":
        indents[top] = ind;
        modes[top] = mode;
        docs[top++] = mode === BREAK ? d.broken : d.flat;
        break;
      case "line":
        if (mode === FLAT && !d.hard) {
          if (!d.soft) {
            pending += 1;
            column += 1;
          }
          break;
        }
        if (mode === FLAT) remeasure = true;
        // a text that ended with a space (rare): drop it, as prettier trims line ends
        if (endsWithSpace) trimEnd(out);
        if (newline) out.push("\n");
        newline = true;
        pending = ind;
        column = ind;
        endsWithSpace = false;
        break;
      case "group": {
        // inside a flat group, a group is flat unless it must break; elsewhere, when it fits
        const inFlat = mode === FLAT && !remeasure;
        remeasure = false;
        const room = PRINT_WIDTH - column;
        const states = d.states;
        let chosen = d.contents;
        let chosenMode: Mode = BREAK;
        if (!d.broken && (inFlat || fits(d, modes, docs, top, room)))
          chosenMode = FLAT;
        else if (!inFlat && states !== undefined) {
          // the first later layout that fits, flat; else the last, broken
          const fit = states.findIndex(
            (state, i) => i > 0 && fits(state, modes, docs, top, room),
          );
          chosen = states[fit === -1 ? states.length - 1 : fit]!;
          if (fit !== -1) chosenMode = FLAT;
        }
        indents[top] = ind;
        modes[top] = chosenMode;
        docs[top++] = chosen;
        break;
      }
    }
  }
  if (newline) out.push("\n");
  return out.join("");
}

function trimEnd(out: string[]): void {
  let last = "";
  while (last === "" && out.length > 0) last = trimTrailing(out.pop()!, " ");
  if (last !== "") out.push(last);
}

/** print(doc) when `after` (`,`, `;`) follows it on its line: counted for the fit, not returned. */
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
 * Whether `next` printed flat, followed by the rest of the line, fits in `room` columns. The
 * rest is read from the printer's pending commands (in their own modes, below `restTop`) up to
 * the first line break they would print: a line in a broken group, or a hard line.
 */
function fits(
  next: Doc,
  restModes: readonly Mode[],
  restDocs: readonly Doc[],
  restTop: number,
  room: number,
): boolean {
  let restIndex = restTop;
  // a flat line's space counts only once text follows it on the line
  let pendingSpace = false;
  let top = 0;
  fitModes[top] = FLAT;
  fitDocs[top++] = next;
  while (room >= 0) {
    if (top === 0) {
      if (restIndex === 0) return true;
      restIndex--;
      fitModes[top] = restModes[restIndex]!;
      fitDocs[top++] = restDocs[restIndex]!;
      continue;
    }
    top--;
    const m = fitModes[top]!;
    const d = fitDocs[top]!;
    if (typeof d === "string") {
      if (d.length === 0) continue;
      room -= textWidth(d) + (pendingSpace ? 1 : 0);
      pendingSpace = false;
      continue;
    }
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) {
        fitModes[top] = m;
        fitDocs[top++] = d[i]!;
      }
      continue;
    }
    switch (d.kind) {
      case "indent":
      case "align":
        fitModes[top] = m;
        fitDocs[top++] = d.contents;
        break;
      case "ifBreak":
        fitModes[top] = m;
        fitDocs[top++] = m === BREAK ? d.broken : d.flat;
        break;
      case "line":
        if (m === BREAK || d.hard) return true;
        if (!d.soft) pendingSpace = true;
        break;
      case "group":
        fitModes[top] = d.broken ? BREAK : m;
        fitDocs[top++] = d.contents;
        break;
    }
  }
  return false;
}
