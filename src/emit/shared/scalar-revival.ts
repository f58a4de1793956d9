import type { GeneratedFile } from "../artifact.js";
import type { ApiModel } from "../../model/types.js";
import { isInt64, isRevivableDate } from "../../model/schema/scalars.js";
import { pointerSegment } from "../../model/pointer.js";
import { ownMember } from "../../model/own-property.js";
import { runtimeFile, templateText, TemplateError } from "../templates.js";
import { PRINT_WIDTH, stringLiteral } from "./literals.js";
import {
  scalarPlans,
  WEBHOOK_PREFIX,
  type Plan,
  type PlanNode,
  type Plans,
} from "./scalar-plans.js";

/** Dates and big integers (config `dates`, `int64`) as the generated client or server revives them. */
export interface ScalarRevival {
  /** Whether the endpoint `name` holds a value revived (the server's: its webhook, by `webhook`). */
  revives(name: string, webhook?: boolean): boolean;
  /** The folder's `scalars.ts` and `lossless-json.ts` (templates/shared/), and its `scalar-plans.ts`. */
  files(
    folder: "client" | "server",
    templatesDir: string | undefined,
  ): GeneratedFile[];
  /**
   * Where the JSON `value` the endpoint `name` answers with `status` holds what the client could
   * not revive (`/at: "yesterday" is no date-time`); undefined when it holds none.
   */
  unrevivable(value: unknown, name: string, status: string): string | undefined;
}

/** The revival of the model's dates and big integers by the client, or the server; or undefined. */
export function scalarRevival(
  model: ApiModel,
  { server = false }: { server?: boolean } = {},
): ScalarRevival | undefined {
  const plans = scalarPlans(model, model.scalars, server);
  if (!plans) return undefined;
  return {
    revives: (name, webhook = false) =>
      Object.hasOwn(plans.operations, webhook ? WEBHOOK_PREFIX + name : name),
    files: (folder, templatesDir) => [
      {
        path: `${folder}/scalar-plans.ts`,
        contents: scalarPlansFile(plans, templatesDir),
      },
      ...["scalars.ts", "lossless-json.ts"].map((name) =>
        runtimeFile("shared", name, templatesDir, `${folder}/${name}`),
      ),
    ],
    unrevivable(value, name, status) {
      const answers = ownMember(plans.operations, name)?.responses;
      return unrevivable(value, ownMember(answers, status), plans.named);
    },
  };
}

const MAX_DEPTH = 512;

/** {@link ScalarRevival.unrevivable} of a value by its plan. */
function unrevivable(
  value: unknown,
  plan: Plan | undefined,
  named: readonly PlanNode[],
  at = "",
  depth = 0,
): string | undefined {
  const node = typeof plan === "number" ? named[plan] : plan;
  if (node === undefined || depth >= MAX_DEPTH) return undefined;
  if (typeof value === "string")
    return node.s && !isRevivableDate(value, node.s)
      ? `${at || "/"}: ${JSON.stringify(value)} is no ${node.s === "d" ? "date" : "date-time"}`
      : undefined;
  if (typeof value === "number")
    return node.i && !isInt64(value)
      ? `${at || "/"}: ${value} is no int64`
      : undefined;
  if (typeof value !== "object" || value === null) return undefined;
  const inside: [string, unknown, Plan | undefined][] = Array.isArray(value)
    ? value.map((item, i) => [String(i), item, node.t?.[i] ?? node.e])
    : Object.entries(value).map(([key, item]) => [
        pointerSegment(key),
        item,
        ownMember(node.p, key) ?? node.r,
      ]);
  for (const [token, item, member] of inside) {
    const found = unrevivable(item, member, named, `${at}/${token}`, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** templates/shared/scalar-plans.ts with the plans as one JSON text (cheap to type-check). */
function scalarPlansFile(plans: Plans, templatesDir: string | undefined) {
  const literal = stringLiteral(JSON.stringify(plans));
  const head = "export const PLANS: Plans = JSON.parse(";
  const call =
    head.length + literal.length + 2 <= PRINT_WIDTH
      ? `${head}${literal});`
      : `${head}\n  ${literal},\n);`;
  const text = templateText("shared", "scalar-plans.ts", templatesDir);
  const placeholder = `${head}"{}");`;
  if (!text.includes(placeholder))
    throw new TemplateError(
      `the template shared/scalar-plans.ts lacks the line \`${placeholder}\` its plans replace`,
    );
  return text.replace(placeholder, () => call);
}
