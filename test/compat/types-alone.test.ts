import { execFile } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPILERS, type CompilerName } from "./matrix.js";

/**
 * `-a types` alone: types.ts is not checked (`// @ts-nocheck`) and no environment.ts comes with
 * it, so a binary field's `Blob`, in a project with neither `"dom"` in lib nor `"node"` in types,
 * was an unknown name tsc read as `any`: `{ file: 42 }` passed. The oracle is tsc 5 and 7 over
 * a user's program under the four combinations.
 */
const run = promisify(execFile);
const REPO = resolve(import.meta.dirname, "../..");
const ROOT = join(REPO, "test/compat/out/types-alone");
const CLI = join(REPO, "bin/apiloom.js");

const SPEC = `openapi: 3.1.0
info: { title: Up, version: "1" }
paths:
  /files:
    post:
      operationId: upload
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              required: [file]
              properties:
                file: { type: string, format: binary }
      responses:
        "200":
          description: the file back
          content: { application/octet-stream: {} }
`;

const PROGRAM = `import type { UploadBody, UploadData } from "./gen/types.js";
export const wrong: UploadBody = { file: 42 };
export function size(data: UploadData): number {
  return data.size;
}
`;

const PROJECTS = [
  { name: "no-blob", lib: ["es2022"], types: [] as string[], blob: false },
  { name: "node", lib: ["es2022"], types: ["node"], blob: true },
  { name: "dom", lib: ["es2022", "dom"], types: [], blob: true },
  { name: "both", lib: ["es2022", "dom"], types: ["node"], blob: true },
];

async function errors(compiler: CompilerName, dir: string): Promise<string[]> {
  try {
    await run(COMPILERS[compiler], ["-p", dir], { cwd: dir });
    return [];
  } catch (error) {
    const out = (error as { stdout?: string }).stdout ?? String(error);
    return out.split("\n").filter((line) => line.includes("error TS"));
  }
}

describe("types.ts alone names Blob so that a project without one hears it", () => {
  beforeAll(async () => {
    rmSync(ROOT, { recursive: true, force: true });
    for (const p of PROJECTS) {
      const dir = join(ROOT, p.name);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
      writeFileSync(join(dir, "api.yaml"), SPEC);
      writeFileSync(join(dir, "main.ts"), PROGRAM);
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            skipLibCheck: true,
            noEmit: true,
            target: "es2022",
            module: "nodenext",
            lib: p.lib,
            types: p.types,
            typeRoots: [join(REPO, "node_modules/@types")],
          },
          include: ["main.ts", "gen"],
        }),
      );
      // the types artifact alone, as a user who asked for it gets it
      await run(
        process.execPath,
        [
          CLI,
          "generate",
          "api.yaml",
          "--out",
          "gen",
          "--no-config",
          "-a",
          "types",
        ],
        { cwd: dir },
      );
    }
  }, 60_000);
  afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

  for (const compiler of Object.keys(COMPILERS) as CompilerName[])
    for (const p of PROJECTS)
      it(`${compiler}, ${p.name}: a number is no file; a file has its size only where Blob is declared`, async () => {
        const found = await errors(compiler, join(ROOT, p.name));
        // the wrong body is refused everywhere, and without a Blob the message says what to add
        expect(found.filter((e) => e.startsWith("main.ts(2,"))).toHaveLength(1);
        if (p.blob) expect(found).toHaveLength(1);
        else {
          expect(found.join("\n")).toContain(
            'Blob is not declared: add "dom" to lib or "node" to types',
          );
          // no Blob's members either: reading one is an error too, never any
          expect(found.some((e) => e.startsWith("main.ts(4,"))).toBe(true);
        }
      }, 60_000);
});
