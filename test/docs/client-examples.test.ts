import { emitted } from "../emitted.js";
import { readdirSync } from "node:fs";
import { basename, join } from "node:path";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { buildDocsView } from "../../src/emit/docs/view.js";
import { loadModel } from "../../src/pipeline.js";
import { typeCheck, writeTree } from "../client/compile.js";
import { CORPUS_DIR, CORPUS_FILES } from "../shared-corpus.js";
import { ARTIFACT_PATHS } from "../../src/emit/registry.js";

/** The config's `dates: "Date"` and `int64: "bigint"`: the types hold Dates and bigints. */
const REVIVED = { dates: "Date", int64: "bigint" } as const;
/**
 * Inputs generated with {@link REVIVED}: dates and int64s in path, query, header and body, as
 * parameters' and schemas' examples (some of their type that would not revive) and as samples.
 */
const REVIVED_INPUTS = [
  "test/dates/fixtures/ledger.yaml",
  "test/dates/consumers-api.yaml",
  "test/docs/fixtures/revived-examples.yaml",
].map((file): [string, string[]] => [
  `${basename(file)} with dates: Date, int64: bigint`,
  [file],
]);
const isRevived = (name: string) => REVIVED_INPUTS.some(([n]) => n === name);

const inputs: [string, string[]][] = [
  ...REVIVED_INPUTS,
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

/** Each input's folder in the one program: `<n>-<name>/` (paths of tsc's messages start so). */
const folderOf = (name: string) =>
  `${inputs.findIndex(([n]) => n === name)}-${name.replace(/[^A-Za-z0-9]+/g, "_")}`;

/** One input's model and docs view (with {@link REVIVED} for the revived inputs). */
function docsView(name: string, files: string[]) {
  const model = loadModel(files, isRevived(name) ? { scalars: REVIVED } : {});
  return { model, view: buildDocsView(model, { paths: ARTIFACT_PATHS }) };
}

/** One input's project: the generated client and its docs' examples. */
async function project(
  name: string,
  files: string[],
): Promise<Record<string, string>> {
  const { model, view } = docsView(name, files);
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
  return tree;
}

/**
 * All inputs' projects side by side in one folder, type-checked by one tsc run (one program
 * instead of one per input: tsc starts once and reads the DOM lib once). The projects are
 * ES modules that import only their own folder, so one program sees what separate ones would.
 * Each input gets the messages about its folder, plus any that name no folder (a config error
 * fails every input); an input whose project could not be made gets its error.
 */
let checked:
  Promise<{ made: Map<string, unknown>; messages: string[] }> | undefined;
function checkAll() {
  checked ??= (async () => {
    const tree: Record<string, string> = {};
    const made = new Map<string, unknown>();
    for (const [name, files] of inputs) {
      try {
        for (const [path, text] of Object.entries(await project(name, files)))
          tree[`${folderOf(name)}/${path}`] = text;
        made.set(name, true);
      } catch (error) {
        made.set(name, error);
      }
    }
    const output = await typeCheck(writeTree(tree, "apiloom-docs-examples-"));
    // a message is a line at the left margin and the indented lines under it
    const messages = output.split(/\n(?=\S)/).filter((m) => m.trim() !== "");
    return { made, messages };
  })();
  return checked;
}

describe("the docs' client examples compile against the generated client", () => {
  it.each(inputs)(
    "%s",
    async (name) => {
      const { made, messages } = await checkAll();
      if (made.get(name) !== true) throw made.get(name);
      const folders = inputs.map(([n]) => folderOf(n));
      const own = messages.filter((m) => {
        const first = m.split("\n", 1)[0]!;
        const named = folders.filter((f) => first.includes(`/${f}/`));
        return named.length === 0 || named.includes(folderOf(name));
      });
      expect(own.join("\n")).toBe("");
    },
    300_000,
  ); // the first input's test makes and checks them all
});

/**
 * With the options, what the examples hold is what the client holds: each `new Date("…")` a
 * valid Date by the platform's own parser, each bigint literal an int64 (a spec's example that
 * would not revive, `"last week"`, `1e30`, gives way to a sample), and there are some of each;
 * each example is laid out as prettier lays it out (a long `new Date(…)` member breaks).
 */
describe("the docs' client examples with dates: Date and int64: bigint hold valid values", () => {
  it.each(REVIVED_INPUTS)("%s", async (name, files) => {
    const examples = docsView(name, files).view.endpoints.map((e) => e.client);
    const text = examples.join("\n");
    const dates = [
      ...text.matchAll(/new Date\(\s*("(?:[^"\\]|\\.)*"),?\s*\)/g),
    ].map((m) => JSON.parse(m[1]!) as string);
    const bigints = [...text.matchAll(/\b(\d+)n\b/g)].map((m) => BigInt(m[1]!));
    expect(dates.length).toBeGreaterThan(0);
    expect(bigints.length).toBeGreaterThan(0);
    expect(dates.filter((d) => Number.isNaN(new Date(d).getTime()))).toEqual(
      [],
    );
    expect(bigints.filter((b) => b >= 2n ** 63n)).toEqual([]);
    for (const example of examples)
      expect(await format(example, { parser: "typescript" })).toBe(
        example + "\n",
      );
  });
});
