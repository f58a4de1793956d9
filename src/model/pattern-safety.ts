import { createRequire } from "node:module";
import {
  NoLinearProgram,
  patternProgram,
  type PatternProgram,
} from "./pattern-program.js";

/**
 * Whether a `pattern` can stall the validators, and how they run it. A pattern is a program run
 * on attacker input: a backtracking engine (V8's, every RegExp) takes exponential time on
 * `^(a+)+$` and `aaaa…a!` (34 characters: minutes) and quadratic time on `[a-z]+$`. recheck
 * (https://makenowjust-labs.github.io/recheck/), a ReDoS analyzer built on automata theory with
 * a fuzzer for what automata cannot express, finds them at generation; a flagged pattern is
 * compiled for the validators' linear-time matcher (pattern-program.ts), and one that matcher
 * cannot run (backreferences, lookaround) is refused. docs/validation.md, "Patterns", says why.
 */
export type PatternGuard =
  /** No super-linear backtracking found: run as a RegExp. */
  | { readonly kind: "regexp" }
  /** Flagged, and run by the linear-time matcher. */
  | {
      readonly kind: "linear";
      readonly risk: PatternRisk;
      readonly program: PatternProgram;
    }
  /** Flagged, and the linear-time matcher cannot run it: not checked. */
  | {
      readonly kind: "refused";
      readonly risk: PatternRisk;
      readonly why: string;
    };

export interface PatternRisk {
  /** How the backtracking time grows with the text. */
  readonly complexity: "exponential" | "polynomial" | "unknown";
  /** A text that shows it, as recheck writes it (`'a' + 'a'.repeat(31) + '\x00'`). */
  readonly attack?: string;
}

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
const PARAMS = {
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

let checkSync: CheckSync | undefined;

/**
 * recheck's pure JavaScript build (`lib/browser.js`: no worker, no JVM, no native binary),
 * loaded at the first pattern worth a look: it is 3 MB, and most runs never need it.
 */
function recheck(): CheckSync {
  checkSync ??= (
    createRequire(import.meta.url)("recheck/lib/browser.js") as {
      checkSync: CheckSync;
    }
  ).checkSync;
  return checkSync;
}

/** No repetition at all (`^\d-[a-z]$`): nothing to backtrack over, no analysis. */
const REPEATS = /[*+]|\{\d/;

/**
 * The answers by flags and pattern, so that the reader (which reports) and the validators
 * (which guard) analyze each pattern once; bounded, and forgotten whole when full.
 */
const known = new Map<string, PatternGuard>();
const KNOWN_LIMIT = 10_000;

/** How the validators run `pattern` (known to compile with `flags`). */
export function patternGuard(pattern: string, flags: "u" | ""): PatternGuard {
  const key = flags + "/" + pattern;
  let guard = known.get(key);
  if (guard === undefined) {
    guard = decide(pattern, flags);
    if (known.size >= KNOWN_LIMIT) known.clear();
    known.set(key, guard);
  }
  return guard;
}

const REGEXP: PatternGuard = { kind: "regexp" };

function decide(pattern: string, flags: "u" | ""): PatternGuard {
  if (!REPEATS.test(pattern)) return REGEXP;
  let program: PatternProgram | NoLinearProgram;
  try {
    program = patternProgram(pattern, flags);
  } catch (error) {
    if (!(error instanceof NoLinearProgram)) throw error;
    program = error;
  }
  // a pattern the linear matcher can run is regular: recheck's automaton checker decides it
  // exactly. Its default (a seeded fuzzer first) gave the same verdicts on GitHub's 17 patterns
  // and six attack patterns in 1.56 s, the automaton in 0.27 s (~1 s of a GitHub run), so the
  // fuzzer runs only where backreferences or lookaround leave no automaton

  const risk = analyze(pattern, flags, !(program instanceof NoLinearProgram));
  if (risk === undefined) return REGEXP;
  if (!(program instanceof NoLinearProgram))
    return { kind: "linear", risk, program };
  // refused only on the analyzer's word: one that could not decide is not an error
  return risk.complexity === "unknown"
    ? REGEXP
    : { kind: "refused", risk, why: program.message };
}

function analyze(
  pattern: string,
  flags: "u" | "",
  regular: boolean,
): PatternRisk | undefined {
  const answer = recheck()(
    pattern,
    flags,
    regular ? { ...PARAMS, checker: "automaton" } : PARAMS,
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
