import {
  assignment,
  functionHead,
  genericMember,
  importStatement,
  jsdocLines,
  print,
  printDoc,
  propertyKey,
  scopesSentence,
  stringLiteral,
  trimBlankEnds,
} from "../toolkit.js";
import {
  assignedCall,
  bracketed,
  genericAlias,
  genericAliasOf,
  genericFunctionHead,
  propertyLine,
  stringList,
  stringMatrix,
} from "./format.js";
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
  genericAlias,
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
  stringList,
  /** `key: [["a", "b"], ["c"]],` of raw strings at `indent` spaces. */
  stringMatrix,
  /** `export const NAME = value;`, the value on its own line when too long. */
  constLine: (name: string, value: string): string =>
    print(assignment(`export const ${name} =`, value, ";")),
  /** `  name: { a, b },` of a raw key and members in code, one member per line when too long. */
  schemeLine: (name: string, members: readonly string[]): string =>
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
  isPrototypeKey,
  /**
   * The type arguments that make streamed successes async iterators (`"events", "200"`) after
   * `ApiResultOf<R`, `ApiPromise<R, T` and `ApiCall<A, R, T`; none when nothing streams.
   */
  streamTypeArgs: (stream: StreamView | undefined): string[] =>
    stream
      ? [
          stringLiteral(stream.kind),
          stream.statuses.map(stringLiteral).join(" | "),
        ]
      : [],
};

/** The helpers of the client templates (`apiloom-gen/templates` exports this type). */
export type ClientHelpers = typeof clientHelpers;

function isPrototypeKey(name: string): boolean {
  return name in Object.prototype;
}

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
    const tail = isPrototypeKey(name) ? " as const," : ",";
    lines.push(
      bracketed(name, "{", members, `}${tail}`, indent + 2, { spaced: true }),
    );
  }
  const pad = " ".repeat(indent);
  return lines.length === 0
    ? undefined
    : `${pad}${member}: {\n${lines.join("\n")}\n${pad}},`;
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
