import {
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

/**
 * Layout of the few JavaScript shapes the client file is made of, as docs (see shared/doc.ts)
 * shaped the way prettier (default options) lays them out, so the text needs no formatting pass.
 */

export { functionHead, genericMember, importStatement } from "../toolkit.js";

const pad = (n: number): string => " ".repeat(n);

/**
 * `export type Name = Generic<A, B>;`: type arguments one per line when too long, and the whole
 * right-hand side on the next line when even `export type Name = Generic<` does not fit. A lone
 * type argument is never broken out (prettier hugs it): the right-hand side moves instead.
 */
export function genericAlias(
  name: string,
  generic: string,
  args: string[],
): string {
  return genericAssignment(`export type ${name} =`, generic, args);
}

/**
 * `export type Name<P> = Generic<A, B>;` of one type parameter `P`: as `genericAlias` when
 * `export type Name<P> =` fits, else the parameter on its own line and the right-hand side after
 * `> =` (prettier's layout: the left side breaks first).
 */
export function genericAliasOf(
  name: string,
  param: string,
  generic: string,
  args: string[],
): string {
  if (textWidth(`export type ${name}<${param}> =`) <= PRINT_WIDTH)
    return genericAlias(`${name}<${param}>`, generic, args);
  return `export type ${name}<\n  ${param},\n${genericAssignment("> =", generic, args)}`;
}

/** `head Generic<A, B>;` laid out as `genericAlias` lays out its right-hand side. */
function genericAssignment(
  head: string,
  generic: string,
  args: string[],
): string {
  const at = textWidth(head);
  const flat = `${generic}<${args.join(", ")}>`;
  // the text print() writes for the doc below (genericAliasDoc), without it: format.test.ts
  // checks both agree. Beside the `=` when it fits there:
  if (at + 1 + textWidth(flat) + 1 <= PRINT_WIDTH) return `${head} ${flat};`;
  // nothing to break: the type on the next line
  if (args.length <= 1) return `${head}\n  ${flat};`;
  // an empty argument, or one ending with a space (print drops or trims them): the printer
  if (args.some((a) => a === "" || a.endsWith(" ")))
    return print(genericAliasDoc(head, generic, args));
  // broken beside the `=` while `= Generic<` fits there; else on the next line, broken there
  // only if it does not fit either
  if (at + 1 + textWidth(generic) + 1 <= PRINT_WIDTH)
    return `${head} ${generic}<\n  ${args.join(",\n  ")}\n>;`;
  if (2 + textWidth(flat) + 1 <= PRINT_WIDTH) return `${head}\n  ${flat};`;
  return `${head}\n  ${generic}<\n    ${args.join(",\n    ")}\n  >;`;
}

/**
 * `head Generic<A, B>;` as prettier lays it out: type arguments one per line when too long, and
 * the whole right-hand side on the next line when even `head Generic<` does not fit. A lone
 * type argument is never broken out (prettier hugs it): the right-hand side moves instead.
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
  if (!isString || k.length < 5) return `${pad(indent)}${k}: ${value},`;
  // the text print(assignment(`${k}:`, value, ","), { indent }) writes, without the doc
  // (format.test.ts checks both agree): flat when it fits, else the value on the next line
  const flat = `${k}: ${value},`;
  return indent + textWidth(flat) <= PRINT_WIDTH
    ? pad(indent) + flat
    : `${pad(indent)}${k}:\n${pad(indent + 2)}${value},`;
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
  const matrix = rows.length > 1 && rows.every((r) => r.length > 1);
  const texts = rows.map(row);
  // not a matrix and fits (most endpoints' security): the group's flat text, without its doc
  const flat = `${propertyKey(key)}: [${texts.join(", ")}],`;
  if (!matrix && indent + textWidth(flat) <= PRINT_WIDTH)
    return pad(indent) + flat;
  const doc = group([`${propertyKey(key)}: [`, items(texts), "],"], matrix);
  return pad(indent) + print(doc, { indent });
}

/**
 * `head<T>(a, b): R<X, Y> {`: the type parameters broken only when `head<` alone does not fit,
 * then one parameter per line, then the return type's arguments one per line (prettier's
 * layout of a generic function's head).
 */
export function genericFunctionHead(
  head: string,
  typeParams: string[],
  params: string[],
  returnGeneric: string,
  returnArgs: string[],
): string {
  // most heads fit on one line: the group's flat text, without building and printing its doc
  const flat = `${head}${typeParams.length > 0 ? `<${typeParams.join(", ")}>` : ""}(${params.join(", ")}): ${returnGeneric}<${returnArgs.join(", ")}> {`;
  if (textWidth(flat) <= PRINT_WIDTH) return flat;
  // broken: a parameter per line, between `head<T>(` and `): R<X, Y> {`, as the group below
  // prints them: each of its two inner groups flat when its line fits (up to the line break
  // that follows it), else one item per line (GitHub: a quarter of the heads break `<T>`)
  if (params.length > 0) {
    const opening = `${typeParams.length > 0 ? `${head}<${typeParams.join(", ")}>` : head}(`;
    const closing = `): ${returnGeneric}<${returnArgs.join(", ")}> {`;
    const open =
      typeParams.length > 0 && textWidth(opening) > PRINT_WIDTH
        ? `${head}<\n  ${typeParams.join(",\n  ")},\n>(`
        : opening;
    const close =
      returnArgs.length > 0 && textWidth(closing) > PRINT_WIDTH
        ? `): ${returnGeneric}<\n  ${returnArgs.join(",\n  ")}\n> {`
        : closing;
    return `${open}\n  ${params.join(",\n  ")},\n${close}`;
  }
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

/** `key: ["a", "b"],` of raw strings at `indent`, one per line when too long. */
export function stringList(
  key: string,
  values: readonly string[],
  indent: number,
): string {
  const literals = values.map(stringLiteral);
  // flat when it fits (most endpoints' statuses): its text, without building and printing its doc
  const flat = `${propertyKey(key)}: [${literals.join(", ")}],`;
  if (indent + textWidth(flat) <= PRINT_WIDTH) return pad(indent) + flat;
  const doc = group([`${propertyKey(key)}: [`, items(literals), "],"]);
  return pad(indent) + print(doc, { indent });
}

/**
 * `head callee(a, b, { … });`: a declaration whose value is a call ending with an object
 * argument (`export const name: T = make(a, b, { … });`), laid out as prettier lays it out: the
 * object hugged when `head callee(a, b, {` fits; else every argument on its own line when
 * `head callee(` fits; else the call on the next line. `members(indent)` are the object's lines
 * at `indent` spaces (never none).
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
