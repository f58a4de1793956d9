import { execFile } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { COMPILERS, runTypeScript5, type CompilerName } from "./matrix.js";

// A user's project as the compat tests make one: a description, a program, a tsconfig, the
// CLI's output in gen/, and tsc's word on it.

const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, "../..");
const CLI = join(REPO, "bin/apiloom.js");

export interface UserProject {
  /** The description, written to api.yaml. */
  spec: string;
  /** The program, written to main.ts. */
  main?: string;
  /** The tsconfig's `lib` (ES2023 and the DOM's by default) and `types` (Node's). */
  lib?: readonly string[];
  types?: readonly string[];
  include: readonly string[];
  /** An ES module package (true by default). */
  esm?: boolean;
  /** Settings of a project's own template, over the ones below. */
  compilerOptions?: Record<string, unknown>;
}

/**
 * Writes the project into `dir` (made if absent): api.yaml, main.ts, package.json, and a strict
 * tsconfig (skipLibCheck, ES2022, nodenext, the repository's `@types`) with its `lib`, `types`
 * and `include`.
 */
export function writeUserProject(dir: string, project: UserProject): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "api.yaml"), project.spec);
  if (project.main !== undefined)
    writeFileSync(join(dir, "main.ts"), project.main);
  if (project.esm ?? true)
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        skipLibCheck: true,
        noEmit: true,
        target: "es2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        lib: project.lib ?? ["es2023", "dom", "dom.iterable"],
        types: project.types ?? ["node"],
        typeRoots: [join(REPO, "node_modules/@types")],
        ...project.compilerOptions,
      },
      include: project.include,
    }),
  );
  return dir;
}

/** `apiloom generate api.yaml --out gen --no-config <flags>` in `dir`. */
export async function generateIn(
  dir: string,
  ...flags: string[]
): Promise<void> {
  await run(
    process.execPath,
    [CLI, "generate", "api.yaml", "--out", "gen", "--no-config", ...flags],
    { cwd: dir },
  );
}

/** tsc's `error TS…` lines for the project in `dir` (none: `[]`). */
export async function tscErrors(
  compiler: CompilerName,
  dir: string,
): Promise<string[]> {
  try {
    await run(COMPILERS[compiler], ["-p", dir], { cwd: dir });
    return [];
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? String(error);
    return out.split("\n").filter((line) => /error TS\d+/.test(line));
  }
}

/**
 * tscErrors for several projects, in the order given. TypeScript 5 checks them all in one process
 * (test/compat/typescript5-cells.mjs, as the matrix's cells: `tsc -p <dir>`'s own steps, one
 * program and checker per project; the compiler starts once); TypeScript 7, one `tsc` each.
 */
export async function tscErrorsOf(
  compiler: CompilerName,
  dirs: readonly string[],
): Promise<string[][]> {
  if (compiler !== "TypeScript 5") {
    const found: string[][] = [];
    for (const dir of dirs) found.push(await tscErrors(compiler, dir));
    return found;
  }
  const tsconfigs = dirs.map((dir) => join(dir, "tsconfig.json"));
  const { results, ended } = runTypeScript5(tsconfigs);
  const [outputs] = await Promise.all([
    Promise.all(tsconfigs.map((tsconfig) => results.get(tsconfig)!)),
    ended,
  ]);
  return outputs.map(({ output }) =>
    output.split("\n").filter((line) => /error TS\d+/.test(line)),
  );
}
