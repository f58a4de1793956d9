import { createRequire } from "node:module";
import { countedRepetitionsMultiply, surelySafe } from "./pattern-ambiguity.js";
import { patternFlags } from "./pattern-flags.js";
import {
  NoLinearProgram,
  patternProgram,
  type PatternProgram,
} from "./pattern-program.js";
import type { PatternGuard, PatternRisk } from "./pattern-guard.js";

export type { PatternGuard, PatternRisk } from "./pattern-guard.js";

/**
 * Whether a `pattern` can stall the validators, and how they run it (the model's `patterns`).
 * A pattern is a program run on attacker input: a backtracking engine (V8's, every RegExp)
 * takes exponential time on `^(a+)+$` and `aaaa…a!` (34 characters: minutes) and quadratic
 * time on `[a-z]+$`. recheck (https://makenowjust-labs.github.io/recheck/), a ReDoS analyzer
 * built on automata theory with a fuzzer for what automata cannot express, finds them at
 * generation; a flagged pattern is compiled for the validators' linear-time matcher
 * (pattern-program.ts), and one that matcher cannot run (backreferences, lookaround) is
 * refused. Most patterns are decided without recheck, by a check that calls safe only what
 * recheck calls safe, but for a pattern without `*` or `+` whose property recheck's tables lack
 * (pattern-ambiguity.ts). docs/validation.md, "Patterns", says why.
 */

/** What recheck's checkSync answers (the part read here). */
interface Diagnostics {
  status: "safe" | "vulnerable" | "unknown";
  complexity?: { type: string };
  attack?: { pattern: string };
}

type CheckSync = (
  source: string,
  flags: string,
  params: Record<string, unknown>,
) => Diagnostics;

/**
 * recheck's own parameters, chosen so that its answer depends on the pattern alone (no clock:
 * the same on every machine, as apiloom's output must be): no timeouts, a fixed seed, and
 * bounds on the fuzzer's work instead (a pattern needing more is answered `unknown`).
 */
export const RECHECK_PARAMS = {
  timeout: null,
  attackTimeout: null,
  incubationTimeout: null,
  seedingTimeout: null,
  recallTimeout: -1,
  randomSeed: 0,
  attackLimit: 100_000,
  incubationLimit: 25_000,
  maxIteration: 10,
};

/**
 * recheck's pure JavaScript build (`lib/browser.js`: no worker, no JVM, no native binary),
 * loaded at the first pattern the fast path leaves to it: it is 3 MB (~0.1 s to load), and most
 * runs never need it. Node's module cache holds it once loaded.
 */
function recheck(): CheckSync {
  return (
    createRequire(import.meta.url)("recheck/lib/browser.js") as {
      checkSync: CheckSync;
    }
  ).checkSync;
}

/**
 * One document's verdicts: each pattern decided once by its reading (which reports what it
 * finds at the pattern's place), then handed to the model, which the validators read. No cache
 * outlives the reading: a pattern is decided again in the next document or run, in microseconds
 * on the fast path.
 */
export class PatternVerdicts {
  private readonly decided = new Map<string, PatternGuard>();

  /** Every pattern decided so far. */
  get known(): ReadonlyMap<string, PatternGuard> {
    return this.decided;
  }

  /** How the validators run `pattern`. */
  guard(pattern: string): PatternGuard {
    let guard = this.decided.get(pattern);
    if (guard === undefined)
      this.decided.set(pattern, (guard = patternGuard(pattern)));
    return guard;
  }
}

/** No repetition at all (`^\d-[a-z]$`): nothing to backtrack over, no analysis. */
const REPEATS = /[*+]|\{\d/;

/** How the validators run `pattern`, decided now (PatternVerdicts decides each pattern once). */
export function patternGuard(pattern: string): PatternGuard {
  const flags = patternFlags(pattern);
  if (flags === undefined) return { kind: "invalid" };
  if (!REPEATS.test(pattern)) return { kind: "regexp", flags };
  let program: PatternProgram | NoLinearProgram;
  try {
    program = patternProgram(pattern, flags);
  } catch (error) {
    if (!(error instanceof NoLinearProgram)) throw error;
    program = error;
  }
  const regular = !(program instanceof NoLinearProgram);
  // most patterns are decided here, exactly as recheck would decide them (pattern-ambiguity.ts)
  // (a program too large for the linear matcher, `([a-z0-9]{1,63}\.){1,127}`, is no reason to
  // ask recheck: patternTree reads no backreference or lookaround, and the proof holds)
  if (flags === "u" && surelySafe(pattern)) return { kind: "regexp", flags };
  // what recheck calls safe and is not: `^(a|a?){25}$`, exponential in the count (a counted
  // repetition of a part that matches a text in several ways). recheck is not asked (on
  // `^(\w+,?){0,50}$` its automaton checker ran for minutes); a pattern not read here
  // (lookaround, backreferences) is left to it, a regular one goes to the linear matcher
  const multiplies = countedRepetitionsMultiply(pattern, flags);
  if (
    multiplies === true ||
    (multiplies === undefined && regular && counts(pattern))
  ) {
    const risk: PatternRisk = { complexity: "exponential" };
    return program instanceof NoLinearProgram
      ? { kind: "refused", flags, risk, why: program.message }
      : { kind: "linear", flags, risk, program };
  }
  // a pattern the linear matcher can run is regular: recheck's automaton checker decides it
  // exactly. Its default (a seeded fuzzer first) gave the same verdicts on GitHub's 17 patterns
  // and six attack patterns in 1.56 s, the automaton in 0.27 s (~1 s of a GitHub run), so the
  // fuzzer runs only where backreferences or lookaround leave no automaton
  const risk = recheckRisk(pattern, flags, regular);
  if (risk === undefined) return { kind: "regexp", flags };
  if (!(program instanceof NoLinearProgram))
    return { kind: "linear", flags, risk, program };
  // refused only on the analyzer's word: one that could not decide is not an error
  return risk.complexity === "unknown"
    ? { kind: "regexp", flags }
    : { kind: "refused", flags, risk, why: program.message };
}

/** Whether the text has a count past one (`{2}`, `{0,5}`, `{3,}`; an escaped `\{3}` too). */
function counts(pattern: string): boolean {
  for (const [, min, max] of pattern.matchAll(/\{(\d+)(?:,(\d*))?\}/g))
    if (max === undefined ? Number(min) > 1 : max === "" || Number(max) > 1)
      return true;
  return false;
}

/** recheck's word on a pattern: undefined when safe (exported for the fast path's proof). */
export function recheckRisk(
  pattern: string,
  flags: "u" | "",
  regular: boolean,
): PatternRisk | undefined {
  const answer = recheck()(
    pattern,
    flags,
    regular ? { ...RECHECK_PARAMS, checker: "automaton" } : RECHECK_PARAMS,
  );
  if (answer.status === "safe") return undefined;
  const type = answer.complexity?.type;
  return {
    complexity:
      type === "exponential" || type === "polynomial" ? type : "unknown",
    ...(answer.attack ? { attack: answer.attack.pattern } : {}),
  };
}

/** How a diagnostic names a risk: `exponential`, `polynomial` or `possibly super-linear`. */
export function riskText(risk: PatternRisk): string {
  return risk.complexity === "unknown"
    ? "possibly super-linear (the analyzer could not decide)"
    : risk.complexity;
}
