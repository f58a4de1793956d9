import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPILERS, type CompilerName } from "./matrix.js";
import { generateIn, tscErrors, writeUserProject } from "./user-project.js";

/**
 * `-a types` alone: types.ts is not checked (`// @ts-nocheck`) and no environment.ts comes with
 * it, so a binary field's `Blob`, in a project with neither `"dom"` in lib nor `"node"` in types,
 * was an unknown name tsc read as `any`: `{ file: 42 }` passed. The oracle is tsc 5 and 7 over
 * a user's program under the four combinations.
 */
const ROOT = resolve(import.meta.dirname, "out/types-alone");

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
  /attachments:
    post:
      operationId: attach
      requestBody:
        required: true
        content:
          multipart/form-data: { schema: { type: string, format: binary } }
      responses: { "204": { description: attached } }
`;

const PROGRAM = `import type { AttachBody, UploadBody, UploadData } from "./gen/types.js";
export const wrong: UploadBody = { file: 42 };
export function size(data: UploadData): number {
  return data.size;
}
export const fields: AttachBody = { file: 1 };
`;

const PROJECTS = [
  { name: "no-blob", lib: ["es2022"], types: [] as string[], blob: false },
  { name: "node", lib: ["es2022"], types: ["node"], blob: true },
  { name: "dom", lib: ["es2022", "dom"], types: [], blob: true },
  { name: "both", lib: ["es2022", "dom"], types: ["node"], blob: true },
];

describe("types.ts alone names Blob so that a project without one hears it", () => {
  beforeAll(async () => {
    rmSync(ROOT, { recursive: true, force: true });
    for (const p of PROJECTS) {
      const dir = writeUserProject(join(ROOT, p.name), {
        spec: SPEC,
        main: PROGRAM,
        lib: p.lib,
        types: p.types,
        include: ["main.ts", "gen"],
      });
      // the types artifact alone, as a user who asked for it gets it
      await generateIn(dir, "-a", "types");
    }
  }, 60_000);
  afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

  for (const compiler of Object.keys(COMPILERS) as CompilerName[])
    for (const p of PROJECTS)
      it(`${compiler}, ${p.name}: a number is no file, an object no FormData; a file has its size only where Blob is declared`, async () => {
        const found = await tscErrors(compiler, join(ROOT, p.name));
        // the wrong bodies are refused everywhere (a form without fields is a FormData), and
        // without a Blob or a FormData the message says what to add
        expect(found.filter((e) => e.startsWith("main.ts(2,"))).toHaveLength(1);
        expect(found.filter((e) => e.startsWith("main.ts(6,"))).toHaveLength(1);
        if (p.blob) expect(found).toHaveLength(2);
        else {
          for (const name of ["Blob", "FormData"])
            expect(found.join("\n")).toContain(
              `${name} is not declared: add "dom" to lib or "node" to types`,
            );
          // no Blob's members either: reading one is an error too, never any
          expect(found.some((e) => e.startsWith("main.ts(4,"))).toBe(true);
        }
      }, 60_000);
});
