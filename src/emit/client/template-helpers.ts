import {
  assignment,
  conditionalGroup,
  type Doc,
  functionHead,
  genericMember,
  group,
  importStatement,
  indent,
  items,
  jsdocLines,
  line,
  print,
  PRINT_WIDTH,
  printDoc,
  propertyKey,
  scopesSentence,
  stringLiteral,
  textWidth,
  trimBlankEnds,
} from "../toolkit.js";
import type {
  ClientEndpointView,
  StreamView,
  StyledName,
} from "./view-types.js";

/** What client templates write with: raw text reaches the file only through the escaping helpers. */
export const clientHelpers = {
  /** A TypeScript string literal holding `value` exactly. */
  stringLiteral,
  /** `value` as an object key: bare when it is an identifier, else a string literal. */
  propertyKey,
  /** Raw text as JSDoc lines: nothing in it can close the comment; line breaks kept. */
  jsdocLines,
  /** A JSDoc block of `lines` at `indent` spaces, newline-terminated ("" for no lines). */
  printDoc,
  /** `lines` without blank lines at either end. */
  trimBlankEnds,
  /** An endpoint's JSDoc lines: summary, description, method and path, OAuth scopes, `@deprecated`. */
  endpointDoc,
  /** `import { a, b } from "from";` (or `import type`), one name per line when too long. */
  importStatement,
  /** `export type Name = Generic<A, B>;`, broken as prettier breaks it. */
  genericAlias: (name: string, generic: string, args: string[]) =>
    print(genericAliasDoc(`export type ${name} =`, generic, args)),
  /** `export type Name<P> = Generic<A, B>;` of one type parameter, broken as prettier breaks it. */
  genericAliasOf,
  /** `head(a, b): R {`, one parameter per line when too long. */
  functionHead,
  /** `head<T>(a, b): R<X, Y> {`, type parameters, parameters and return type broken as needed. */
  genericFunctionHead,
  /** `key: Generic<A, B>;` at `indent` spaces, the type arguments one per line when too long. */
  genericMember,
  /**
   * `head callee(a, b, { … });` of a call ending with an object argument, as prettier lays it
   * out; `members(indent)` are the object's lines at `indent` spaces.
   */
  assignedCall,
  /** `key: value,` at `indent` spaces; a long string value (`isString`) moves to its own line. */
  propertyLine,
  /** `key: ["a", "b"],` of raw strings at `indent` spaces. */
  stringList: (key: string, values: readonly string[], indent: number) =>
    bracketed(key, "[", values.map(stringLiteral), "],", indent),
  /** `key: [["a", "b"], ["c"]],` of raw strings at `indent` spaces. */
  stringMatrix,
  /** `export const NAME = value;`, the value on its own line when too long. */
  constLine: (name: string, value: string) =>
    print(assignment(`export const ${name} =`, value, ";")),
  /** `  name: { a, b },` of a raw key and members in code, one member per line when too long. */
  schemeLine: (name: string, members: readonly string[]) =>
    bracketed(name, "{", members, "},", 2, { spaced: true }),
  /**
   * `member: { name: { style: …, … } },` at `indent` spaces (4 unless told), or undefined when
   * `entries` is empty.
   */
  namedStyles,
  /**
   * Whether a raw key is one of Object.prototype's (`toString`): tsc gives such a member no
   * contextual type from a `Record` it sits in, so its string values need `as const`.
   */
  isPrototypeKey: (name: string): boolean => name in Object.prototype,
  /**
   * The type arguments that make streamed successes async iterators (`"events", "200"`) after
   * `ApiResultOf<R`, `ApiPromise<R, T` and `ApiCall<A, R, T`; none when nothing streams.
   */
  streamTypeArgs: (stream: StreamView | undefined) =>
    stream
      ? [
          stringLiteral(stream.kind),
          stream.statuses.map(stringLiteral).join(" | "),
        ]
      : [],
};

/** The helpers of the client templates (`apiloom-gen/templates` exports this type). */
export type ClientHelpers = typeof clientHelpers;

function namedStyles(
  member: string,
  entries: readonly StyledName[],
  indent = 4,
): string | undefined {
  const lines: string[] = [];
  for (const { name, style } of entries) {
    const members = Object.entries(style).map(
      ([key, value]) => `${propertyKey(key)}: ${literal(value)}`,
    );
    if (members.length === 0) continue;
    const tail = clientHelpers.isPrototypeKey(name) ? " as const," : ",";
    lines.push(
      bracketed(name, "{", members, `}${tail}`, indent + 2, { spaced: true }),
    );
  }
  return lines.length === 0
    ? undefined
    : `${pad(indent)}${member}: {\n${lines.join("\n")}\n${pad(indent)}},`;
}

/** A string, boolean or flat object of strings as code. */
function literal(value: unknown): string {
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "object" && value !== null)
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${propertyKey(k)}: ${literal(v)}`)
      .join(", ")} }`;
  return String(value);
}

function endpointDoc(view: ClientEndpointView): string[] {
  const paragraphs: string[][] = [];
  for (const text of [view.summary, view.description])
    if (text?.trim()) paragraphs.push(trimBlankEnds(jsdocLines(text)));
  paragraphs.push(jsdocLines(`\`${view.method} ${view.path}\``));
  if (view.scopes.length > 0)
    paragraphs.push(jsdocLines(scopesSentence(view.scopes)));
  if (view.deprecated) paragraphs.push(["@deprecated"]);
  return paragraphs.flatMap((p, i) => (i === 0 ? p : ["", ...p]));
}

// The few shapes the client file is made of, laid out as prettier lays them out (shared/doc.ts).

const pad = (n: number): string => " ".repeat(n);

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
    return clientHelpers.genericAlias(`${name}<${param}>`, generic, args);
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
  const type = (forceBreak: boolean) =>
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
export function stringMatrix(key: string, rows: string[][], indent: number) {
  const row = (r: string[]) => `[${r.map(stringLiteral).join(", ")}]`;
  const matrix = rows.length > 1 && rows.every((r) => r.length > 1);
  return bracketed(key, "[", rows.map(row), "],", indent, { broken: matrix });
}

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
