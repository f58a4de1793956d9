import { join } from "node:path";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { ARTIFACTS } from "../../src/emit/registry.js";
import {
  CORPUS_DIR,
  CORPUS_FILES,
  describeCorpus,
  SEEDS_DIR,
  SEEDS_FILES,
} from "../shared-corpus.js";

/*
 * One layout engine (issue 44, item 3): every artifact's code is laid out by the document
 * builder the way prettier lays it out, so prettier is the judge. Every artifact (the opt-in
 * query and mocks too) is made for the Stride seeds and for each document of the shared corpus,
 * and every file prettier reads (.ts, .json, .md; not the docs' index.html) must pass
 * `prettier --check` unchanged, with the repository's prettier settings (the defaults).
 *
 * All 19 corpus documents pass (issue 44: ~110 s on two busy cores, prettier's parse the most of
 * it), so a run takes one of each format and the largest that stays quick: APILOOM_PRETTIER_ALL=1
 * takes them all.
 */
const REPRESENTATIVE = [
  "oas30/link-example.yaml",
  "oas31/redocly-museum.yaml",
  "postman/postman-echo.v20.json",
  "postman/transferwise-api.v21.json",
  "swagger2/petstore.json",
  "swagger2/bitbucket-2.0.json",
];
const CHECKED = process.env["APILOOM_PRETTIER_ALL"]
  ? CORPUS_FILES
  : CORPUS_FILES.filter((f) => REPRESENTATIVE.includes(f));

/** The files of one run that prettier does not pass, each with its first differing line. */
async function unformatted(inputs: string[]): Promise<string[]> {
  const { files } = await generate(inputs, {
    artifacts: [...ARTIFACTS],
    cwd: "/",
  });
  const failing: string[] = [];
  for (const file of files) {
    if (!/\.(ts|json|md)$/.test(file.path)) continue;
    const options = { filepath: file.path };
    if (await prettier.check(file.contents, options)) continue;
    const formatted = await prettier.format(file.contents, options);
    const theirs = formatted.split("\n");
    const i = file.contents.split("\n").findIndex((l, n) => l !== theirs[n]);
    failing.push(
      `${file.path}:${i + 1}: prettier has ${JSON.stringify(theirs[i])}`,
    );
  }
  return failing;
}

describe("every artifact's output passes prettier --check", () => {
  it.skipIf(SEEDS_FILES.length === 0)(
    "for the Stride seeds, read together",
    async () => {
      const inputs = SEEDS_FILES.map((f) => join(SEEDS_DIR, f));
      expect(await unformatted(inputs)).toEqual([]);
    },
    120_000,
  );
});

describeCorpus(
  "every artifact's output passes prettier --check, per corpus document",
  () => {
    it("takes the representative documents from the corpus", () => {
      expect(CHECKED.length).toBeGreaterThanOrEqual(REPRESENTATIVE.length);
    });

    it.each(CHECKED)(
      "%s",
      async (file) => {
        expect(await unformatted([join(CORPUS_DIR, file)])).toEqual([]);
      },
      120_000,
    );
  },
);
