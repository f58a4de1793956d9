import { describe, expect, it } from "vitest";
import { loadModel } from "../pipeline.js";
import { definePlugin, type GeneratedFile } from "./artifact.js";
import { BUILT_IN_PLUGINS } from "./registry.js";
import { runPlugins } from "./run.js";

const SPEC = JSON.stringify({
  openapi: "3.1.0",
  info: { title: "Pets", version: "1" },
  paths: {
    "/pets": {
      get: {
        operationId: "listPets",
        tags: ["pets"],
        responses: { 200: { description: "OK" } },
      },
    },
  },
});

/** A user's plugin that returns the same array and files on every run (it may: they are its). */
const cached: GeneratedFile[] = [{ path: "user/a.txt", contents: "A\n" }];
const user = definePlugin({
  name: "user",
  version: "1.0.0",
  description: "a user's plugin",
  path: "user",
  emit: () => cached,
});

async function run(keep?: (files: GeneratedFile[]) => GeneratedFile[]) {
  const model = loadModel([{ file: "p.json", text: SPEC }]);
  // what each plugin returned, as keep was given it, with its files' texts at that moment
  const given = new Map<
    string,
    { array: GeneratedFile[]; files: [GeneratedFile, string][] }
  >();
  const batches = await runPlugins(
    model,
    {
      plugins: [...BUILT_IN_PLUGINS, user],
      artifacts: ["docs", "user"],
      options: {},
      layout: { outDir: "generated" },
    },
    {
      keep: (files) => {
        given.set(files[0]!.path.split("/")[0]!, {
          array: files,
          files: files.map((f) => [f, f.contents]),
        });
        return keep ? keep(files) : files;
      },
    },
  );
  return { given, batches: batches.batches };
}

describe("the files a plugin returned, once keep has taken them (src/emit/run.ts)", () => {
  it("are let go for apiloom's own plugins: the array emptied, the replaced files' texts dropped", async () => {
    // keep replaces every file (as staging does) but the first of each plugin
    const { given, batches } = await run((files) =>
      files.map((f, i) =>
        i === 0 ? f : { path: f.path, contents: `kept ${f.path}` },
      ),
    );
    const docs = given.get("docs")!;
    expect(docs.files.length).toBeGreaterThan(2);
    expect(docs.array).toEqual([]);
    docs.files.forEach(([file, text], i) =>
      expect(file.contents).toBe(i === 0 ? text : ""),
    );
    // what the run goes on with is what keep returned
    const kept = batches.find((b) => b.emitter === "docs")!.files;
    expect(kept[0]!.contents).toBe(docs.files[0]![1]);
    expect(kept[1]!.contents).toBe(`kept ${docs.files[1]![0].path}`);
    // a user's plugin keeps its array and files as they were
    expect(given.get("user")!.array).toBe(cached);
    expect(cached).toEqual([{ path: "user/a.txt", contents: "A\n" }]);
  });

  it("are left as they are when keep returns them (generate(): nothing is staged)", async () => {
    const { given, batches } = await run();
    const docs = given.get("docs")!;
    expect(docs.array.length).toBe(docs.files.length);
    for (const [file, text] of docs.files) expect(file.contents).toBe(text);
    expect(batches.find((b) => b.emitter === "docs")!.files).toBe(docs.array);
  });
});
