import { emitted } from "../emitted.js";
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { GeneratedFile } from "../../src/emit/artifact.js";
import type { ApiModel } from "../../src/model/types.js";

const REPO = fileURLToPath(new URL("../..", import.meta.url));

/** A fresh folder under test/validators/out/ (git-ignored). */
export function outDir(name: string): string {
  const dir = join(REPO, "test/validators/out", name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function writeFiles(dir: string, files: readonly GeneratedFile[]): void {
  for (const file of files) {
    const target = join(dir, file.path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, file.contents);
  }
}

/**
 * The project's tsc over `dir`, strict and with unused locals refused (and unused parameters,
 * with `noUnusedParameters`).
 */
export function typeCheck(
  dir: string,
  { noUnusedParameters = false } = {},
): string {
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "es2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        lib: ["es2023", "dom"],
        strict: true,
        noUnusedLocals: true,
        noUnusedParameters,
        noUncheckedIndexedAccess: true,
        erasableSyntaxOnly: true,
        noEmit: true,
        skipLibCheck: true,
        verbatimModuleSyntax: true,
        // the server imports node:http; TypeScript 7 loads no @types unless named
        types: ["node"],
        typeRoots: [join(REPO, "node_modules/@types")],
      },
      include: ["**/*.ts"],
    }),
  );
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }');
  const result = spawnSync(
    process.execPath,
    [join(REPO, "node_modules/typescript/bin/tsc"), "-p", dir],
    { encoding: "utf8" },
  );
  return result.status === 0
    ? ""
    : (result.stdout + result.stderr).replaceAll(dir + "/", "");
}

export interface Violation {
  path: string;
  keyword: string;
  message: string;
}

export interface LoadedValidator {
  check(value: unknown): Violation[];
  is(value: unknown): boolean;
  "~standard": {
    version: 1;
    vendor: string;
    validate(
      value: unknown,
    ): { value: unknown } | { issues: { message: string; path: string[] }[] };
  };
}

export interface LoadedValidators {
  schemas: Record<string, LoadedValidator>;
  endpoints: Record<
    string,
    Record<string, LoadedValidator> & {
      responses: Record<string, LoadedValidator>;
      /** By media type, where the body's media types have different schemas. */
      bodies?: Record<string, LoadedValidator>;
    }
  >;
}

/** Emits the model's validators into `out/<name>` and imports them (vitest transpiles the TS). */
export async function loadValidators(
  model: ApiModel,
  name: string,
): Promise<{ dir: string; files: GeneratedFile[] } & LoadedValidators> {
  const dir = outDir(name);
  const files = await emitted("validators", model, {});
  writeFiles(dir, files);
  const schemas = await import(
    pathToFileURL(join(dir, "validators/schemas.ts")).href
  );
  const endpoints = await import(
    pathToFileURL(join(dir, "validators/endpoints.ts")).href
  );
  return {
    dir,
    files,
    schemas: schemas.schemas,
    endpoints: endpoints.endpoints,
  };
}

/** Where the two template literals of a file's plan are: its JSON, and its nodes. */
export function planLiterals(source: string): [number, number, number, number] {
  // the plan's call (the checks written as code have their constants in a JSON.parse before it)
  const call = "plan(\n  JSON.parse(`";
  const start = source.indexOf(call) + call.length;
  const end = source.indexOf("`)", start);
  // an endpoints table's plan has no nodes of its own: `""`
  if (source.startsWith('`),\n  "",', end)) return [start, end, end, end];
  const nodes = source.indexOf("`", end + 2) + 1;
  return [start, end, nodes, source.indexOf("`", nodes)];
}

/** A template literal's text as its value: only \\, \` and \${ are escaped. */
const cooked = (text: string) =>
  text.replace(/\\([\\`$])/g, (_, c: string) => c);

/**
 * The plan a generated validators file holds (the JSON in its first template literal, and the
 * nodes, a JSON text per line, in its second), parsed.
 */
export function planOf(source: string): {
  n: unknown[][];
  r?: unknown[][];
  b?: 1;
  e?: unknown[];
} {
  const [start, end, nodes, nodesEnd] = planLiterals(source);
  const data = JSON.parse(cooked(source.slice(start, end)));
  const lines = cooked(source.slice(nodes, nodesEnd)).split("\n").slice(1);
  return { ...data, n: lines.map((line) => JSON.parse(line)) };
}
