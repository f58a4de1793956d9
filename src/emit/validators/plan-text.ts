import { templateLiteralText, type TextOut } from "../toolkit.js";
import type { PlanBuilder } from "./plan.js";
import type { CheckCode } from "./code.js";
import { bracketed } from "./code-function.js";

/**
 * `const P = plan(JSON.parse(`…`), `…`)`: a file's plan in template literals (a token each for
 * a user's tsc): the patterns and `rows` (an operations table) as JSON, then one node per line,
 * parsed on its check's first use. `named`: how the file imports validators/schemas.ts; `code`:
 * the nodes written as code, whose lines are left empty.
 */
export function planText(
  out: TextOut,
  plan: PlanBuilder,
  rows: readonly unknown[] = [],
  named?: string,
  code?: CheckCode,
): void {
  out.write(
    "/** The schemas as data: validators/plan.ts makes each check on its first use. */\n",
  );
  const members: string[] = [];
  if (plan.patterns.length > 0) members.push(`"r":${json(plan.patterns)}`);
  if (plan.bigints) members.push('"b":1');
  // a member per line: a literal with a line break stays hugged in its call (prettier's layout)
  out.write("const P = plan(\n  JSON.parse(`{");
  if (members.length > 0) out.write("\n" + members.join(",\n"));
  if (rows.length > 0) {
    out.write(`${members.length > 0 ? "," : ""}\n"e":[`);
    lines(out, rows, ",");
    out.write("]");
  }
  out.write("}`),\n  `");
  lines(
    out,
    code === undefined
      ? plan.nodes
      : plan.nodes.map((node, id) => (code.written(id) ? 0 : node)),
    "",
  );
  out.write("`,\n");
  if (named !== undefined || code !== undefined)
    out.write(`  ${named ?? "undefined"},\n`);
  if (code !== undefined) {
    const checks = plan.nodes.map((_, id) =>
      code.written(id) ? `c${id}` : "undefined",
    );
    out.write(bracketed("", checks, ",", 2) + "\n");
  }
  out.write(");\n");
}

/** The items, one per line (separated by `comma` and a line break). */
function lines(out: TextOut, items: readonly unknown[], comma: string): void {
  for (let i = 0; i < items.length; i++)
    out.write((i === 0 ? "" : comma) + "\n" + json(items[i]));
  if (items.length > 0 && comma !== "") out.write("\n");
}

const json = (value: unknown): string =>
  templateLiteralText(JSON.stringify(value));

export function objectType(
  out: TextOut,
  name: string,
  lines: readonly string[],
): void {
  if (lines.length === 0) return out.write(`export interface ${name} {}`);
  out.write(`export interface ${name} {\n`);
  for (const line of lines) out.write(line + "\n");
  out.write("}");
}
