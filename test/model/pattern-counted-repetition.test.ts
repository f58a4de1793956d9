import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  countsMultiply,
  backtracking,
} from "../../src/model/patterns/ambiguity.js";
import { patternGuard } from "../../src/model/patterns/safety.js";
import { patternTree } from "../../src/model/patterns/sets.js";
import type { PatternSyntax } from "../../src/model/patterns/syntax.js";
import {
  backtrackingSteps,
  OverBudget,
} from "../support/backtracking-steps.js";
import { patternAlternation } from "../support/pattern-grammar.js";

/*
 * A counted repetition of a body that matches the empty text or one text in several ways
 * backtracks in time exponential in its count: `^(a|a?){25}$` took seconds in V8 on
 * `aaaaaaaab`, `^(a?){30}a{30}$` minutes on 45 `a` and a `b`. recheck calls both safe (a
 * pattern without `*` or `+` is "constant" to it), and so did the fast path. No pattern so
 * shaped may be run as a RegExp.
 */

const BUDGET = 2_000_000;

/** Steps from the start of `text` alone (each text ends in `!`, which no pattern reads). */
const steps = (tree: PatternSyntax, text: string) =>
  backtrackingSteps(tree, text, { search: false, budget: BUDGET });

/** Whether a counted repetition in `pattern` may multiply its paths. */
const countedRepetitionsMultiply = (pattern: string, flags: "u" | "") =>
  countsMultiply(patternTree(pattern, flags)!);

/** Texts that make an ambiguous repetition of `a`s and `b`s try its every path. */
const TEXTS = [5, 10, 20, 40].flatMap((n) => [
  "a".repeat(n) + "!",
  "b".repeat(n) + "!",
  "ab".repeat(n / 2) + "!",
  "aab".repeat(n / 5) + "!",
]);

function worstSteps(pattern: string, texts = TEXTS): number {
  const tree = patternTree(pattern)!;
  let worst = 0;
  for (const text of texts) worst = Math.max(worst, steps(tree, text));
  return worst;
}

/** Patterns over `atoms` with `?`, `|`, counts and groups: no `*` or `+` at all. */
const counted = (atoms: readonly string[]): fc.Arbitrary<string> =>
  patternAlternation({
    atoms,
    atomWeight: 3,
    groupOpens: ["(", "(?:"],
    groupWeight: 2,
    quantifiers: [
      "",
      "",
      "?",
      "?",
      "{2}",
      "{0,3}",
      "{1,4}",
      "{20}",
      "{0,20}",
      "{5,25}",
    ],
    maxSequence: 3,
  })
    .map((body) => `^(?:${body})$`)
    .filter((p) => {
      if ((p.match(/\(/g) ?? []).length > 5) return false;
      try {
        new RegExp(p, "u");
        return true;
      } catch {
        return false;
      }
    });

/** Patterns over `a` and `b`. */
const countedArb = counted(["a", "b", "[ab]"]);

describe("counted repetitions", () => {
  it.each(["^(a|a?){25}$", "^(a?){30}a{30}$", "^(\\w+,?){0,50}$"])(
    "%s is not called safe: the validators run it in linear time",
    (pattern) => {
      expect(backtracking(pattern) === "linear").toBe(false);
      // decided without recheck, whose automaton checker ran for minutes on the last one
      const guard = patternGuard(pattern);
      expect(guard.kind).toBe("linear");
      expect(guard.kind === "linear" && guard.risk.complexity).toBe(
        "exponential",
      );
    },
  );

  it.each([
    "^[a-f0-9]{64}$",
    "^\\d{3}-\\d{2,4}$",
    "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$",
    "^([0-9a-fA-F]{40}(?:[0-9a-fA-F]{24})?)$",
    "^(?:ab|a){0,20}$",
  ])("%s, whose counts do not multiply, is still a RegExp", (pattern) => {
    expect(backtracking(pattern) === "linear").toBe(true);
    expect(patternGuard(pattern).kind).toBe("regexp");
  });

  it("the matcher counts the reviewer's patterns over budget (the oracle sees the danger)", () => {
    expect(() => worstSteps("^(?:(a|a?){25})$")).toThrow(OverBudget);
    expect(() => worstSteps("^(?:(a|a){20})$")).toThrow(OverBudget);
    expect(worstSteps("^(?:a{0,20}a{0,20}b?)$")).toBeLessThan(BUDGET);
  });

  it("runs as a RegExp only patterns that backtrack within budget (random patterns)", () => {
    let regexps = 0;
    let flagged = 0;
    fc.assert(
      fc.property(countedArb, (pattern) => {
        const guard = patternGuard(pattern);
        if (guard.kind !== "regexp") {
          flagged++;
          return;
        }
        regexps++;
        let steps: number | string;
        try {
          steps = worstSteps(pattern);
        } catch (error) {
          if (!(error instanceof OverBudget)) throw error;
          steps = `over ${BUDGET}`;
        }
        expect(typeof steps, `${pattern}: ${steps} steps`).toBe("number");
      }),
      { numRuns: 400, seed: 20261126 },
    );
    // not vacuous either way
    expect(regexps).toBeGreaterThan(100);
    expect(flagged).toBeGreaterThan(20);
  });
});

/** Atoms of properties that share letters (`\p{L}`, `\p{Lu}`), or share none with digits. */
const PROPERTY_ATOMS = [
  "[\\p{Lu}\\d]",
  "[^\\p{L}\\d]",
  "\\p{L}",
  "\\p{Lu}",
  "\\p{Ll}",
  "\\P{L}",
  "\\d",
  "a",
  "B",
  "-",
];

/**
 * `^(?:(?:X|Y){m,n})$`, X and Y one or two of those atoms, each perhaps counted: a count of two
 * ways, the shape whose verdict depends on which characters the atoms share.
 */
const propertyArb: fc.Arbitrary<string> = (() => {
  const quantified = fc
    .tuple(
      fc.constantFrom(...PROPERTY_ATOMS),
      fc.constantFrom("", "", "?", "{2}", "{1,3}"),
    )
    .map(([atom, q]) => atom + q);
  const way = fc
    .array(quantified, { minLength: 1, maxLength: 2 })
    .map((items) => items.join(""));
  return fc
    .tuple(way, way, fc.constantFrom("{20}", "{0,20}", "{5,25}", "{2,12}"))
    .map(([x, y, count]) => `^(?:(?:${x}|${y})${count})$`);
})();

/** Texts of small and capital letters, digits and a sign, alone and mixed, in ASCII and past it. */
const PROPERTY_TEXTS = [4, 8, 20, 40].flatMap((n) => [
  "a".repeat(n) + "!",
  "B".repeat(n) + "!",
  "1".repeat(n) + "!",
  "aB".repeat(n / 2) + "!",
  "a1".repeat(n / 2) + "!",
  "-".repeat(n) + "!",
  "aB1-".repeat(n / 4) + "!",
  // past ASCII: a small letter, an Arabic-Indic digit (a number, and not `\d`)
  "é".repeat(n) + "!",
  "é٣".repeat(n / 2) + "!",
  "aé1٣".repeat(n / 4) + "!",
]);

const ATOM = new RegExp(
  PROPERTY_ATOMS.map((a) => a.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&")).join("|"),
  "g",
);

/**
 * The pattern for the backtracker, which must not read `\p{…}` as the code under test does:
 * each atom as the class of the texts' characters V8 matches it with (`\p{L}` as `[aB]`), the
 * same paths on these texts. One pass, the classes first (no escape inside them is read alone).
 */
function onTexts(pattern: string): string {
  return pattern.replace(ATOM, (atom) => {
    const re = new RegExp(`^${atom}$`, "u");
    const chars = [..."aB1-!é٣"].filter((c) => re.test(c)).join("");
    return `[${chars.replace("-", "\\-")}]`;
  });
}

/*
 * `\p{…}` was read as any character for this check, so a count of letters then a digit looked
 * ambiguous (any character is a digit too) and, its program too large for the linear matcher,
 * was refused with an error (schema/unsafe-pattern). Read exactly on ASCII and as every code
 * point past it (the same sets on every machine, and as large as any engine's, whatever its
 * Unicode version: sets.ts), it is not. Two properties, or a property and a class past
 * ASCII, share characters to this check, whether or not this engine's tables say they do.
 */
describe("counted repetitions of Unicode properties", () => {
  it.each([
    "^(\\p{L}{1,50}[0-9]){0,50}$",
    "^([\\p{L}\\d]{1,5}-){0,10}$",
    "^([\\p{L}_]{1,20}-[0-9]{1,5}){0,10}$",
    "^(\\p{Lu}[a-z0-9]{0,10}){1,20}$",
    "^([^\\P{Alphabetic}]{1,8}\\.){0,4}$",
    // [a-z] are letters in every engine: none is in [^\p{L}]
    "^([^\\p{L}]|[a-z]){20}$",
  ])(
    "%s, whose counts do not multiply, is a RegExp, decided without recheck",
    (pattern) => {
      expect(countedRepetitionsMultiply(pattern, "u")).toBe(false);
      expect(backtracking(pattern) === "linear").toBe(true);
      expect(patternGuard(pattern)).toEqual({ kind: "regexp", flags: "u" });
    },
  );

  it.each([
    // letters overlap [a-z], \p{L} holds every \p{Lu}
    "^(\\p{L}|[a-z]){1,50}$",
    "^(\\p{Lu}|\\p{L}){20}$",
    // a body matching the empty text
    "^(\\p{L}?){30}$",
    // a negated class and a complement meet on punctuation; a union meets a digit
    "^([^\\p{L}]|\\P{Lu}){20}$",
    "^([\\p{L}\\d]|[0-9]){20}$",
    // the same on ASCII: a digit is no letter, a small letter no capital
    "^([^\\p{L}]|[0-9]){20}$",
    "^([^\\p{Lu}]|[a-z]){20}$",
    // [^\p{L}] holds these on an engine whose Unicode is older than 15 (unassigned there)
    "^([^\\p{L}]|[\\u{31350}-\\u{323AF}]){20}$",
    // two properties, or a property and a class past ASCII, meet past ASCII
    "^(\\p{L}|\\p{N}){1,30}$",
    "^(\\p{sc=Han}|[à-ÿ]){20}$",
  ])("%s multiplies: the validators run it in linear time", (pattern) => {
    expect(countedRepetitionsMultiply(pattern, "u")).toBe(true);
    expect(backtracking(pattern) === "linear").toBe(false);
    const guard = patternGuard(pattern);
    expect(guard.kind).toBe("linear");
    expect(guard.kind === "linear" && guard.risk.complexity).toBe(
      "exponential",
    );
  });

  it("runs as a RegExp only patterns of properties that backtrack within budget (random patterns)", () => {
    let regexps = 0;
    let flagged = 0;
    fc.assert(
      fc.property(propertyArb, (pattern) => {
        if (patternGuard(pattern).kind !== "regexp") {
          flagged++;
          return;
        }
        regexps++;
        let steps: number | string;
        try {
          steps = worstSteps(onTexts(pattern), PROPERTY_TEXTS);
        } catch (error) {
          if (!(error instanceof OverBudget)) throw error;
          steps = `over ${BUDGET}`;
        }
        expect(typeof steps, `${pattern}: ${steps} steps`).toBe("number");
      }),
      { numRuns: 300, seed: 20261126 },
    );
    // not vacuous either way
    expect(regexps).toBeGreaterThan(40);
    expect(flagged).toBeGreaterThan(100);
  });
});
