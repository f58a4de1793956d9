import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GeneratedFile } from "../../src/emit/artifact.js";
import { generate } from "../../src/generate.js";
import { CORPUS_DIR, CORPUS_FILES, describeCorpus } from "../shared-corpus.js";
import {
  COMPILERS,
  CONFIGS,
  typeCheckCells,
  writeProjects,
  type CellResult,
  type CompilerName,
  type ConfigName,
} from "./matrix.js";

/*
 * The compatibility matrix (issue 9): the client and server generated for the Stride seeds and
 * for every document of the shared corpus, type-checked under each tsconfig a user's project may
 * have, with TypeScript 5.x and 7.x. One tsc run per cell covers all the projects. The seeds'
 * project also has the Fastify adapter, as a project that lists it (and has Fastify) gets it.
 */
const REPO = resolve(import.meta.dirname, "../..");
const SEEDS = readdirSync(join(REPO, "specs"))
  .sort()
  .map((file) => `specs/${file}`);

/** One generate() per distinct project: the corpus check below reads the matrix's own runs. */
const made = new Map<string, Promise<GeneratedFile[]>>();
async function project(
  inputs: string[],
  cwd: string,
  serverAdapters: string[] = [],
  scalars: { dates?: "Date"; int64?: "bigint" } = {},
  typecheckGenerated = true,
): Promise<GeneratedFile[]> {
  const key = JSON.stringify([
    inputs,
    cwd,
    serverAdapters,
    scalars,
    typecheckGenerated,
  ]);
  if (!made.has(key))
    made.set(
      key,
      generate(inputs, {
        cwd,
        artifacts: ["client", "server"],
        server: { adapters: serverAdapters },
        // true: every generated file checked under each tsconfig, no `// @ts-nocheck`
        typecheckGenerated,
        ...scalars,
      }).then(({ files }) => files),
    );
  return made.get(key)!;
}

const CELLS = (Object.keys(CONFIGS) as ConfigName[]).flatMap((config) =>
  (Object.keys(COMPILERS) as CompilerName[]).map(
    (compiler) => [config, compiler] as const,
  ),
);

// inside the repository (git-ignored) so that `fastify` and `hono` resolve for the adapters
const roots: string[] = [];
function tempRoot(name: string): string {
  const root = join(REPO, "test/compat/out", name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  roots.push(root);
  return root;
}
// the type checks read the folders: each one ends before they are removed
afterAll(async () => {
  await ended;
  for (const root of roots) rmSync(root, { recursive: true, force: true });
}, 600_000);

/*
 * Both folders (the matrix, and the broken project the matrix must reject) are written first and
 * all their cells start at once (typeCheckCells: the TypeScript 7 runs one after the other, the
 * TypeScript 5 cells in one process beside them); each test awaits its own cell.
 */
const projects = new Map<string, GeneratedFile[]>();
const cells = new Map<string, Promise<CellResult>>();
let ended: Promise<unknown> = Promise.resolve();
function cell(
  root: "matrix" | "broken",
  config: ConfigName,
  compiler: CompilerName,
): Promise<CellResult> {
  return cells.get(`${root} ${config} ${compiler}`)!;
}

beforeAll(async () => {
  projects.set(
    "seeds",
    await project(SEEDS, REPO, ["express", "fastify", "hono"]),
  );
  for (const file of CORPUS_FILES)
    projects.set(file.replace(/\W+/g, "-"), await project([file], CORPUS_DIR));
  // and as a user's tsc meets them by default, the large files unchecked (`// @ts-nocheck`):
  // what is left to tsc must pass too
  projects.set(
    "seeds-as-written",
    await project(SEEDS, REPO, ["express", "fastify", "hono"], {}, false),
  );
  for (const file of CORPUS_FILES)
    projects.set(
      `${file.replace(/\W+/g, "-")}-as-written`,
      await project([file], CORPUS_DIR, [], {}, false),
    );
  // with Dates and bigints (issue 43): the round trip's description, and corpus documents with
  // date-times and int64s in parameters, bodies and answers
  const scalars = { dates: "Date", int64: "bigint" } as const;
  projects.set(
    "ledger-scalars",
    await project(["test/dates/fixtures/ledger.yaml"], REPO, [], scalars),
  );
  for (const file of CORPUS_FILES.filter((f) =>
    /petstore|museum|bitbucket|docker|netlify/.test(f),
  ))
    projects.set(
      `${file.replace(/\W+/g, "-")}-scalars`,
      await project([file], CORPUS_DIR, [], scalars),
    );
  // the seeds' client as an older apiloom wrote it: its body type named with `BodyInit`, which
  // only the DOM library declares
  const broken = (await project(SEEDS, REPO)).map((file) =>
    file.path === "client/body.ts"
      ? {
          ...file,
          contents: file.contents.replace(
            'NonNullable<RequestInit["body"]>',
            "BodyInit",
          ),
        }
      : file,
  );
  const body = broken.find((f) => f.path === "client/body.ts");
  expect(body?.contents).toMatch(/export type RequestBody = BodyInit;/);
  const roots = { matrix: tempRoot("matrix"), broken: tempRoot("broken") };
  writeProjects(roots.matrix, projects);
  writeProjects(roots.broken, new Map([["broken", broken]]));
  const wanted = [
    ...CELLS.map(([config, compiler]) => ["matrix", config, compiler] as const),
    ...(Object.keys(COMPILERS) as CompilerName[]).map(
      (compiler) => ["broken", "node-only", compiler] as const,
    ),
    ["broken", "browser-only", "TypeScript 7"] as const,
  ];
  const { results, ...run } = typeCheckCells(
    wanted.map(([root, config, compiler]) => ({
      root: roots[root],
      config,
      compiler,
    })),
  );
  ended = run.ended;
  wanted.forEach(([root, config, compiler], i) =>
    cells.set(`${root} ${config} ${compiler}`, results[i]!),
  );
});

describe("generated code type-checks under every configuration, with TypeScript 5 and 7", () => {
  it("generates the node:http listener always, and fastify.ts only where it is asked for", () => {
    for (const [name, files] of projects) {
      const paths = files.map((f) => f.path);
      expect(paths, name).toContain("server/listener.ts");
      for (const adapter of ["express", "fastify", "hono"])
        if (name.startsWith("seeds"))
          expect(paths).toContain(`server/${adapter}.ts`);
        else expect(paths, name).not.toContain(`server/${adapter}.ts`);
    }
  });

  it.each(CELLS)(
    "%s with %s",
    async (config, compiler) => {
      const result = await cell("matrix", config, compiler);
      expect(result.output).toBe("");
      expect(result.ok).toBe(true);
    },
    180_000,
  );
});

describeCorpus("the compatibility matrix covers the corpus", () => {
  it("generates a client and a server for every corpus document", async () => {
    expect(CORPUS_FILES.length).toBeGreaterThan(0);
    for (const file of CORPUS_FILES) {
      const paths = (await project([file], CORPUS_DIR)).map((f) => f.path);
      expect(paths, file).toEqual(
        expect.arrayContaining(["client/index.ts", "server/routes.ts"]),
      );
    }
  });
});

describe("the matrix can fail", () => {
  it.each(Object.keys(COMPILERS) as CompilerName[])(
    "a generated file using BodyInit fails the Node-only configuration (%s)",
    async (compiler) => {
      const node = await cell("broken", "node-only", compiler);
      expect(node.ok).toBe(false);
      expect(node.output).toMatch(
        /^broken\/client\/body\.ts\(\d+,\d+\): error TS2304: Cannot find name 'BodyInit'\./m,
      );
    },
    180_000,
  );

  it("the same file passes the browser configuration: the failure is the DOM-only name", async () => {
    const browser = await cell("broken", "browser-only", "TypeScript 7");
    expect(browser.output).toBe("");
    expect(browser.ok).toBe(true);
  });
});
