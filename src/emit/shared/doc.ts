import { type Doc, type Group, measure, scan } from "./doc-node.js";

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
  if (forceBreak) return groupNode(contents, true, undefined, undefined);
  const flat = measure(contents);
  return groupNode(contents, scan.broken, undefined, flat);
}

function groupNode(
  contents: Doc,
  broken: boolean,
  states: readonly Doc[] | undefined,
  flat: Group["flat"],
): Group {
  return { kind: "group", contents, broken, states, flat };
}

/**
 * Tries each layout in turn and prints the first whose first line fits (prettier's
 * conditionalGroup): the first flat, the later ones as they are (their own groups decide); the
 * last is the fallback, printed broken. Hard lines inside do not break the groups around it.
 */
export function conditionalGroup(states: Doc[]): Doc {
  const contents = states[0]!;
  return groupNode(contents, false, states, measure(contents));
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
