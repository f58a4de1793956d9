import {
  type Doc,
  group,
  ifBreak,
  indent as indentDoc,
  line,
  print,
} from "../shared/doc.js";
import { items } from "../shared/statements.js";

/**
 * The few statement shapes the validator files are made of, as docs (see shared/doc.ts) shaped
 * the way prettier (default options) lays them out, so the text needs no formatting pass. The
 * code generator keeps conditions short (helper calls, short local names), so only calls, arrays
 * and `if` bodies ever break.
 */

export { functionHead } from "../shared/statements.js";

export const pad = (n: number): string => " ".repeat(n);

/** A call argument: an expression, or the items of an array literal (never number-only). */
export type Arg = string | readonly string[];

/**
 * `callee(a, b, c)end`: one line when it fits; a last argument that is an array is hugged
 * (`callee(a, [` … `])`); otherwise one argument per line with a trailing comma (an array that
 * does not fit there either is expanded).
 */
export function callDoc(callee: string, args: readonly Arg[], end = ";"): Doc {
  const last = args[args.length - 1];
  const before = args.slice(0, -1);
  if (
    last !== undefined &&
    typeof last !== "string" &&
    last.length > 0 &&
    before.every((a) => typeof a === "string")
  ) {
    const head = `${callee}(${[...before, "["].join(", ")}`;
    return group([head, items(last), "])", end]);
  }
  return group([`${callee}(`, items(args.map(argDoc)), ")", end]);
}

/** `lead callee(a, b, c)end` starting at column `indent` (see callDoc). */
export function call(
  lead: string,
  callee: string,
  args: readonly Arg[],
  indent: number,
  end = ";",
): string {
  return pad(indent) + print([lead, callDoc(callee, args, end)], { indent });
}

function argDoc(arg: Arg): Doc {
  if (typeof arg !== "string") return group(["[", items(arg), "]"]);
  // a sum that does not fit: its first operand there, each next one on a line of its own
  const operands = sumOperands(arg);
  if (operands.length <= 1) return arg;
  const broken = [
    operands[0]!,
    indentDoc(operands.slice(1).map((o) => [" +", line, o])),
  ];
  return group(ifBreak(broken, arg));
}

/** The operands of `a + "b" + c(d)` (string literals may hold ` + `). */
export function sumOperands(expr: string): string[] {
  return expr.match(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^ +]+/g) ?? [expr];
}

/** `const NAME = [a, b];`, or one item per line when too long. */
export function arrayConstant(name: string, list: readonly string[]): string {
  return print(group([`const ${name} = [`, items(list), "];"]));
}

/**
 * `if (cond) statement`, the statement moving to the next line (where it may break itself) when
 * the whole does not fit on one.
 */
export function ifStatement(
  cond: string,
  statement: Doc,
  indent: number,
): string {
  const doc = group([`if (${cond})`, indentDoc([line, statement])]);
  return pad(indent) + print(doc, { indent });
}
