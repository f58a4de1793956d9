/*
 * Every Swagger/OpenAPI document of ../shared/corpus and the three Stride Swagger seeds: each
 * endpoint is called through the spec's generated client, with arguments synthesized from the
 * model (examples and enums first, every member filled, free strings full of characters that
 * need escaping), against `prism mock <spec> --errors`. Prism must accept every request; what it
 * rejects for a reason that is not the client's is in prism-corpus-allow-list.ts.
 */
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { CORPUS_DIR, CORPUS_FILES, describeCorpus } from "../shared-corpus.js";
import { runSpec, type EndpointVerdict } from "./corpus-run.js";
import {
  CORPUS_ALLOW_LIST,
  type CorpusDisagreement,
} from "./prism-corpus-allow-list.js";

const SPECS: { file: string; name: string }[] = [
  ...CORPUS_FILES.filter((f) => !f.startsWith("postman/")).map((f) => ({
    file: join(CORPUS_DIR, f),
    name: f,
  })),
  ...["stride-conversations", "stride-messages", "stride-messaging"].map(
    (s) => ({
      file: join(import.meta.dirname, "../../specs", `${s}.swagger.yaml`),
      name: `specs/${s}.swagger.yaml`,
    }),
  ),
];

const used = new Set<CorpusDisagreement>();
let finished = 0;

function covers(entry: CorpusDisagreement, v: EndpointVerdict): boolean {
  if (entry.spec !== v.spec) return false;
  if (entry.route !== undefined && entry.route !== v.route) return false;
  if (entry.violation === "crash") return v.violations === "crash";
  const pattern = entry.violation;
  return (
    v.violations !== "crash" &&
    v.violations.length > 0 &&
    v.violations.every((m) => pattern.test(m))
  );
}

describeCorpus("prism mock judges the generated clients of the corpus", () => {
  const counts: Record<string, number> = {};
  afterAll(() => {
    // the numbers, for the record (endpoints called per spec)
    console.log(JSON.stringify(counts));
  });

  describe.concurrent("each spec", () => {
    test.each(SPECS)("$name", { timeout: 300_000 }, async ({ file, name }) => {
      const verdicts = await runSpec(file, name);
      counts[name] = verdicts.length;
      expect(verdicts.length).toBeGreaterThan(0);
      const unexplained = verdicts.filter((v) => {
        if (v.violations !== "crash" && v.violations.length === 0) return false;
        const entry = CORPUS_ALLOW_LIST.find((e) => covers(e, v));
        if (entry) used.add(entry);
        return !entry;
      });
      expect(unexplained).toEqual([]);
      finished++;
    });
  });

  test("every allow-list entry still covers a rejection", (context) => {
    // only meaningful when every spec ran and passed (not under `-t`)
    if (finished < SPECS.length) context.skip();
    expect(
      CORPUS_ALLOW_LIST.filter((e) => !used.has(e)).map((e) => e.reason),
    ).toEqual([]);
  });
});
