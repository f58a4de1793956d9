import { backtracking, MAX_PATTERN_LENGTH } from "./ambiguity.js";
import { patternFlags } from "./flags.js";
import { NoLinearProgram, patternProgram } from "./program.js";
import { MAX_NESTING } from "./syntax.js";
import type { PatternGuard, PatternRisk } from "./guard.js";

/** One document's verdicts on its patterns (docs/validation.md), each decided once, for the model. */
export class PatternVerdicts {
  private readonly decided = new Map<string, PatternGuard>();

  /** `analyze` false (no validators): each pattern is only read for its syntax. */
  constructor(private readonly analyze = true) {}

  /** Every pattern decided so far; undefined when the patterns are not analysed. */
  get known(): ReadonlyMap<string, PatternGuard> | undefined {
    return this.analyze ? this.decided : undefined;
  }

  /** How the validators run `pattern` (without analysis: `invalid`, or a plain `regexp`). */
  guard(pattern: string): PatternGuard {
    let guard = this.decided.get(pattern);
    if (guard === undefined)
      this.decided.set(pattern, (guard = patternGuard(pattern, this.analyze)));
    return guard;
  }
}

/** No repetition at all (`^\d-[a-z]$`): nothing to backtrack over, no analysis. */
const REPEATS = /[*+]|\{\d/;

/** How the validators run `pattern`, decided now (`analyze` false: `invalid`, or a plain `regexp`). */
export function patternGuard(pattern: string, analyze = true): PatternGuard {
  const flags = patternFlags(pattern);
  if (flags === undefined) return { kind: "invalid" };
  if (!analyze) return { kind: "regexp", flags };
  // V8 compiles alternatives or lookarounds nested ~5,000 deep by a recursion that aborts the
  // process, and refuses some of ~100,000 characters when first run: past MAX_NESTING or
  // MAX_PATTERN_LENGTH, a pattern goes to the analysis, which does not read it
  if (
    !REPEATS.test(pattern) &&
    pattern.length <= MAX_PATTERN_LENGTH &&
    groupDepth(pattern) <= MAX_NESTING
  )
    return { kind: "regexp", flags };
  const verdict = unlessItThrows(() => backtracking(pattern, flags), "unknown");
  if (verdict === "linear") return { kind: "regexp", flags };
  const risk: PatternRisk = { complexity: verdict };
  const program = unlessItThrows(
    () => patternProgram(pattern, flags),
    new NoLinearProgram("it could not be read"),
  );
  return program instanceof NoLinearProgram
    ? { kind: "refused", flags, risk, why: program.message }
    : { kind: "linear", flags, risk, program };
}

/** How deep `pattern`'s groups nest (escapes and character classes skipped). */
function groupDepth(pattern: string): number {
  let depth = 0;
  let deepest = 0;
  // a class runs to its `]`: a `(` in it is a character
  for (const [token] of pattern.matchAll(/\\[^]|\[(?:\\[^]|[^\]\\])*|[()]/g))
    if (token === "(") deepest = Math.max(deepest, ++depth);
    else if (token === ")") depth--;
  return deepest;
}

/** `read()`, or `otherwise` where the reading gives up: a pattern's text never fails a run. */
function unlessItThrows<T, U>(read: () => T, otherwise: U): T | U {
  try {
    return read();
  } catch (error) {
    if (error instanceof NoLinearProgram) return error as U;
    if (error instanceof SyntaxError || error instanceof RangeError)
      return otherwise;
    throw error;
  }
}

/** How a diagnostic says what a risk is: `may backtrack in exponential time`, … */
export function riskText(risk: PatternRisk): string {
  return risk.complexity === "unknown"
    ? "is not proved to run in linear time (the analysis could not decide within its budget)"
    : `may backtrack in ${risk.complexity} time`;
}
