import { emitted } from "../emitted.js";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { reportAmbiguousRoutes } from "../../src/emit/server/route-specs.js";
import { Reporter } from "../../src/model/diagnostics/reporter.js";
import { loadModel } from "../../src/pipeline.js";
import { updateHandlersFile } from "./handlers-text.js";
import { outDir, typeCheck, writeFiles } from "./generated.js";
import { CORPUS_DIR, CORPUS_FILES, describeCorpus } from "../shared-corpus.js";

const CORPUS = CORPUS_DIR;
const FILES = CORPUS_FILES;

// Bitbucket declares `/addon/linkers/{linker_key}/values` (GET, DELETE) and
// `/snippets/{username}/{encoded_id}/commits` (GET) with and without a trailing slash: two paths
// for OpenAPI and for the router, so nothing in the corpus is ambiguous.
const AMBIGUOUS: Record<string, number> = {};

// Real specs: names, keys and strings the fixtures never thought of.
describeCorpus("the server and the scaffold for each corpus spec", () => {
  const root = outDir("corpus");

  it.each(FILES)("%s: prettier-formatted output", async (file) => {
    const model = loadModel([file], { cwd: CORPUS });
    const reporter = new Reporter();
    reportAmbiguousRoutes(model, reporter);
    expect(reporter.diagnostics.length).toBe(AMBIGUOUS[file] ?? 0);
    const files = await emitted("server", model, {});
    const handlers = updateHandlersFile({
      file: "handlers.ts",
      existing: undefined,
      model,
      importFrom: "./server/index.js",
    }).contents;
    for (const f of [
      ...files.filter((f) => /^server\/(routes|contracts)\.ts$/.test(f.path)),
      { path: "handlers.ts", contents: handlers },
    ])
      expect(await format(f.contents, { filepath: f.path }), f.path).toBe(
        f.contents,
      );
    const dir = join(root, file.replace(/\W+/g, "-"));
    writeFiles(dir, files);
    writeFileSync(join(dir, "handlers.ts"), handlers);
  });

  it("all of it compiles under strict, scaffolded handlers included", () => {
    expect(typeCheck(root).output).toBe("");
  });
});
