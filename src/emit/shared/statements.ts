import {
  type Doc,
  group,
  ifBreak,
  indent,
  join,
  line,
  print,
  softline,
} from "./doc.js";
import { propertyKey, stringLiteral } from "./literals.js";

/**
 * Docs for the few statement shapes every emitter writes (imports, function heads, bracketed
 * lists), laid out by shared/doc.ts the way prettier lays them out.
 */

/**
 * The inside of `(…)`, `[…]` or `{…}`: nothing between the brackets when flat, else one item per
 * line, indented, with a trailing comma when `trailingComma` (type arguments take none).
 * `spaced` puts a space inside the brackets when flat (`{ a, b }`).
 */
export function items(
  docs: readonly Doc[],
  { trailingComma = true, spaced = false } = {},
): Doc {
  if (docs.length === 0) return "";
  const edge = spaced ? line : softline;
  return [
    indent([edge, join([",", line], docs), trailingComma ? ifBreak(",") : ""]),
    edge,
  ];
}

/** `import { a, b } from "x";`, or one name per line when that is too long. */
export function importStatement(
  names: readonly string[],
  from: string,
  typeOnly: boolean,
): string {
  const keyword = typeOnly ? "import type {" : "import {";
  const tail = `} from ${stringLiteral(from)};`;
  return print(group([keyword, items(names, { spaced: true }), tail]));
}

/**
 * `function name(a, b): R {` on one line when it fits, else one parameter per line; with
 * `emptyBody`, `… {}` (the `}` counts for the fit).
 */
export function functionHead(
  head: string,
  params: readonly string[],
  returnType: string,
  emptyBody = false,
): string {
  const open = emptyBody ? "{}" : "{";
  return print(group([head, "(", items(params), `): ${returnType} ${open}`]));
}

/**
 * `key: Generic<A, B>;` at `indent` (its indentation included): on one line when it fits, else
 * the type arguments one per line (they take no trailing comma), `>;` back at `indent`.
 */
export function genericMember(
  key: string,
  generic: string,
  args: readonly string[],
  indent: number,
): string {
  const head = `${propertyKey(key)}: ${generic}<`;
  const doc = group([head, items(args, { trailingComma: false }), ">;"]);
  return " ".repeat(indent) + print(doc, { indent });
}

/** `head value` + `end`, the value on the next line (indented) when the line is too long. */
export function assignment(head: string, value: string, end: string): Doc {
  return group([head, indent([line, value]), end]);
}
