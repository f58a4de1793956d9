import { PRINT_WIDTH } from "../shared/literals.js";

/**
 * The few statement shapes the validator files are made of, laid out the way prettier (default
 * options) lays them out, so the text needs no formatting pass. The code generator keeps
 * conditions short (helper calls, short local names), so only calls, arrays and `if` bodies ever
 * break.
 */

export const pad = (n: number): string => " ".repeat(n);

/** A call argument: an expression, or the items of an array literal (never number-only). */
export type Arg = string | readonly string[];

const flatArg = (a: Arg): string =>
  typeof a === "string" ? a : `[${a.join(", ")}]`;

/**
 * `lead callee(a, b, c)end` starting at column `indent`: one line when it fits; a last argument
 * that is an array is hugged (`callee(a, [` … `])`); otherwise one argument per line with a
 * trailing comma (an array that does not fit there either is expanded).
 */
export function call(
  lead: string,
  callee: string,
  args: readonly Arg[],
  indent: number,
  end = ";",
): string {
  const oneLine = `${pad(indent)}${lead}${callee}(${args.map(flatArg).join(", ")})${end}`;
  if (oneLine.length <= PRINT_WIDTH) return oneLine;
  const last = args[args.length - 1];
  const before = args.slice(0, -1);
  if (
    last !== undefined &&
    typeof last !== "string" &&
    last.length > 0 &&
    before.every((a) => typeof a === "string")
  ) {
    const head = `${pad(indent)}${lead}${callee}(${[...before, "["].join(", ")}`;
    return `${head}\n${expandedItems(last, indent + 2)}\n${pad(indent)}])${end}`;
  }
  return `${pad(indent)}${lead}${callee}(\n${args.map((a) => argLine(a, indent + 2)).join("\n")}\n${pad(indent)})${end}`;
}

function argLine(arg: Arg, indent: number): string {
  const flat = `${pad(indent)}${flatArg(arg)},`;
  if (typeof arg === "string" && flat.length > PRINT_WIDTH) {
    // a sum that does not fit: its first operand there, each next one on a line of its own
    const operands = sumOperands(arg);
    if (operands.length > 1)
      return operands
        .map((o, i) =>
          i === 0
            ? `${pad(indent)}${o} +`
            : `${pad(indent + 2)}${o}${i < operands.length - 1 ? " +" : ","}`,
        )
        .join("\n");
  }
  if (typeof arg === "string" || flat.length <= PRINT_WIDTH) return flat;
  return `${pad(indent)}[\n${expandedItems(arg, indent + 2)}\n${pad(indent)}],`;
}

/** The operands of `a + "b" + c(d)` (string literals may hold ` + `). */
export function sumOperands(expr: string): string[] {
  return expr.match(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^ +]+/g) ?? [expr];
}

function expandedItems(items: readonly string[], indent: number): string {
  return items.map((i) => `${pad(indent)}${i},`).join("\n");
}

/** `const NAME = [a, b];`, or one item per line when too long. */
export function arrayConstant(name: string, items: readonly string[]): string {
  const oneLine = `const ${name} = [${items.join(", ")}];`;
  if (oneLine.length <= PRINT_WIDTH || items.length === 0) return oneLine;
  return `const ${name} = [\n${expandedItems(items, 2)}\n];`;
}

/**
 * `if (cond) statement`, the statement moving to the next line when the whole does not fit on
 * one. `statement(indent, lead)` renders the statement (a `call`) with `lead` before it.
 */
export function ifStatement(
  cond: string,
  statement: (indent: number, lead: string) => string,
  indent: number,
): string {
  const oneLine = statement(indent, `if (${cond}) `);
  if (!oneLine.includes("\n") && oneLine.length <= PRINT_WIDTH) return oneLine;
  return `${pad(indent)}if (${cond})\n${statement(indent + 2, "")}`;
}

/** `function name(params) {` on one line when it fits, else one parameter per line. */
export function functionHead(
  head: string,
  params: readonly string[],
  returnType: string,
): string {
  const oneLine = `${head}(${params.join(", ")}): ${returnType} {`;
  if (oneLine.length <= PRINT_WIDTH) return oneLine;
  return `${head}(\n${params.map((p) => `  ${p},`).join("\n")}\n): ${returnType} {`;
}
