import { type Doc, textWidth } from "./doc-node.js";
import { PRINT_WIDTH } from "./literals.js";
import { trimTrailing } from "../../model/linear-text.js";

/** The printer of docs (see doc.ts): prettier's layout rules against PRINT_WIDTH. */

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
  // the command stack, as three parallel arrays written by index up to `top`
  const indents: number[] = [at.indent ?? 0];
  const modes: Mode[] = [BREAK];
  const docs: Doc[] = [doc];
  let top = 1;
  // the text as pieces, joined once at the end
  const out: string[] = [];
  let column = at.column ?? at.indent ?? 0;
  // what a newline leaves pending (its indentation) and flat lines' spaces: written only once
  // text follows, so no line ends with spaces and the output is never re-read
  let pending = 0;
  // a newline not written yet: written with the pending spaces as one piece (fewer pieces to
  // join), or alone when another newline follows (an empty line has no indentation)
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
      if (newline) {
        out.push("\n" + " ".repeat(pending));
        newline = false;
        pending = 0;
      } else if (pending > 0) {
        out.push(" ".repeat(pending));
        pending = 0;
      }
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
    const node = d as Exclude<Doc, string | Doc[]>;
    switch (node.kind) {
      case "indent":
      case "align":
        indents[top] = ind + (node.kind === "indent" ? 2 : node.by);
        modes[top] = mode;
        docs[top++] = node.contents;
        break;
      case "ifBreak":
        indents[top] = ind;
        modes[top] = mode;
        docs[top++] = mode === BREAK ? node.broken : node.flat;
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
        if (
          !node.broken &&
          (inFlat || fits(node, FLAT, modes, docs, top, room))
        ) {
          indents[top] = ind;
          modes[top] = FLAT;
          docs[top++] = node.contents;
          break;
        }
        const states = node.states;
        if (inFlat || states === undefined) {
          indents[top] = ind;
          modes[top] = BREAK;
          docs[top++] = node.contents;
          break;
        }
        let chosen: Doc | undefined;
        for (let i = 1; i < states.length; i++) {
          if (fits(states[i]!, FLAT, modes, docs, top, room)) {
            chosen = states[i]!;
            break;
          }
        }
        indents[top] = ind;
        modes[top] = chosen === undefined ? BREAK : FLAT;
        docs[top++] = chosen ?? states[states.length - 1]!;
        break;
      }
    }
  }
  if (newline) out.push("\n");
  return out.join("");
}

/** Drops the spaces the pieces end with. */
function trimEnd(out: string[]): void {
  while (out.length > 0) {
    const last = out[out.length - 1]!;
    // most pieces end in no space: nothing to replace (nor a RegExp object to make)
    if (last.length > 0 && last.charCodeAt(last.length - 1) !== 32) return;
    const trimmed = trimTrailing(last, " ");
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
 * The rest is read from the printer's pending commands (in their own modes, below `restTop`) up to the first
 * line break they would print: a line in a broken group, or a hard line.
 */
function fits(
  next: Doc,
  mode: Mode,
  restModes: readonly Mode[],
  restDocs: readonly Doc[],
  restTop: number,
  room: number,
): boolean {
  let restIndex = restTop;
  // a flat line's space counts only once text follows it on the line
  let pendingSpace = false;
  let top = 0;
  fitModes[top] = mode;
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
      if (pendingSpace) {
        room -= 1;
        pendingSpace = false;
      }
      room -= textWidth(d);
      continue;
    }
    if (Array.isArray(d)) {
      for (let i = d.length - 1; i >= 0; i--) {
        fitModes[top] = m;
        fitDocs[top++] = d[i]!;
      }
      continue;
    }
    const node = d as Exclude<Doc, string | Doc[]>;
    switch (node.kind) {
      case "indent":
      case "align":
        fitModes[top] = m;
        fitDocs[top++] = node.contents;
        break;
      case "ifBreak":
        fitModes[top] = m;
        fitDocs[top++] = m === BREAK ? node.broken : node.flat;
        break;
      case "line":
        if (m === BREAK || node.hard) return true;
        if (!node.soft) pendingSpace = true;
        break;
      case "group":
        fitModes[top] = node.broken ? BREAK : m;
        fitDocs[top++] = node.contents;
        break;
    }
  }
  return false;
}
