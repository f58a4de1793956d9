/*
 * Every Swagger/OpenAPI document of ../shared/corpus and the three Stride Swagger seeds: each
 * endpoint is called through the spec's generated client, with arguments synthesized from the
 * model (examples and enums first, every member filled, free strings full of characters that
 * need escaping),
 *   1. against `prism mock <spec> --errors`: Prism must accept every request;
 *   2. through `prism proxy <spec> <server> --errors` to the generated server, whose handlers
 *      answer a sample of the first 2XX response: Prism must accept request and answer, and each
 *      handler must receive exactly the values the client was given.
 * What Prism rejects for a reason that is not apiloom's is in prism-corpus-allow-list.ts.
 */
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { CORPUS_DIR, CORPUS_FILES, describeCorpus } from "../shared-corpus.js";
import {
  buildCorpusSpec,
  runSpec,
  runSpecProxy,
  type EndpointVerdict,
  type ProxyVerdict,
} from "./corpus-run.js";
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

function covers(
  entry: CorpusDisagreement,
  mode: "mock" | "proxy",
  v: EndpointVerdict & Partial<Pick<ProxyVerdict, "mismatches">>,
): boolean {
  if (entry.mode !== undefined && entry.mode !== mode) return false;
  if (entry.spec !== v.spec) return false;
  if (entry.route !== undefined && entry.route !== v.route) return false;
  if (entry.violation === "crash") return v.violations === "crash";
  if (entry.violation === "mismatch") {
    const received = entry.received ?? /./;
    const mismatches = v.mismatches ?? [];
    return (
      v.violations.length === 0 &&
      mismatches.length > 0 &&
      mismatches.every((m) => received.test(m))
    );
  }
  const pattern = entry.violation;
  return (
    v.violations !== "crash" &&
    v.violations.length > 0 &&
    v.violations.every((m) => pattern.test(m))
  );
}

/** The verdicts no allow-list entry explains (an entry that explains one is marked used). */
function unexplained(
  mode: "mock" | "proxy",
  verdicts: (EndpointVerdict & Partial<Pick<ProxyVerdict, "mismatches">>)[],
): unknown[] {
  return verdicts.filter((v) => {
    const clean =
      v.violations !== "crash" &&
      v.violations.length === 0 &&
      (v.mismatches ?? []).length === 0;
    if (clean) return false;
    const entry = CORPUS_ALLOW_LIST.find((e) => covers(e, mode, v));
    if (entry) used.add(entry);
    return !entry;
  });
}

describeCorpus("prism mock judges the generated clients of the corpus", () => {
  const counts: Record<string, number> = {};
  afterAll(() => {
    // the numbers, for the record (endpoints called per spec)
    console.log(JSON.stringify(counts));
  });

  describe.concurrent("each spec", () => {
    test.each(SPECS)("$name", { timeout: 600_000 }, async ({ file, name }) => {
      // one generated client serves both runs
      const build = await buildCorpusSpec(file, name);
      const mock = await runSpec(build);
      counts[name] = mock.length;
      expect(mock.length).toBeGreaterThan(0);
      expect(unexplained("mock", mock)).toEqual([]);
      const proxy = await runSpecProxy(build);
      expect(proxy.length).toBe(mock.length);
      expect(unexplained("proxy", proxy)).toEqual([]);
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
