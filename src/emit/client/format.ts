import { PRINT_WIDTH, propertyKey, stringLiteral } from "../shared/literals.js";

/**
 * Layout of the few JavaScript shapes the client file is made of, decided the way prettier
 * (default options) decides them, so the text needs no formatting pass.
 */

const pad = (n: number): string => " ".repeat(n);

/** `export function name(a, b): R {` on one line when it fits, else one parameter per line. */
export function functionHead(
  head: string,
  params: string[],
  returnType: string,
): string {
  const oneLine = `${head}(${params.join(", ")}): ${returnType} {`;
  if (oneLine.length <= PRINT_WIDTH) return oneLine;
  return `${head}(\n${params.map((p) => `  ${p},`).join("\n")}\n): ${returnType} {`;
}

/** `import { a, b } from "x";`, or one name per line when that is too long. */
export function importStatement(
  names: string[],
  from: string,
  typeOnly: boolean,
): string {
  const keyword = typeOnly ? "import type" : "import";
  const source = stringLiteral(from);
  const oneLine = `${keyword} { ${names.join(", ")} } from ${source};`;
  if (oneLine.length <= PRINT_WIDTH) return oneLine;
  return `${keyword} {\n${names.map((n) => `  ${n},`).join("\n")}\n} from ${source};`;
}

/**
 * `export type Name = Generic<A, B>;`: type arguments one per line when too long, and the whole
 * right-hand side on the next line when even `export type Name = Generic<` does not fit.
 */
export function genericAlias(
  name: string,
  generic: string,
  args: string[],
): string {
  const head = `export type ${name} =`;
  const oneLine = `${head} ${generic}<${args.join(", ")}>;`;
  if (oneLine.length <= PRINT_WIDTH) return oneLine;
  const broken = (indent: number) =>
    `${generic}<\n${args.map((a) => `${pad(indent + 2)}${a}`).join(",\n")}\n${pad(indent)}>;`;
  if (`${head} ${generic}<`.length <= PRINT_WIDTH)
    return `${head} ${broken(0)}`;
  const nextLine = `  ${generic}<${args.join(", ")}>;`;
  if (nextLine.length <= PRINT_WIDTH) return `${head}\n${nextLine}`;
  return `${head}\n  ${broken(2)}`;
}

/**
 * `key: value,` inside an expanded object literal at `indent`. A string value that does not fit
 * moves to the next line unless the key is shorter than 5 characters (prettier's assignment
 * layout: breaking after a short key gains nothing).
 */
export function propertyLine(
  key: string,
  value: string,
  indent: number,
  isString = false,
): string {
  const k = propertyKey(key);
  const line = `${pad(indent)}${k}: ${value},`;
  if (line.length <= PRINT_WIDTH || !isString || k.length < 5) return line;
  return `${pad(indent)}${k}:\n${pad(indent + 2)}${value},`;
}

/**
 * An array of string arrays as a property value (`security: [["a"], ["b", "c"]]`). Prettier
 * breaks the outer array when it does not fit, and always when it has several elements that
 * each hold several strings (its matrix rule).
 */
export function stringMatrix(
  key: string,
  rows: string[][],
  indent: number,
): string {
  const row = (r: string[]) => `[${r.map(stringLiteral).join(", ")}]`;
  const flat = `${pad(indent)}${propertyKey(key)}: [${rows.map(row).join(", ")}],`;
  const matrix = rows.length > 1 && rows.every((r) => r.length > 1);
  if (!matrix && flat.length <= PRINT_WIDTH) return flat;
  const lines = rows.map((r) => `${pad(indent + 2)}${row(r)},`);
  return `${pad(indent)}${propertyKey(key)}: [\n${lines.join("\n")}\n${pad(indent)}],`;
}
