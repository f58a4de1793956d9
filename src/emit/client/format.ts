import {
  assignment,
  conditionalGroup,
  type Doc,
  group,
  indent,
  items,
  line,
  print,
  PRINT_WIDTH,
  propertyKey,
  stringLiteral,
  textWidth,
} from "../toolkit.js";

// The few shapes the client file is made of, laid out as prettier lays them out (shared/doc.ts).

const pad = (n: number): string => " ".repeat(n);

export function genericAlias(
  name: string,
  generic: string,
  args: string[],
): string {
  return print(genericAliasDoc(`export type ${name} =`, generic, args));
}

/**
 * `export type Name<P> = Generic<A, B>;`: as `genericAlias` when `export type Name<P> =` fits,
 * else `P` on its own line and the right-hand side after `> =` (the left side breaks first).
 */
export function genericAliasOf(
  name: string,
  param: string,
  generic: string,
  args: string[],
): string {
  if (textWidth(`export type ${name}<${param}> =`) <= PRINT_WIDTH)
    return genericAlias(`${name}<${param}>`, generic, args);
  return `export type ${name}<\n  ${param},\n${print(genericAliasDoc("> =", generic, args))}`;
}

/**
 * `head Generic<A, B>;`: type arguments one per line when too long (a lone one stays hugged), the
 * right-hand side on the next line when even `head Generic<` does not fit.
 */
export function genericAliasDoc(
  head: string,
  generic: string,
  args: string[],
): Doc {
  const type = (forceBreak: boolean): Doc =>
    args.length === 1
      ? `${generic}<${args[0]}>`
      : group(
          [generic, "<", items(args, { trailingComma: false }), ">"],
          forceBreak,
        );
  const states: Doc[] =
    args.length === 1
      ? [[" ", type(false)], indent([line, type(false)])]
      : [[" ", type(false)], [" ", type(true)], indent([line, type(false)])];
  return [head, conditionalGroup(states), ";"];
}

/**
 * `key: value,` in an expanded object literal at `indent`; a string value too long moves to the
 * next line, unless the key is shorter than 5 characters (breaking after it gains nothing).
 */
export function propertyLine(
  key: string,
  value: string,
  indent: number,
  isString = false,
): string {
  const k = propertyKey(key);
  if (!isString || k.length < 5) return `${pad(indent)}${k}: ${value},`;
  return pad(indent) + print(assignment(`${k}:`, value, ","), { indent });
}

/** `key: [["a"], ["b", "c"]],`, broken when too long or when several rows hold several strings. */
export function stringMatrix(
  key: string,
  rows: string[][],
  indent: number,
): string {
  const row = (r: string[]) => `[${r.map(stringLiteral).join(", ")}]`;
  const matrix = rows.length > 1 && rows.every((r) => r.length > 1);
  return bracketed(key, "[", rows.map(row), "],", indent, { broken: matrix });
}

/** `head<T>(a, b): R<X, Y> {`, broken as needed: type parameters, parameters, return type arguments. */
export function genericFunctionHead(
  head: string,
  typeParams: string[],
  params: string[],
  returnGeneric: string,
  returnArgs: string[],
): string {
  return print(
    group([
      typeParams.length > 0 ? group([head, "<", items(typeParams), ">"]) : head,
      "(",
      items(params),
      "): ",
      group([
        returnGeneric,
        "<",
        items(returnArgs, { trailingComma: false }),
        ">",
      ]),
      " {",
    ]),
  );
}

export function stringList(
  key: string,
  values: readonly string[],
  indent: number,
): string {
  return bracketed(key, "[", values.map(stringLiteral), "],", indent);
}

/** `key: [a, b],` (`{ a, b }` when `spaced`) at `indent`; one per line when too long or `broken`. */
export function bracketed(
  key: string,
  open: string,
  values: readonly string[],
  close: string,
  indent: number,
  { spaced = false, broken = false } = {},
): string {
  const doc = group(
    [`${propertyKey(key)}: ${open}`, items(values, { spaced }), close],
    broken,
  );
  return pad(indent) + print(doc, { indent });
}

/**
 * `head callee(a, b, { … });` (a declaration whose value is a call ending with an object): the
 * object hugged when `head callee(a, b, {` fits, else one argument per line when `head callee(`
 * fits, else the call on the next line. `members(indent)`: the object's lines (never none).
 */
export function assignedCall(
  head: string,
  callee: string,
  leading: readonly string[],
  members: (indent: number) => string[],
): string {
  const open = `${head} ${callee}(${leading.map((a) => `${a}, `).join("")}`;
  if (textWidth(open) + 1 <= PRINT_WIDTH)
    return `${open}{\n${members(2).join("\n")}\n});`;
  if (textWidth(`${head} ${callee}(`) <= PRINT_WIDTH)
    return `${head} ${callee}(\n${leading.map((a) => `  ${a},\n`).join("")}  {\n${members(4).join("\n")}\n  },\n);`;
  return `${head}\n  ${callee}(${leading.map((a) => `${a}, `).join("")}{\n${members(4).join("\n")}\n  });`;
}
