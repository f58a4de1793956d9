import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Change } from "../../src/diff/change.js";
import { compareModels } from "../../src/diff/compare.js";
import { loadModel } from "../../src/pipeline.js";
import { apiloom } from "../cli/run.js";
import { CACHE } from "./optic.js";

/**
 * Real version pairs nobody here wrote, from the npm registry (scripts/diff-oracle.mjs puts them
 * in node_modules/.cache/apiloom-diff; skipped, visibly, when it has not run): the Kubernetes
 * Swagger 2.0 descriptions 1.12 and 1.13 that kubernetes-client 9.0.0 ships. Optic cannot read
 * Swagger 2.0, so the oracle here is the two JSON files themselves: the operations and the
 * definitions' properties that differ, read without apiloom; plus what Kubernetes 1.13's release
 * notes say changed (AuditSink, VolumeAttachment in storage.k8s.io/v1, an optional caBundle).
 */
const K8S = {
  old: join(CACHE, "kubernetes/swagger-1.12.json"),
  new: join(CACHE, "kubernetes/swagger-1.13.json"),
};
const present = existsSync(K8S.old) && existsSync(K8S.new);
const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"];

interface Swagger {
  paths: Record<string, Record<string, unknown>>;
  definitions: Record<
    string,
    { properties?: Record<string, unknown>; required?: string[] }
  >;
}

function operations(doc: Swagger): Set<string> {
  const out = new Set<string>();
  for (const [path, item] of Object.entries(doc.paths))
    for (const method of Object.keys(item))
      if (METHODS.includes(method)) out.add(`${method.toUpperCase()} ${path}`);
  return out;
}

/** A definition's name as a type name, compared loosely: `io.k8s.api.core.v1.PodSpec` ~ `IoK8sApiCoreV1PodSpec`. */
const loose = (name: string) => name.replace(/[^A-Za-z0-9]/g, "").toLowerCase();

describe("Kubernetes 1.12 → 1.13 (Swagger 2.0, npm kubernetes-client 9.0.0)", () => {
  it.skipIf(!present)(
    `apiloom diff finds what the files say changed, and nothing else that breaks${present ? "" : " (skipped: the pair is not downloaded; run node scripts/diff-oracle.mjs)"}`,
    () => {
      const raw = [K8S.old, K8S.new].map(
        (f) => JSON.parse(readFileSync(f, "utf8")) as Swagger,
      ) as [Swagger, Swagger];
      const before = loadModel([K8S.old]);
      const after = loadModel([K8S.new]);
      for (const m of [before, after])
        expect(m.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const changes = compareModels(before, after);
      const of = (rule: string) => changes.filter((c) => c.rule === rule);

      // operations: exactly the ones the files add; none removed
      const [a, b] = raw.map(operations) as [Set<string>, Set<string>];
      expect(
        of("operation-added")
          .map((c) => c.endpoint)
          .sort(),
      ).toEqual([...b].filter((o) => !a.has(o)).sort());
      expect(of("operation-removed")).toEqual([]);
      expect(of("operation-added").map((c) => c.endpoint)).toEqual(
        expect.arrayContaining([
          "POST /apis/auditregistration.k8s.io/v1alpha1/auditsinks",
          "GET /apis/storage.k8s.io/v1/volumeattachments/{name}",
        ]),
      );

      // every property the definitions gain is reported, in the request or the response
      const added = (c: Change) =>
        `${loose(c.names.type ?? "")}.${c.names.member}`;
      const reported = new Set(
        changes
          .filter((c) =>
            /^optional-(request|response)-property-added$/.test(c.rule),
          )
          .map(added),
      );
      const [oldDefs, newDefs] = [raw[0].definitions, raw[1].definitions];
      const gained: string[] = [];
      for (const [name, def] of Object.entries(newDefs)) {
        const was = oldDefs[name];
        if (!was) continue;
        for (const p of Object.keys(def.properties ?? {}))
          if (!(p in (was.properties ?? {})))
            gained.push(`${loose(name)}.${p}`);
      }
      expect(gained.length).toBe(11);
      expect(gained.filter((g) => !reported.has(g))).toEqual([]);

      // the one breaking change: WebhookClientConfig.caBundle is no longer required (1.13)
      const breaking = changes.filter((c) => c.severity === "breaking");
      expect(
        breaking.map((c) => [c.rule, c.names.type, c.names.member]),
      ).toEqual([
        [
          "response-property-became-optional",
          "IoK8sApiAdmissionregistrationV1beta1WebhookClientConfig",
          "caBundle",
        ],
      ]);
      expect(of("request-property-became-optional")).toHaveLength(1);
      expect(
        raw[0].definitions[
          "io.k8s.api.admissionregistration.v1beta1.WebhookClientConfig"
        ]!.required,
      ).toContain("caBundle");

      // a shared schema's change lists each other endpoint once (Kubernetes answers in 4 media types)
      for (const c of changes) {
        const endpoints = (c.also ?? []).map((x) => x.endpoint);
        expect(new Set(endpoints).size).toBe(endpoints.length);
        expect(endpoints).not.toContain(c.endpoint);
      }
    },
    180_000,
  );

  it.skipIf(!present)(
    `the command reads the pair and says so in one line${present ? "" : " (skipped: run node scripts/diff-oracle.mjs)"}`,
    () => {
      const run = apiloom([
        "diff",
        K8S.old,
        "--to",
        K8S.new,
        "--no-config",
        "--fail-on",
        "breaking",
      ]);
      // "changed" counts every endpoint a listed change reaches, a shared schema's too (issue 46:
      // 14 counted only the endpoints whose own operation changed)
      expect(run.stdout).toMatch(
        /apiloom diff: .* → .*: 1 breaking, 1 warning, 47 info; endpoints: 23 added, 0 removed, 206 changed\n$/,
      );
      expect(run.code).toBe(1);
    },
    180_000,
  );
});
