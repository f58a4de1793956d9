import { rmSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, expect, test } from "vitest";
import type { GeneratedFile } from "../../src/emit/artifact.js";
import { loadModel } from "../../src/pipeline.js";
import { typeCheck, writeTree } from "../client/compile.js";
import { emitted } from "../emitted.js";
import { CORPUS_DIR, CORPUS_FILES, describeCorpus } from "../shared-corpus.js";

/*
 * The query artifact (with the client it calls) for every document of the shared corpus, checked
 * by tsc --strict in one program. The options once typed a query's data as `<Name>Data`, the
 * bodies of the declared 2XX statuses alone, while the client's success also holds the
 * `default` body (it answers for the 2XX statuses nobody named): TS2345 in query/index.ts on
 * four documents (uber, slack, netlify, autorest-body-formdata).
 */
const UBER_CHECK = `import type { ErrorModel, Profile } from "./types.js";
import type { getMeOptions } from "./query/index.js";

type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2
    ? true
    : false;
type Data = Awaited<ReturnType<ReturnType<typeof getMeOptions>["queryFn"]>>;
export const same: Same<Data, Profile | ErrorModel> = true;
`;

const slug = (file: string) => file.replace(/[^A-Za-z0-9]+/g, "_");
const generated = new Map<string, GeneratedFile[]>();

beforeAll(async () => {
  for (const file of CORPUS_FILES)
    generated.set(
      file,
      await emitted("query", loadModel([join(CORPUS_DIR, file)])),
    );
});

describeCorpus("query options for the corpus", () => {
  test("every document makes query/index.ts beside its client", () => {
    expect(generated.size).toBe(19);
    for (const [file, files] of generated) {
      const paths = files.map((f) => f.path);
      expect(paths, file).toContain("query/index.ts");
      expect(paths, file).toContain("client/index.ts");
    }
  });

  test("all compile under tsc --strict (one program)", async () => {
    const tree: Record<string, string> = {};
    for (const [file, files] of generated)
      for (const f of files) tree[`${slug(file)}/${f.path}`] = f.contents;
    // the data of uber's GET /me is what the client resolves to: the 200 body, and the default
    // body on a 2XX the description does not name; neither is lost, nothing is widened
    tree["swagger2_uber_yaml/check.ts"] = UBER_CHECK;
    const dir = writeTree(tree, "apiloom-query-");
    try {
      expect(await typeCheck(dir)).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
