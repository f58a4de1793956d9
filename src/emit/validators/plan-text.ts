import { templateLiteralText } from "../shared/literals.js";
import type { TextOut } from "../shared/text-parts.js";
import type { PlanBuilder } from "./plan.js";

/**
 * `const P = plan(JSON.parse(`…`))`: a file's plan as JSON in a template literal (one token for
 * a user's tsc, as server/routes.ts holds its routes), one node of the table per line, then the
 * patterns, then `rows` (an operations file's table, one row per line). `named`: the name the
 * file imports validators/schemas.ts as, for the checks of named schemas its plan calls.
 */
export function planText(
  out: TextOut,
  plan: PlanBuilder,
  rows: readonly unknown[] = [],
  named?: string,
): void {
  out.write(
    "/** The schemas as data: validators/plan.ts makes each check on its first use. */\n",
  );
  out.write('const P = plan(\n  JSON.parse(`{"n":[');
  lines(out, plan.nodes);
  out.write("]");
  if (plan.patterns.length > 0) out.write(`,"r":${json(plan.patterns)}`);
  if (plan.bigints) out.write(',"b":1');
  if (rows.length > 0) {
    out.write(',"e":[');
    lines(out, rows);
    out.write("]");
  }
  out.write("}`),\n");
  if (named !== undefined) out.write(`  ${named},\n`);
  out.write(");\n");
}

/** The items, one per line. */
function lines(out: TextOut, items: readonly unknown[]): void {
  for (let i = 0; i < items.length; i++)
    out.write((i === 0 ? "\n" : ",\n") + json(items[i]));
  if (items.length > 0) out.write("\n");
}

const json = (value: unknown): string =>
  templateLiteralText(JSON.stringify(value));

/** `export interface name {` and the lines, or `{}` without lines. */
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
