import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { loadModel } from "../pipeline.js";
import { definePlugin, type GeneratedFile } from "./artifact.js";
import { BUILT_IN_PLUGINS } from "./registry.js";
import { emitPlugins, finish } from "./run.js";
import { DEFAULT_TEMPLATES_DIR } from "./templates.js";

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

/**
 * A user's templates folder whose docs templates are apiloom's own, re-exported: its pages are
 * made in emit, as plain files (apiloom's own templates make each page when it is written).
 */
function userDocsTemplates(): string {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-run-test-"));
  mkdirSync(join(dir, "docs"));
  for (const file of ["markdown.js", "html.js", "html-assets.js"])
    writeFileSync(
      join(dir, "docs", file),
      `export * from ${JSON.stringify(pathToFileURL(join(DEFAULT_TEMPLATES_DIR, "docs", file)).href)};\n`,
    );
  return dir;
}

async function run(
  keep?: (files: GeneratedFile[]) => GeneratedFile[],
  templatesDir?: string,
) {
  const model = loadModel([{ file: "p.json", text: SPEC }]);
  // what each plugin returned, as the writer was given it, with its files' texts at that moment
  const given = new Map<
    string,
    { array: GeneratedFile[]; files: [GeneratedFile, string][] }
  >();
  const making = emitPlugins(model, {
    plugins: [...BUILT_IN_PLUGINS, user],
    artifacts: ["docs", "user"],
    options: {},
    templatesDir,
    layout: { outDir: "generated" },
  });
  for (let step = await making.next(); ; step = await making.next()) {
    if (step.done) return { given, batches: step.value.batches };
    const files = step.value.files;
    given.set(files[0]!.path.split("/")[0]!, {
      array: files,
      files: files.map((f) => [f, f.contents]),
    });
    if (keep) step.value.files = keep(files);
  }
}

describe("the files a plugin returned, once the writer has taken them (src/emit/run.ts)", () => {
  it("are let go for apiloom's own plugins: the array emptied, the replaced files' texts dropped", async () => {
    // the writer replaces every file (as staging does) but the first of each plugin
    const { given, batches } = await run(
      (files) =>
        files.map((f, i) =>
          i === 0 ? f : { path: f.path, contents: `kept ${f.path}` },
        ),
      userDocsTemplates(),
    );
    const docs = given.get("docs")!;
    expect(docs.files.length).toBeGreaterThan(2);
    expect(docs.array).toEqual([]);
    docs.files.forEach(([file, text], i) =>
      expect(file.contents).toBe(i === 0 ? text : ""),
    );
    // what the run goes on with is what the writer left
    const kept = batches.find((b) => b.emitter === "docs")!.files;
    expect(kept[0]!.contents).toBe(docs.files[0]![1]);
    expect(kept[1]!.contents).toBe(`kept ${docs.files[1]![0].path}`);
    // a user's plugin keeps its array and files as they were
    expect(given.get("user")!.array).toBe(cached);
    expect(cached).toEqual([{ path: "user/a.txt", contents: "A\n" }]);
  });

  it("are left as they are when the writer leaves them (generate(): nothing is staged)", async () => {
    const { given, batches } = await run();
    const docs = given.get("docs")!;
    expect(docs.array.length).toBe(docs.files.length);
    for (const [file, text] of docs.files) expect(file.contents).toBe(text);
    expect(batches.find((b) => b.emitter === "docs")!.files).toBe(docs.array);
  });
});

describe("a plugin's `after` and its context's sinceLastRun (src/emit/run.ts)", () => {
  const model = loadModel([{ file: "p.json", text: SPEC }]);
  /** A plugin that records, each time its emit runs, the `now` of the last run it was given. */
  const watcher = (name: string, after?: string[]) => {
    const seen: { since: string | undefined }[] = [];
    const plugin = definePlugin({
      name,
      version: "1.0.0",
      description: "watches",
      path: name,
      ...(after && { after }),
      emit: ({ sinceLastRun }) => {
        seen.push({ since: sinceLastRun?.now });
        return [{ path: `${name}/x.txt`, contents: "x\n" }];
      },
    });
    return { plugin, seen };
  };

  it("makes the artifacts a plugin names in `after` first, and gives it the last run beside the files made", async () => {
    const early = watcher("early", ["late"]);
    const late = watcher("late");
    const asked: string[][] = [];
    const order: string[] = [];
    await finish(
      emitPlugins(
        model,
        {
          plugins: [early.plugin, late.plugin],
          artifacts: ["early", "late"],
          options: {},
          layout: { outDir: "generated" },
        },
        {
          onArtifact: (name) => order.push(name),
          sinceLastRun: (made) => {
            asked.push(made.map((f) => f.path));
            const doc = made.find((f) => f.path === "late/x.txt");
            return (
              doc && {
                before: undefined,
                now: doc.contents,
                earlier: () => undefined,
                changes: () => undefined,
                rules: {},
              }
            );
          },
        },
      ),
    );
    expect(order).toEqual(["late", "early"]);
    // `late` ran first and saw no file of the run; `early` saw late's
    expect(late.seen).toEqual([{ since: undefined }]);
    expect(early.seen).toEqual([{ since: "x\n" }]);
    expect(asked).toEqual([[], ["late/x.txt"]]);
  });

  it("does not make an artifact `after` names when the run does not ask for it", async () => {
    const early = watcher("early", ["late"]);
    const late = watcher("late");
    const { batches } = await finish(
      emitPlugins(model, {
        plugins: [early.plugin, late.plugin],
        artifacts: ["early"],
        options: {},
        layout: { outDir: "generated" },
      }),
    );
    expect(batches.map((b) => b.emitter)).toEqual(["early"]);
    expect(late.seen).toEqual([]);
    expect(early.seen).toEqual([{ since: undefined }]);
  });

  it("refuses a circle of `after`s, naming a plugin in it", async () => {
    const a = watcher("a", ["b"]);
    const b = watcher("b", ["a"]);
    await expect(
      finish(
        emitPlugins(model, {
          plugins: [a.plugin, b.plugin],
          artifacts: ["a", "b"],
          options: {},
          layout: { outDir: "generated" },
        }),
      ),
    ).rejects.toThrow(/plugin\/error: the plugin "a" is in a circle/);
  });

  it("makes the docs after the OpenAPI document, whose text their context's sinceLastRun holds", async () => {
    const order: string[] = [];
    let now: string | undefined;
    await finish(
      emitPlugins(
        model,
        {
          plugins: BUILT_IN_PLUGINS,
          artifacts: ["docs", "openapi"],
          options: {},
          layout: { outDir: "generated" },
        },
        {
          onArtifact: (name) => order.push(name),
          sinceLastRun: (made) => {
            const doc = made.find((f) => f.path === "openapi.json");
            if (doc) now = doc.contents;
            return undefined;
          },
        },
      ),
    );
    expect(order).toEqual(["openapi", "docs"]);
    expect(now).toMatch(/^\{\n {2}"openapi": "3\.1\.\d+"/);
  });
});

describe("importExtension .ts", () => {
  it("writes a relative .js import .ts, but for a .js file the batch makes itself", async () => {
    const model = loadModel([{ file: "p.json", text: SPEC }]);
    const plugin = definePlugin({
      name: "mixed",
      version: "1.0.0",
      description: "a .js module beside the .ts ones",
      path: "mixed",
      emit: () => [
        { path: "mixed/code.js", contents: "export const c = 1;\n" },
        { path: "mixed/types.ts", contents: "export type T = 1;\n" },
        {
          path: "mixed/index.ts",
          contents:
            'import { c } from "./code.js";\nimport type { T } from "./types.js";\nexport { c, type T };\n',
        },
      ],
    });
    const { batches } = await finish(
      emitPlugins(model, {
        plugins: [plugin],
        artifacts: ["mixed"],
        options: {},
        layout: { outDir: "generated", importExtension: ".ts" },
      }),
    );
    const index = batches[0]!.files.find((f) => f.path === "mixed/index.ts")!;
    expect(index.contents).toBe(
      'import { c } from "./code.js";\nimport type { T } from "./types.ts";\nexport { c, type T };\n',
    );
  });
});
