import {
  conditionalGroup,
  group,
  hardline,
  indent,
  isIdentifierName,
  items,
  join,
  line,
  stringLiteral,
  type Doc,
} from "../toolkit.js";

/** How query/index.ts lays out its code: prettier's shapes, by the document builder. */

/** `Shape<A, B>`: one type argument per line when too long (type arguments take no comma). */
export function generic(shape: string, args: Doc[]): Doc {
  return group([shape, "<", items(args, { trailingComma: false }), ">"]);
}

/** `callee(a, b)`: one argument per line when too long. */
export function call(callee: string, args: Doc[]): Doc {
  return group([callee, "(", items(args), ")"]);
}

/**
 * `callee(first, { a, b })`: flat when it fits, else the object broken and hugged by the call
 * (`callee(first, {` … `})`), else one argument per line: prettier's last-argument expansion.
 */
export function lastObjectHugged(
  callee: string,
  first: string,
  members: string[],
): Doc {
  const object = (broken: boolean) =>
    group(["{", items(members, { spaced: true }), "}"], broken);
  return conditionalGroup([
    [`${callee}(${first}, `, object(false), ")"],
    [`${callee}(${first}, `, object(true), ")"],
    call(callee, [first, object(false)]),
  ]);
}

/** `[a, b]` (or `readonly [a, b]`): one item per line when too long. */
export function tuple(members: Doc[], prefix = ""): Doc {
  return group([`${prefix}[`, items(members), "]"]);
}

/** `return { member, … };`: the returned object, a member per line. */
export function returnObject(members: Doc[]): Doc {
  return [
    "return {",
    indent([
      hardline,
      join(
        hardline,
        members.map((m) => [m, ","]),
      ),
    ]),
    hardline,
    "};",
  ];
}

/** `key: (params) => body`: the body on the next line when too long. */
export function arrowMember(key: string, body: Doc): Doc {
  return group([`${key} =>`, group(indent([line, body]))]);
}

/** `object.name`, or `object["name"]` when the name is not an identifier. */
export function member(object: string, name: string): string {
  if (isIdentifierName(name)) return `${object}.${name}`;
  return `${object.endsWith("?") ? object + "." : object}[${stringLiteral(name)}]`;
}

/** A key in an object literal: bare when an identifier, quoted otherwise. */
export function objectKey(name: string): string {
  return isIdentifierName(name) && name !== "__proto__"
    ? name
    : `[${stringLiteral(name)}]`;
}
