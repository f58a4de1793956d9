import { emitted } from "../emitted.js";
import { join } from "node:path";
import * as prettier from "prettier";
import { beforeAll, describe, expect, test } from "vitest";
import type { GeneratedFile } from "../../src/emit/artifact.js";
import { createTypeIndex } from "../../src/emit/type-index/type-index.js";
import type { ApiModel } from "../../src/model/types.js";
import { loadModel } from "../../src/pipeline.js";
import { typeCheck, writeTree } from "./compile.js";
import { CORPUS_DIR, CORPUS_FILES, describeCorpus } from "../shared-corpus.js";

/* Every document of the shared corpus (../shared/corpus from the repo root), one client each. */
const CORPUS = CORPUS_DIR;
const documents = CORPUS_FILES;

const slug = (file: string) => file.replace(/[^A-Za-z0-9]+/g, "_");
const generated = new Map<
  string,
  { model: ApiModel; files: GeneratedFile[] }
>();

beforeAll(async () => {
  for (const file of documents) {
    const model = loadModel([join(CORPUS, file)]);
    generated.set(file, { model, files: await emitted("client", model, {}) });
  }
});

describeCorpus("clients for the corpus", () => {
  test("the manifest lists all 19 documents", () => {
    expect(documents).toHaveLength(19);
  });

  test("all compile under tsc --strict (one run)", async () => {
    const tree: Record<string, string> = {};
    for (const [file, { files }] of generated)
      for (const f of files) tree[`${slug(file)}/${f.path}`] = f.contents;
    expect(await typeCheck(writeTree(tree))).toBe("");
  });

  test("are already prettier-formatted", async () => {
    // each distinct text once: client/runtime.ts, validators/runtime.ts and the other fixed
    // modules are the same for every API (prettier's answer depends on the text alone)
    const checked = new Set<string>();
    for (const [file, { files }] of generated)
      for (const f of files) {
        if (checked.has(f.contents)) continue;
        checked.add(f.contents);
        const formatted = await prettier.format(f.contents, {
          parser: "typescript",
        });
        expect(f.contents, `${file}: ${f.path}`).toBe(formatted);
      }
  }, 300_000); // prettier over every corpus client: ~60 s on a loaded 2-core machine

  test.each([
    ["swagger2/petstore.json", "Pet"],
    ["swagger2/docker-engine-v1.41.yaml", "ContainerSummary"],
    ["swagger2/netlify.yml", "Site"],
    ["swagger2/slack-web-api.json", "ObjsUser"],
    ["swagger2/bitbucket-2.0.json", "Repository"],
  ])("%s has named types, not unknown", (file, typeName) => {
    const { model, files } = generated.get(file)!;
    const types = files.find((f) => f.path === "types.ts")!.contents;
    expect(Object.keys(model.schemas).length).toBeGreaterThan(0);
    expect(types).toMatch(
      new RegExp(`^export (interface|type) ${typeName}\\b`, "m"),
    );
    // every named schema is declared under its TS name
    const index = createTypeIndex(model);
    for (const name of Object.keys(model.schemas))
      expect(types).toMatch(
        new RegExp(
          `^export (interface|type) ${index.schemaTypeName(name)}\\b`,
          "m",
        ),
      );
    // success bodies are typed: some mention a named schema type, and most are not unknown
    const success = [
      ...types.matchAll(/^export interface \w+Responses \{\n([\s\S]*?)^\}/gm),
    ]
      .flatMap((m) => m[1]!.split(/\n(?= {2}(?:"\w+"|default)\??:)/))
      .filter((member) =>
        /^ {2}"2\d\d":/.test(member.replace(/^(\s*\/\*\*[\s\S]*?\*\/\n)+/, "")),
      );
    expect(success.length).toBeGreaterThan(0);
    const unknownCount = success.filter((m) =>
      /: unknown;$/.test(m.trim()),
    ).length;
    expect(unknownCount).toBeLessThan(success.length / 2);
    const schemaNames = new Set(
      Object.keys(model.schemas).map((n) => index.schemaTypeName(n)),
    );
    expect(
      success.some((m) =>
        [...m.matchAll(/\b[A-Z]\w*/g)].some((w) => schemaNames.has(w[0])),
      ),
    ).toBe(true);
  });
});
