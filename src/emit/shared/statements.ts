import {
  conditionalGroup,
  type Doc,
  group,
  ifBreak,
  indent,
  join,
  line,
  print,
  softline,
  textWidth,
} from "./doc.js";
import { propertyKey, stringLiteral } from "./literals.js";

// The statement shapes every emitter writes, laid out by shared/doc.ts as prettier lays them out.

/**
 * The inside of `(…)`, `[…]` or `{…}`: flat, or one item per line with a trailing comma when
 * `trailingComma` (type arguments take none). `spaced`: `{ a, b }` when flat.
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

/**
 * `callee(first, last)` as prettier expands a last argument: flat when it fits, else `last`
 * broken and hugged by the call (`callee(first, {` … `})`), else one argument per line.
 */
export function huggedCall(
  callee: string,
  first: Doc,
  last: (broken: boolean) => Doc,
): Doc {
  return conditionalGroup([
    [callee, "(", first, ", ", last(false), ")"],
    [callee, "(", first, ", ", last(true), ")"],
    group([callee, "(", items([first, last(false)]), ")"]),
  ]);
}

/** `import { a, b } from "x";` (or `import type`), one name per line when too long. */
export function importStatement(
  names: readonly string[],
  from: string,
  typeOnly: boolean,
): string {
  const keyword = typeOnly ? "import type {" : "import {";
  const tail = `} from ${stringLiteral(from)};`;
  return print(group([keyword, items(names, { spaced: true }), tail]));
}

/** `function name(a, b): R {` (`… {}` with `emptyBody`), one parameter per line when too long. */
export function functionHead(
  head: string,
  params: readonly string[],
  returnType: string,
  emptyBody = false,
): string {
  const open = emptyBody ? "{}" : "{";
  return print(group([head, "(", items(params), `): ${returnType} ${open}`]));
}

/** `key: Generic<A, B>;` at `indent` (included), the type arguments one per line when too long. */
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

/**
 * A JSON value as a TypeScript expression: strings as string literals, keys as property keys
 * (`__proto__` computed: a member, never the prototype); one item per line when too long.
 */
export function jsonDoc(value: unknown): Doc {
  if (value === null) return "null";
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number" || typeof value === "boolean")
    return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return group(["[", items(value.map(jsonDoc)), "]"]);
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  const members = entries.map(([key, v]) => member(propertyKey(key), v));
  return group(["{", items(members, { spaced: true }), "}"]);
}

/**
 * `key: value`; a string too long for the line goes to the next one, indented, unless the key is
 * shorter than 5 columns (prettier keeps it beside such a key: breaking gains little).
 */
function member(key: string, value: unknown): Doc {
  if (typeof value === "string" && textWidth(key) >= 5)
    return assignment(`${key}:`, stringLiteral(value), "");
  return [`${key}: `, jsonDoc(value)];
}
