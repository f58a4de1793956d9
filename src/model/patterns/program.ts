import type { PatternProgram } from "./guard.js";
import { readPattern, UnreadSyntax, type PatternSyntax } from "./syntax.js";

/**
 * A `pattern` compiled for the validators' Pike VM (`linear`, templates/validators/formats.ts),
 * linear in the text (lookaround, backreferences refused): instructions `[op, a, b]`, `op` one of:
 */
export const OP = {
  /** The text matched. */
  MATCH: 0,
  /** One character (code point with `u`, UTF-16 unit without) equal to `a`. */
  CHAR: 1,
  /** One character that class `a` (a one-character RegExp text of `classes`) matches. */
  CLASS: 2,
  /** Go on at `a` and at `b`. */
  SPLIT: 3,
  /** Go on at `a`. */
  JUMP: 4,
  /** Go on only if assertion `a` holds here: 0 `^`, 1 `$`, 2 `\b`, 3 `\B`. */
  ASSERT: 5,
} as const;

export { UnreadSyntax as NoLinearProgram };

/** Instructions a program may have: a larger one (`a{1,5000}`) is refused, not expanded. */
export const MAX_INSTRUCTIONS = 5000;

/** Throws {@link UnreadSyntax} for what it cannot compile, or past {@link MAX_INSTRUCTIONS}. */
export function patternProgram(
  pattern: string,
  flags: "u" | "",
): PatternProgram {
  const code: number[] = [];
  const classes: string[] = [];
  emit(readPattern(pattern, flags), code, classes);
  code.push(OP.MATCH, 0, 0);
  return { code, classes };
}

function emit(node: PatternSyntax, code: number[], classes: string[]): void {
  if (code.length / 3 > MAX_INSTRUCTIONS)
    throw new UnreadSyntax(`more than ${MAX_INSTRUCTIONS} instructions`);
  switch (node.t) {
    case "char":
      code.push(OP.CHAR, node.c, 0);
      return;
    case "class":
    case "property":
      return emitClass(node.text, code, classes);
    case "escape":
      return emitClass(`\\${node.e}`, code, classes);
    case "dot":
      return emitClass(".", code, classes);
    case "assert":
      code.push(OP.ASSERT, node.k, 0);
      return;
    case "look":
      throw new UnreadSyntax("lookaround");
    case "seq":
      for (const item of node.items) emit(item, code, classes);
      return;
    case "alt": {
      const jumps: number[] = [];
      for (const item of node.items.slice(0, -1)) {
        const split = code.length;
        code.push(OP.SPLIT, split / 3 + 1, 0);
        emit(item, code, classes);
        jumps.push(code.length);
        code.push(OP.JUMP, 0, 0);
        code[split + 2] = code.length / 3;
      }
      emit(node.items.at(-1)!, code, classes);
      for (const at of jumps) code[at + 1] = code.length / 3;
      return;
    }
    case "rep": {
      for (let n = 0; n < node.min; n++) emit(node.node, code, classes);
      if (node.max === Infinity) {
        const split = code.length;
        code.push(OP.SPLIT, split / 3 + 1, 0);
        emit(node.node, code, classes);
        code.push(OP.JUMP, split / 3, 0);
        code[split + 2] = code.length / 3;
        return;
      }
      const splits: number[] = [];
      for (let n = node.min; n < node.max; n++) {
        splits.push(code.length);
        code.push(OP.SPLIT, code.length / 3 + 1, 0);
        emit(node.node, code, classes);
      }
      for (const at of splits) code[at + 2] = code.length / 3;
      return;
    }
  }
}

/** A one-character class, kept once in `classes` however often the program tests it. */
function emitClass(text: string, code: number[], classes: string[]): void {
  let k = classes.indexOf(text);
  if (k === -1) k = classes.push(text) - 1;
  code.push(OP.CLASS, k, 0);
}
