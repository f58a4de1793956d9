import { execFile, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import type { GeneratedFile } from "../../src/emit/artifact.js";

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, "../..");

/** The two compilers users have: the native 7.x (the project's own) and 5.x (a workspace). */
export const COMPILERS = {
  "TypeScript 7": join(REPO, "node_modules/.bin/tsc"),
  "TypeScript 5": join(REPO, "test/typescript5/node_modules/.bin/tsc"),
} as const;

export type CompilerName = keyof typeof COMPILERS;

/** Runs the TypeScript 5 cells (see typeCheckCells). */
const TYPESCRIPT5_CELLS = join(REPO, "test/compat/typescript5-cells.mjs");

/** `@types/node` from the repository: the projects live in a temp folder outside it. */
const TYPE_ROOTS = [join(REPO, "node_modules/@types")];

/** The strictest flags users set (strictest.json: `npm run bench`'s directory sweep reads it too). */
export const STRICTEST: Record<string, boolean> = JSON.parse(
  readFileSync(join(import.meta.dirname, "strictest.json"), "utf8"),
);

export interface CompatConfig {
  /** What a user's project looks like, in a few words (test names, README). */
  description: string;
  compilerOptions: Record<string, unknown>;
  /** What of each generated project it checks, relative to the project's folder. */
  include: string[];
  exclude?: string[];
}

/**
 * The tsconfigs generated code must compile under, unchanged (issue 9). Every one is strict and
 * skips checking library .d.ts files (`skipLibCheck`, as `@tsconfig/bases` do): the subject is
 * the generated code, not @types/node. The projects are ES modules (`"type": "module"`).
 */
export const CONFIGS = {
  "node-only": {
    description:
      'Node only: lib es2023, types ["node"], module/moduleResolution nodenext',
    compilerOptions: {
      target: "es2022",
      lib: ["es2023"],
      types: ["node"],
      module: "nodenext",
      moduleResolution: "nodenext",
    },
    include: ["**/*.ts"],
  },
  "browser-only": {
    description:
      "Browser only (client and types): lib es2022 + dom + dom.iterable, no Node types, moduleResolution bundler",
    compilerOptions: {
      target: "es2022",
      lib: ["es2022", "dom", "dom.iterable"],
      types: [],
      module: "esnext",
      moduleResolution: "bundler",
    },
    include: ["*/types.ts", "*/client/*.ts"],
  },
  defaults: {
    description:
      'TypeScript\'s defaults for target es2022 (no lib, module or moduleResolution given), types ["node"]',
    compilerOptions: { target: "es2022", types: ["node"] },
    include: ["**/*.ts"],
    // TypeScript 5's default module resolution for es2022 (classic) finds no npm package at
    // all, so a project that has Fastify or Hono sets one; the adapters are checked by the others
    exclude: ["*/server/fastify.ts", "*/server/hono.ts"],
  },
  strictest: {
    description:
      "The strictest: Node only plus exactOptionalPropertyTypes, noUncheckedIndexedAccess, noPropertyAccessFromIndexSignature, noImplicitReturns, noUnused*, verbatimModuleSyntax, isolatedModules, erasableSyntaxOnly, isolatedDeclarations with declaration",
    compilerOptions: {
      target: "es2022",
      lib: ["es2023"],
      types: ["node"],
      module: "nodenext",
      moduleResolution: "nodenext",
      ...STRICTEST,
    },
    include: ["**/*.ts"],
  },
} satisfies Record<string, CompatConfig>;

export type ConfigName = keyof typeof CONFIGS;

/** Writes each project's files under `root/<project>/`, and marks `root` an ES module package. */
export function writeProjects(
  root: string,
  projects: ReadonlyMap<string, readonly GeneratedFile[]>,
): void {
  writeFileSync(join(root, "package.json"), '{ "type": "module" }\n');
  for (const [name, files] of projects)
    for (const file of files) {
      const target = join(root, name, file.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, file.contents);
    }
}

export interface CellResult {
  ok: boolean;
  /** tsc's diagnostics, paths relative to the root ("" when clean). */
  output: string;
  ms: number;
}

export interface Cell {
  /** The folder of the projects (see writeProjects). */
  root: string;
  config: ConfigName;
  compiler: CompilerName;
}

/**
 * One cell of the matrix: one `tsc` run over every project under `root`, with `config`'s
 * settings (written as `root/tsconfig.<config>.json`) and `compiler`.
 */
export function typeCheckCell(
  root: string,
  config: ConfigName,
  compiler: CompilerName,
): Promise<CellResult> {
  const { results, ended } = typeCheckCells([{ root, config, compiler }]);
  return Promise.all([results[0]!, ended]).then(([result]) => result);
}

/**
 * Several cells, one promise each (in the order given), all started now; `ended` settles when
 * every process they started has exited (a cell's result can come before its process ends). TypeScript 7 (native,
 * quick to start, several threads of its own) runs its `tsc` once per cell, one cell after the
 * other. The TypeScript 5 cells run alongside, all in one process (typescript5-cells.mjs: tsc's
 * own steps through its API), which starts the JavaScript compiler once and parses a file the
 * cells share (lib, @types, the projects) once where TypeScript's rules let a parse be shared.
 */
export function typeCheckCells(cells: readonly Cell[]): {
  results: Promise<CellResult>[];
  ended: Promise<unknown>;
} {
  const tsconfigs = cells.map((cell) => writeTsconfig(cell.root, cell.config));
  const results: Promise<CellResult>[] = [];
  let native: Promise<unknown> = Promise.resolve();
  const typescript5 = cells.flatMap((cell, i) =>
    cell.compiler === "TypeScript 5" ? [tsconfigs[i]!] : [],
  );
  const batch = typescript5.length > 0 ? runTypeScript5(typescript5) : null;
  cells.forEach((cell, i) => {
    const tsconfig = tsconfigs[i]!;
    let result: Promise<CellResult>;
    if (cell.compiler === "TypeScript 5")
      result = batch!.results.get(tsconfig)!;
    else {
      result = native.then(() => runTsc(COMPILERS[cell.compiler], tsconfig));
      native = result.catch(() => {});
    }
    results.push(
      result.then((r) => ({
        ...r,
        output: r.output.replaceAll(cell.root + "/", ""),
      })),
    );
  });
  return {
    results,
    ended: Promise.allSettled([native, batch?.ended]),
  };
}

/** Writes `root/tsconfig.<config>.json` (strict, no emit, lib .d.ts files skipped); its path. */
function writeTsconfig(root: string, config: ConfigName): string {
  const { compilerOptions, include } = CONFIGS[config];
  const { exclude } = CONFIGS[config] as CompatConfig;
  const tsconfig = join(root, `tsconfig.${config}.json`);
  writeFileSync(
    tsconfig,
    JSON.stringify(
      {
        compilerOptions: {
          ...compilerOptions,
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          typeRoots: TYPE_ROOTS,
        },
        include,
        ...(exclude && { exclude }),
      },
      null,
      2,
    ),
  );
  return tsconfig;
}

/** `tsc -p <tsconfig> --pretty false` in the tsconfig's folder. */
async function runTsc(tsc: string, tsconfig: string): Promise<CellResult> {
  const started = performance.now();
  let output = "";
  let ok = true;
  try {
    await run(tsc, ["-p", tsconfig, "--pretty", "false"], {
      cwd: dirname(tsconfig),
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    output = (e.stdout || "") + (e.stderr || "") || e.message;
    ok = false;
  }
  return { ok, output, ms: Math.round(performance.now() - started) };
}

/**
 * The TypeScript 5 cells of `tsconfigs`, in one process; each result as soon as it is known, and
 * `ended` when the process has exited.
 */
export function runTypeScript5(tsconfigs: readonly string[]): {
  results: Map<string, Promise<CellResult>>;
  ended: Promise<void>;
} {
  const settle = new Map<
    string,
    { resolve: (r: CellResult) => void; reject: (e: Error) => void }
  >();
  const results = new Map<string, Promise<CellResult>>();
  for (const tsconfig of tsconfigs)
    results.set(
      tsconfig,
      new Promise((resolve, reject) => {
        settle.set(tsconfig, { resolve, reject });
      }),
    );
  const child = spawn(process.execPath, [TYPESCRIPT5_CELLS, ...tsconfigs], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
  child.stdout.setEncoding("utf8").on("data", (s: string) => {
    stdout += s;
    let newline: number;
    while ((newline = stdout.indexOf("\n")) >= 0) {
      const line = JSON.parse(stdout.slice(0, newline)) as CellResult & {
        tsconfig: string;
      };
      stdout = stdout.slice(newline + 1);
      settle.get(line.tsconfig)?.resolve(line);
      settle.delete(line.tsconfig);
    }
  });
  const ended = new Promise<void>((resolve) =>
    child.on("close", (code, signal) => {
      for (const { reject } of settle.values())
        reject(
          new Error(
            `TypeScript 5 ended (${signal ?? code}) before this cell's result:\n${stderr}`,
          ),
        );
      resolve();
    }),
  );
  return { results, ended };
}
