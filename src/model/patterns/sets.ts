import {
  readPattern,
  someNode,
  UnreadSyntax,
  type ClassAtom,
  type ClassEscape,
  type ClassItem,
  type PatternSyntax,
} from "./syntax.js";

// The code points each character of a pattern's parse tree matches, for the analysis.

/** A node of the parse tree that reads one character of the text. */
export type PatternChar = Exclude<
  PatternSyntax,
  { t: "seq" | "alt" | "rep" | "look" | "assert" }
>;

/** Sorted, disjoint, non-adjacent ranges of code points: `[from, to, from, to, …]`. */
export type CodePoints = readonly number[];

const MAX = 0x10ffff;
export const ALL: CodePoints = [0, MAX];
const DIGIT: CodePoints = [0x30, 0x39];
const WORD: CodePoints = [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a];
/** ECMAScript's WhiteSpace and LineTerminator (`\s`). */
const SPACE: CodePoints = [
  0x09, 0x0d, 0x20, 0x20, 0xa0, 0xa0, 0x1680, 0x1680, 0x2000, 0x200a, 0x2028,
  0x2029, 0x202f, 0x202f, 0x205f, 0x205f, 0x3000, 0x3000, 0xfeff, 0xfeff,
];
const LINE_TERMINATORS: CodePoints = [0x0a, 0x0a, 0x0d, 0x0d, 0x2028, 0x2029];

/** The code points in none of `set`'s ranges. */
export function complement(set: CodePoints): CodePoints {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i < set.length; i += 2) {
    if (set[i]! > next) out.push(next, set[i]! - 1);
    next = set[i + 1]! + 1;
  }
  if (next <= MAX) out.push(next, MAX);
  return out;
}

export function union(sets: readonly CodePoints[]): CodePoints {
  const ranges: [number, number][] = [];
  for (const set of sets)
    for (let i = 0; i < set.length; i += 2) ranges.push([set[i]!, set[i + 1]!]);
  ranges.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [from, to] of ranges) {
    const last = out.length - 1;
    if (last > 0 && from <= out[last]! + 1)
      out[last] = Math.max(out[last]!, to);
    else out.push(from, to);
  }
  return out;
}

export function intersection(a: CodePoints, b: CodePoints): CodePoints {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const from = Math.max(a[i]!, b[j]!);
    const to = Math.min(a[i + 1]!, b[j + 1]!);
    if (from <= to) out.push(from, to);
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return out;
}

/**
 * The parse tree of `pattern` (known to compile with `flags`) when the analysis reads it, or
 * undefined past the plain syntax (a backreference, a repeated assertion, a property the engine
 * does not know). A property is its ASCII code points and all beyond ({@link asciiPropertyPoints}).
 */
export function patternTree(pattern: string, flags: "u" | "" = "u") {
  try {
    const tree = readPattern(pattern, flags);
    if (someNode(tree, unread)) throw new UnreadSyntax();
    return tree;
  } catch (error) {
    // a SyntaxError: regexpp refuses it (a property name its Unicode tables do not hold)
    if (error instanceof UnreadSyntax || error instanceof SyntaxError)
      return undefined;
    throw error;
  }
}

const CLASS_ESCAPES: Record<ClassEscape, CodePoints> = {
  d: DIGIT,
  D: complement(DIGIT),
  w: WORD,
  W: complement(WORD),
  s: SPACE,
  S: complement(SPACE),
};

/** Whether the analysis cannot read `node` (a set none says throws {@link UnreadSyntax}). */
function unread(node: PatternSyntax): boolean {
  if (node.t === "rep")
    return (
      !Number.isSafeInteger(node.min) ||
      node.max < node.min ||
      node.node.t === "assert" ||
      node.node.t === "look"
    );
  if (!["seq", "alt", "look", "assert"].includes(node.t))
    charSet(node as PatternChar);
  return false;
}

/** The code points `node` matches; throws {@link UnreadSyntax} for what no set says (`[z-a]`). */
export function charSet(node: PatternChar): CodePoints {
  switch (node.t) {
    case "char":
    case "escape":
      return atomSet(node);
    case "property":
      return withNonAscii(atomSet(node));
    case "dot":
      return complement(LINE_TERMINATORS);
    case "class": {
      // complemented before the code points past ASCII are added: `[^\p{L}]` holds them too
      const set = union(node.items.map(classItemSet));
      const exact = node.negated ? complement(set) : set;
      return node.items.some((item) => item.from.t === "property")
        ? withNonAscii(exact)
        : exact;
    }
  }
}

/** An atom's set; a property's ASCII code points only (the caller adds those past ASCII). */
function atomSet(atom: ClassAtom): CodePoints {
  if (atom.t === "char") return point(atom.c);
  if (atom.t === "escape") return CLASS_ESCAPES[atom.e];
  const name = /^\\[pP]\{([^}]*)\}$/.exec(atom.text)?.[1];
  const set = name !== undefined ? asciiPropertyPoints(name) : undefined;
  if (set === undefined) throw new UnreadSyntax();
  return atom.text[1] === "P" ? intersection(complement(set), ASCII) : set;
}

const ASCII: CodePoints = [0, 0x7f];

const withNonAscii = (set: CodePoints): CodePoints => union([set, NON_ASCII]);

function classItemSet({ from, to }: ClassItem): CodePoints {
  if (to === undefined) return atomSet(from);
  if (from.t !== "char" || to.c < from.c) throw new UnreadSyntax();
  return [from.c, to.c];
}

const point = (c: number): CodePoints => [c, c];

/** Every code point past ASCII, which a set holding a property always holds. */
export const NON_ASCII: CodePoints = [0x80, MAX];

/**
 * The ASCII code points `\p{name}` (a Unicode property escape) matches, read off the engine's own
 * RegExp; undefined for a name it refuses. Every code point past ASCII is counted in its set.
 *
 * Why ASCII only: the output must be the same on every machine, and the analysis is sound only if
 * each set holds all that the validators' engine matches, whatever its Unicode version. Past
 * ASCII, characters are assigned in each version and values change, so nothing is assumed there.
 * On ASCII every engine's `\p{…}` is assumed to match the same code points in every version:
 * Unicode's stability policy promises part of it, the rest was observed across engines.
 */
export function asciiPropertyPoints(name: string): CodePoints | undefined {
  let property: RegExp;
  try {
    // `name` holds no `}` (the reader ends it at the first): nothing else can be injected
    property = new RegExp(`^\\p{${name}}$`, "u");
  } catch {
    return undefined;
  }
  const ascii = Array.from({ length: 0x80 }, (_, c) => c);
  const matched = ascii.filter((c) => property.test(String.fromCharCode(c)));
  return union(matched.map(point));
}
