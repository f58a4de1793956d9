import type { Change } from "../../src/diff/change.js";
import type { RuleId } from "../../src/diff/rules.js";
import { pathShape } from "../../src/model/path-template.js";
import { cachedReport, judgeSync, opticInstalled } from "./optic-run.mjs";

export { CACHE, OPTIC_PAIRS, opticInstalled } from "./optic-run.mjs";

/**
 * Optic (`@useoptic/optic`, npm) as an independent oracle: its standard breaking-change ruleset,
 * run offline (`optic diff old new --check`). scripts/diff-oracle.mjs installs it into
 * node_modules/.cache/apiloom-diff/optic and judges the pairs it fetches; the reports are cached
 * there by Optic's version, its arguments and the inputs' bytes (optic-run.mjs).
 */

/** Optic's report on a pair: from the cache, else run now (when `run` allows it), else undefined. */
export function opticReport(
  oldFile: string,
  newFile: string,
  run: boolean,
): string | undefined {
  const cached = cachedReport(oldFile, newFile);
  if (cached !== undefined) return cached;
  if (!run || !opticInstalled()) return undefined;
  return judgeSync(oldFile, newFile);
}

/** One failed check in Optic's report. */
export interface OpticFinding {
  /** `GET /events/{}`: method and route shape. */
  operation: string;
  rule: string;
  message: string;
  /** The property or parameter it names, when it names one. */
  subject?: string;
  /** The enum value it names (enum rules). */
  value?: string;
  /** The removal it sits under, which apiloom reports as one change instead. */
  under?: "operation" | "media" | "response";
  /**
   * The removed property it sits inside (`error` for `error.code`): Optic reports a removed
   * property and again each property inside it; apiloom reports the removed one, so the
   * finding's subject becomes that one.
   */
  inside?: string;
}

/** The failed checks of Optic's text report, each with the operation and the removal it sits under. */
export function parseOptic(report: string): OpticFinding[] {
  const out: OpticFinding[] = [];
  let operation = "";
  let removedOperation = false;
  const context: { indent: number; text: string }[] = [];
  // the removed properties of the operation, each with the response and body it is in
  const removedProperties = new Set<string>();
  const scope = (pointer: string) =>
    [...context.slice(0, -1).map((c) => c.text), pointer].join(" > ");
  for (const raw of report.split("\n")) {
    const line = raw.replace(/\x1b\[[0-9;]*m/g, "");
    const op = /^(?:x|✔) ([A-Z]+) (\S+?):\s*(removed|added)?\s*$/.exec(line);
    if (op) {
      operation = `${op[1]!.toLowerCase()} ${pathShape(op[2]!)}`;
      removedOperation = op[3] === "removed";
      context.length = 0;
      removedProperties.clear();
      continue;
    }
    const indent = /^ */.exec(line)![0].length;
    const item = /^\s*- (.*)$/.exec(line);
    if (item) {
      while (context.length > 0 && context.at(-1)!.indent >= indent)
        context.pop();
      context.push({ indent, text: item[1]! });
      const removed = /^property (\S+): removed$/.exec(item[1]!);
      if (removed) removedProperties.add(scope(removed[1]!));
      continue;
    }
    const finding = /^\s*x \[(.+?)\] (.*)$/.exec(line);
    if (!finding || operation === "") continue;
    const above = context.filter((c) => c.indent < indent).map((c) => c.text);
    const rule = finding[1]!;
    const message = finding[2]!;
    const quoted = [...message.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
    const isEnum = rule.includes("enum");
    let subject = isEnum ? quoted[1] : quoted[0];
    // `property /schema/properties/error/properties/code:` after `…/error: removed`
    const own = /^property (\S+):/.exec(context.at(-1)?.text ?? "");
    let inside: string | undefined;
    if (own && rule === "prevent removing response property")
      for (const removed of removedProperties) {
        const prefix = removed.split(" > ").pop()!;
        if (
          scope(own[1]!).startsWith(removed + "/") &&
          own[1]!.startsWith(prefix + "/")
        )
          inside = subject = prefix.split("/").pop()!;
      }
    const value = isEnum ? quoted[0] : undefined;
    const under =
      rule !== "prevent operation removal" && removedOperation
        ? "operation"
        : above.some((t) => /^body \S+: removed$/.test(t))
          ? "media"
          : above.some((t) => /^response \S+: removed$/.test(t))
            ? "response"
            : undefined;
    out.push({
      operation,
      rule,
      message,
      ...(subject !== undefined ? { subject } : {}),
      ...(value !== undefined ? { value } : {}),
      ...(under ? { under } : {}),
      ...(inside ? { inside } : {}),
    });
  }
  return out;
}

/** Optic's rules and the apiloom rules that find the same changes. */
export const OPTIC_RULES: Readonly<Record<string, readonly RuleId[]>> = {
  "prevent operation removal": ["operation-removed"],
  "prevent response status code removal": ["response-status-removed"],
  "prevent removing response property": ["response-property-removed"],
  "prevent changing request property to required": [
    "required-request-property-added",
    "request-property-became-required",
  ],
  "request and response property enums": [
    "request-enum-value-removed",
    "response-enum-value-added",
  ],
  "prevent response property type changes": [
    "response-type-changed",
    "response-property-became-nullable",
  ],
  "prevent request property type changes": ["request-type-changed"],
  "prevent narrowing in response union types": ["response-type-changed"],
  "prevent making response property optional": [
    "response-property-became-optional",
  ],
  "prevent new required query parameters": ["required-parameter-added"],
  "prevent new required header parameters": ["required-parameter-added"],
  "prevent new required cookie parameters": ["required-parameter-added"],
  "prevent query parameters type changes": ["request-type-changed"],
  "prevent header parameters type changes": ["request-type-changed"],
  "prevent path parameters type changes": ["request-type-changed"],
  "prevent cookie parameters type changes": ["request-type-changed"],
  "prevent query parameters enum breaking changes": [
    "request-enum-value-removed",
  ],
  "prevent header parameters enum breaking changes": [
    "request-enum-value-removed",
  ],
  "prevent path parameters enum breaking changes": [
    "request-enum-value-removed",
  ],
  "prevent cookie parameters enum breaking changes": [
    "request-enum-value-removed",
  ],
  "prevent requiring existing query parameters": ["parameter-became-required"],
  "prevent requiring existing header parameters": ["parameter-became-required"],
  "prevent requiring existing cookie parameters": ["parameter-became-required"],
  // a request union that accepts more breaks no client: Optic's findings are allow-listed one by one
  "prevent expanded in request union types": [],
};

const REMOVAL: Record<NonNullable<OpticFinding["under"]>, RuleId[]> = {
  operation: ["operation-removed"],
  media: ["request-media-type-removed", "response-media-type-removed"],
  response: ["response-status-removed"],
};

/** Whether apiloom's changes hold the one Optic found. */
export function found(
  finding: OpticFinding,
  changes: readonly Change[],
): boolean {
  const rules = finding.under
    ? REMOVAL[finding.under]
    : (OPTIC_RULES[finding.rule] ?? []);
  return changes.some((c) => {
    if (!(rules as readonly RuleId[]).includes(c.rule)) return false;
    const endpoints = [c.endpoint, ...(c.also ?? []).map((a) => a.endpoint)];
    if (!endpoints.some((e) => shapeOf(e) === finding.operation)) return false;
    if (finding.under || finding.subject === undefined) return true;
    const member = (c.names.member ?? "")
      .split(".")
      .pop()!
      .replace(/\[\]$/, "");
    return (
      member === finding.subject ||
      (finding.value !== undefined &&
        c.message.includes(JSON.stringify(finding.value)))
    );
  });
}

function shapeOf(endpoint: string): string {
  const [method, path] = endpoint.split(" ");
  return `${method!.toLowerCase()} ${pathShape(path!)}`;
}
