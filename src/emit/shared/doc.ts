import { breaks, type Doc, type Group } from "./doc-node.js";

/**
 * A document builder in the Wadler/prettier style: emitters say what may break, and one printer
 * decides against PRINT_WIDTH with prettier's rules (a group is flat when it fits up to the next
 * possible line break after it; outermost first; a hard line breaks the groups around it), so
 * the output passes `prettier --check`. Text must not hold a newline (use hardline).
 */
export type { Doc } from "./doc-node.js";
export { NARROWER_THAN_LENGTH, textWidth } from "./doc-node.js";
export { print, printBefore } from "./doc-print.js";

/** A space, or a newline (at the current indentation) when its group breaks. */
export const line: Doc = Object.freeze({
  kind: "line",
  soft: false,
  hard: false,
});
/** Nothing, or a newline when its group breaks. */
export const softline: Doc = Object.freeze({
  kind: "line",
  soft: true,
  hard: false,
});
/** Always a newline; the groups around it break. */
export const hardline: Doc = Object.freeze({
  kind: "line",
  soft: false,
  hard: true,
});

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

/** The docs with `separator` between each two. */
export function join(separator: Doc, docs: readonly Doc[]): Doc[] {
  const out: Doc[] = [];
  for (let i = 0; i < docs.length; i++) {
    if (i > 0) out.push(separator);
    out.push(docs[i]!);
  }
  return out;
}
