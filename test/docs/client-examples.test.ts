import { emitted } from "../emitted.js";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildDocsView } from "../../src/emit/docs/view.js";
import { loadModel } from "../../src/pipeline.js";
import { typeCheck, writeTree } from "../client/compile.js";
import { CORPUS_DIR, CORPUS_FILES } from "../shared-corpus.js";

const inputs: [string, string[]][] = [
  [
    "the Stride seeds",
    readdirSync("specs")
      .sort()
      .map((f) => `specs/${f}`),
  ],
  ...CORPUS_FILES.map((file): [string, string[]] => [
    file,
    [join(CORPUS_DIR, file)],
  ]),
];

describe("the docs' client examples compile against the generated client", () => {
  it.each(inputs)("%s", async (_name, files) => {
    const model = loadModel(files);
    const view = buildDocsView(model);
    const tree: Record<string, string> = {};
    for (const file of await emitted("client", model, {}))
      tree[`generated/${file.path}`] = file.contents;
    // each example is the docs' text verbatim, inside a function of its own
    tree["examples.ts"] = [
      view.clientSetup,
      ...view.endpoints.map(
        (e, i) =>
          `\nexport async function example${i}() {\n${e.client}\nreturn result;\n}`,
      ),
      "",
    ].join("\n");
    expect(await typeCheck(writeTree(tree, "apiloom-docs-examples-"))).toBe("");
  });
});
