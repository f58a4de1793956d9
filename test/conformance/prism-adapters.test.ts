/*
 * Issue 27: one corpus spec through `prism proxy <spec> <server> --errors` to each server
 * adapter (node:http, Fastify, Express 5, Hono on Node): Prism must accept every request and
 * every answer, and each handler must receive exactly what the client was given (corpus-run.ts).
 */
import { join } from "node:path";
import { beforeAll, expect, test } from "vitest";
import { ADAPTERS } from "../server/adapter-servers.js";
import { CORPUS_DIR, describeCorpus } from "../shared-corpus.js";
import { buildSpec, runSpecProxy, type SpecBuild } from "./corpus-run.js";

const SPEC = "oas31/redocly-museum.yaml";

describeCorpus(`prism proxy judges every server adapter on ${SPEC}`, () => {
  // generated once with every adapter (as test/server/adapters.test.ts does)
  let build: SpecBuild;
  beforeAll(async () => {
    build = await buildSpec(
      join(CORPUS_DIR, SPEC),
      SPEC,
      "prism-proxy-adapters",
      [...ADAPTERS],
    );
  });

  test.each(ADAPTERS)(
    "%s",
    async (adapter) => {
      const verdicts = await runSpecProxy(build, adapter);
      expect(verdicts.length).toBeGreaterThan(5);
      expect(
        verdicts.filter(
          (v) =>
            v.violations === "crash" ||
            v.violations.length > 0 ||
            v.mismatches.length > 0,
        ),
      ).toEqual([]);
    },
    120_000,
  );
});
