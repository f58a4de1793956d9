import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compareModels } from "../../src/diff/compare.js";
import { loadModel } from "../../src/pipeline.js";
import {
  found,
  OPTIC_PAIRS,
  opticInstalled,
  OPTIC_RULES,
  opticReport,
  parseOptic,
  type OpticFinding,
} from "./optic.js";

/**
 * The pairs Optic judges (optic-run.mjs). The two fixture pairs are ours; GitHub's REST description, two
 * consecutive published versions of npm `@octokit/openapi` (22.0.0 → 23.0.1), and Directus' are
 * nobody's here. Optic does not finish the whole GitHub pair in 20 minutes here, so it judges the
 * 80 paths that changed, with the components they reach. scripts/diff-oracle.mjs downloads the
 * pairs and Optic from the npm registry, cuts the slice and lets Optic judge the pairs (its
 * reports depend only on Optic and the two files); with APILOOM_DIFF_ORACLE=1 a pair it has not
 * judged is judged here.
 */
const PAIRS = OPTIC_PAIRS.map((pair) => ({
  ...pair,
  runOptic: !pair.fetched || process.env.APILOOM_DIFF_ORACLE === "1",
}));

/**
 * Breaking changes Optic finds that apiloom does not report under the same rule, each with the
 * reason. An entry that no longer matches a disagreement fails the test.
 */
const ALLOWED: readonly {
  pair: string;
  operation: string;
  rule: string;
  subject?: string;
  reason: string;
}[] = [
  {
    pair: "@octokit/openapi 22.0.0 → 23.0.1, the paths that changed",
    operation: "patch /organizations/{}/settings/billing/budgets/{}",
    rule: "prevent response property type changes",
    subject: "budget_amount",
    reason:
      "number → integer in a response narrows it: every integer is a number, and the generated type stays `number`; Optic counts any type change",
  },
  {
    pair: "@octokit/openapi 22.0.0 → 23.0.1, the paths that changed",
    operation: "patch /organizations/{}/settings/billing/budgets/{}",
    rule: "prevent expanded in request union types",
    reason:
      "a request property became a oneOf whose first alternative gained enum values: a request accepting more breaks no client; Optic counts any expansion of a request union",
  },
  ...["secret", "otp"].map((subject) => ({
    pair: "@directus/specs 15.0.0 → 15.1.0",
    operation: "post /users/me/tfa/enable",
    rule: "prevent changing request property to required",
    subject,
    reason:
      "the operation had no request body and gains an optional one (requestBody.required is absent) whose object requires secret and otp: calls without a body stay valid, so apiloom reports no break; Optic checks the properties as if the body were sent",
  })),
];

const key = (f: Pick<OpticFinding, "operation" | "rule" | "subject">) =>
  `${f.operation} [${f.rule}] ${f.subject ?? ""}`;

describe("Optic as an oracle: apiloom finds every breaking change Optic finds", () => {
  for (const pair of PAIRS) {
    const present = existsSync(pair.old) && existsSync(pair.new);
    const report = present
      ? opticReport(pair.old, pair.new, pair.runOptic)
      : undefined;
    const why = !present
      ? "the pair is not downloaded"
      : !opticInstalled()
        ? "Optic is not installed"
        : "Optic has not judged this pair yet";
    it.skipIf(report === undefined)(
      `${pair.name}${report === undefined ? ` (skipped: ${why}; run node scripts/diff-oracle.mjs)` : ""}`,
      () => {
        const findings = parseOptic(report!);
        expect(findings.length).toBeGreaterThan(0);
        const before = loadModel([pair.old]);
        const after = loadModel([pair.new]);
        const changes = compareModels(before, after);
        const missed = findings.filter((f) => !found(f, changes));
        const allowed = ALLOWED.filter((a) => a.pair === pair.name);
        const unexplained = missed.filter(
          (m) => !allowed.some((a) => key(a) === key(m)),
        );
        expect(
          unexplained.map((m) => `${key(m)}: ${m.message}`),
          "Optic found these and apiloom did not",
        ).toEqual([]);
        const stale = allowed.filter(
          (a) => !missed.some((m) => key(m) === key(a)),
        );
        expect(stale.map(key), "allow-list entries no longer true").toEqual([]);
        // every Optic rule seen is one the mapping knows (an unknown one would pass unchecked)
        expect(
          [...new Set(findings.map((f) => f.rule))].filter(
            (r) => !(r in OPTIC_RULES),
          ),
        ).toEqual([]);
      },
      120_000,
    );
  }
});
