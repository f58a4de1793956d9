import { createRequire } from "node:module";
import type { AST, RegExpParser } from "@eslint-community/regexpp";

/**
 * The one parse tree of a JSON Schema `pattern` (ECMA-262, with or without `u`), read by regexpp:
 * program.ts compiles it for the linear-time matcher, ambiguity.ts builds its automaton from it.
 * Backreferences and groups nested past {@link MAX_NESTING} are not read.
 */
export type PatternSyntax =
  /** One character: a code point with `u`, a UTF-16 unit without. */
  | { readonly t: "char"; readonly c: number }
  /** `[…]` as written (`text`), and what it holds. */
  | {
      readonly t: "class";
      readonly text: string;
      readonly negated: boolean;
      readonly items: readonly ClassItem[];
    }
  /** `\d \D \w \W \s \S`. */
  | { readonly t: "escape"; readonly e: ClassEscape }
  /** `\p{…}` or `\P{…}` (with `u`), as written. */
  | { readonly t: "property"; readonly text: string }
  /** `.` */
  | { readonly t: "dot" }
  /** `^` (0), `$` (1), `\b` (2), `\B` (3). */
  | { readonly t: "assert"; readonly k: 0 | 1 | 2 | 3 }
  | { readonly t: "seq"; readonly items: readonly PatternSyntax[] }
  | { readonly t: "alt"; readonly items: readonly PatternSyntax[] }
  /** `(?=…)`, `(?!…)`, `(?<=…)`, `(?<!…)`. */
  | {
      readonly t: "look";
      readonly behind: boolean;
      readonly negative: boolean;
      readonly node: PatternSyntax;
    }
  | {
      readonly t: "rep";
      readonly node: PatternSyntax;
      readonly min: number;
      readonly max: number;
      /** How it was written (lazy forms read as these). */
      readonly kind: "*" | "+" | "?" | "{}";
    };

export type ClassEscape = "d" | "D" | "w" | "W" | "s" | "S";

/** One class member: a character, `\d`-like escape or property. */
export type ClassAtom = Extract<
  PatternSyntax,
  { t: "char" } | { t: "escape" } | { t: "property" }
>;
export interface ClassItem {
  readonly from: ClassAtom;
  /** The range's end (`a-z`). */
  readonly to?: Extract<PatternSyntax, { t: "char" }>;
}

/** Whether `test` holds of `node` or of a node within it, lookaround bodies included. */
export function someNode(
  node: PatternSyntax,
  test: (node: PatternSyntax) => boolean,
): boolean {
  if (test(node)) return true;
  if (node.t === "seq" || node.t === "alt")
    return node.items.some((item) => someNode(item, test));
  return (node.t === "rep" || node.t === "look") && someNode(node.node, test);
}

/** Syntax not read: a backreference, nesting too deep (sets.ts, program.ts: and more). */
export class UnreadSyntax extends Error {}

/** Groups nested deeper than this are not read: the reader's recursion has a bound. */
export const MAX_NESTING = 100;

let parser: RegExpParser | undefined;

/** regexpp's parser, loaded when a pattern is first read: ES2024, what Node 20 to 24 all compile. */
function regexpp(): RegExpParser {
  if (parser) return parser;
  const { RegExpParser } = createRequire(import.meta.url)(
    "@eslint-community/regexpp",
  ) as typeof import("@eslint-community/regexpp");
  return (parser = new RegExpParser({ ecmaVersion: 2024 }));
}

/** Throws {@link UnreadSyntax}, or regexpp's SyntaxError for a pattern no RegExp compiles. */
export function readPattern(pattern: string, flags: "u" | ""): PatternSyntax {
  const unicode = flags === "u";
  try {
    const ast = regexpp().parsePattern(pattern, 0, pattern.length, { unicode });
    return alternatives(ast.alternatives, 0);
  } catch (error) {
    // a pattern that compiles overflows regexpp's recursion only by its nesting
    if (error instanceof RangeError) throw nestedTooDeep();
    throw error;
  }
}

const nestedTooDeep = () =>
  new UnreadSyntax(`groups nested deeper than ${MAX_NESTING}`);

function alternatives(
  list: readonly AST.Alternative[],
  depth: number,
): PatternSyntax {
  if (depth > MAX_NESTING) throw nestedTooDeep();
  const items = list.map((alternative): PatternSyntax => ({
    t: "seq",
    items: alternative.elements.map((e) => element(e, depth)),
  }));
  return items.length === 1 ? items[0]! : { t: "alt", items };
}

const ESCAPES = { digit: "d", space: "s", word: "w" } as const;

function element(node: AST.Element, depth: number): PatternSyntax {
  switch (node.type) {
    case "Assertion":
      if (node.kind === "lookahead" || node.kind === "lookbehind")
        return {
          t: "look",
          behind: node.kind === "lookbehind",
          negative: node.negate,
          node: alternatives(node.alternatives, depth + 1),
        };
      if (node.kind === "word") return { t: "assert", k: node.negate ? 3 : 2 };
      return { t: "assert", k: node.kind === "start" ? 0 : 1 };
    case "Group":
    case "CapturingGroup":
      return alternatives(node.alternatives, depth + 1);
    case "Quantifier": {
      const op = node.raw[node.element.raw.length];
      return {
        t: "rep",
        node: element(node.element, depth),
        min: node.min,
        max: node.max,
        kind: op === "*" || op === "+" || op === "?" ? op : "{}",
      };
    }
    case "CharacterClass":
      return {
        t: "class",
        text: node.raw,
        negated: node.negate,
        items: node.elements.map((e) =>
          e.type === "CharacterClassRange"
            ? { from: atom(e.min), to: { t: "char", c: e.max.value } }
            : { from: atom(e) },
        ),
      };
    case "CharacterSet":
      return node.kind === "any" ? { t: "dot" } : atom(node);
    case "Backreference":
      throw new UnreadSyntax("a backreference");
    default:
      return atom(node);
  }
}

function atom(node: AST.Node): ClassAtom {
  if (node.type === "Character") return { t: "char", c: node.value };
  if (node.type === "CharacterSet" && node.kind === "property")
    return { t: "property", text: node.raw };
  if (node.type === "CharacterSet" && node.kind !== "any") {
    const e = ESCAPES[node.kind];
    return {
      t: "escape",
      e: node.negate ? (e.toUpperCase() as ClassEscape) : e,
    };
  }
  throw new UnreadSyntax(node.type);
}
