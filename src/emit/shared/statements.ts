import {
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
import { PRINT_WIDTH, propertyKey, stringLiteral } from "./literals.js";

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
  // the text print(group([keyword, items(names, spaced), tail])) writes, without the doc
  // (statements.test.ts checks both agree)
  const flat =
    names.length === 0
      ? `${keyword}${tail}`
      : `${keyword} ${names.join(", ")} ${tail}`;
  // no names: nothing can break
  if (names.length === 0 || textWidth(flat) <= PRINT_WIDTH) return flat;
  // broken: a name per line, each with its comma (the group printed broken)
  return `${keyword}\n  ${names.join(",\n  ")},\n${tail}`;
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
  // the text print(group([head, "(", items(params), `): R {`])) writes, without the doc
  // (statements.test.ts checks both agree)
  const flat = `${head}(${params.join(", ")}): ${returnType} ${open}`;
  // no parameters: nothing can break
  if (params.length === 0 || textWidth(flat) <= PRINT_WIDTH) return flat;
  // broken: a parameter per line, each with its comma (the group printed broken)
  return `${head}(\n  ${params.join(",\n  ")},\n): ${returnType} ${open}`;
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
  const pad = " ".repeat(indent);
  const head = `${propertyKey(key)}: ${generic}<`;
  // the text print(group([head, items(args, no trailing comma), ">;"])) writes, without the
  // doc (client/format.test.ts checks both agree)
  const flat = `${head}${args.join(", ")}>;`;
  // no arguments: nothing can break
  if (args.length === 0 || indent + textWidth(flat) <= PRINT_WIDTH)
    return pad + flat;
  // an empty argument, or one ending with a space (print trims it at the line end): the printer
  if (args.some((a) => a === "" || a.endsWith(" ")))
    return (
      pad +
      print(group([head, items(args, { trailingComma: false }), ">;"]), {
        indent,
      })
    );
  const inner = `\n${pad}  `;
  return `${pad}${head}${inner}${args.join(`,${inner}`)}\n${pad}>;`;
}

/** `head value` + `end`, the value on the next line (indented) when the line is too long. */
export function assignment(head: string, value: string, end: string): Doc {
  return group([head, indent([line, value]), end]);
}
