import type { IngestReporter } from "../codes.js";
import { riskText } from "../../model/patterns/safety.js";
import type { PatternGuard, SourceRef } from "../../model/types.js";

/**
 * The reader's word on a pattern that can stall the validators (model/patterns/safety.ts), at
 * the pattern's place: a warning when the validators run it in linear time instead, and when
 * they cannot and leave it unchecked.
 */
export function checkPatternSafety(
  reporter: IngestReporter,
  pattern: string,
  guard: PatternGuard,
  at: SourceRef,
): void {
  if (guard.kind !== "linear" && guard.kind !== "refused") return;
  const shown = JSON.stringify(pattern);
  if (guard.kind === "linear")
    reporter.report(
      "schema/backtracking-pattern",
      `the pattern ${shown} ${riskText(guard.risk)}; the validators match it with a linear-time matcher instead of a RegExp`,
      at,
    );
  else
    reporter.report(
      "schema/unsafe-pattern",
      `the pattern ${shown} ${riskText(guard.risk)}, and the linear-time matcher cannot run it (${guard.why}): the validators do not check it; rewrite it to check it`,
      at,
    );
}
