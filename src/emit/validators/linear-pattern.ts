import { patternGuard } from "../../model/pattern-safety.js";
import { stringLiteral } from "../shared/literals.js";

/**
 * How a pattern constant is made (model/pattern-safety.ts decides): undefined for a RegExp,
 * `r.linear(program, flags, classes)` for a pattern with super-linear backtracking, run by the
 * runtime's linear-time matcher, and null for one refused (reported `schema/unsafe-pattern`,
 * which stops the run: only a run that ignores errors gets here, and checks nothing for it).
 */
export function guardedPattern(
  pattern: string,
  flags: "u" | "",
): [callee: string, args: (string | string[])[]] | null | undefined {
  const guard = patternGuard(pattern, flags);
  if (guard.kind === "regexp") return undefined;
  if (guard.kind === "refused") return null;
  const { code, classes } = guard.program;
  return [
    "r.linear",
    [
      `"${code.join(",")}"`,
      `"${flags}"`,
      classes.map((text) => stringLiteral(text)),
    ],
  ];
}
