import type { PatternGuard } from "../../model/types.js";
import { stringLiteral } from "../shared/literals.js";

/**
 * How a pattern constant is made, by the model's verdict (`ApiModel.patterns`): undefined for a
 * RegExp, `r.linear(program, flags, classes)` for a pattern with super-linear backtracking, run
 * by the runtime's linear-time matcher.
 */
export function guardedPattern(
  guard: PatternGuard & { kind: "regexp" | "linear" },
): [callee: string, args: (string | string[])[]] | undefined {
  if (guard.kind === "regexp") return undefined;
  const { code, classes } = guard.program;
  return [
    "r.linear",
    [
      `"${code.join(",")}"`,
      `"${guard.flags}"`,
      classes.map((text) => stringLiteral(text)),
    ],
  ];
}
