import { appendFileSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COMPILERS, type CompilerName } from "./matrix.js";
import { generateIn, tscErrors, writeUserProject } from "./user-project.js";

/**
 * `// @ts-nocheck` in the large generated files (issue 45), judged by tsc 5 and 7: a project's
 * check no longer reports what is planted in them, yet every type they give the user's code is as
 * precise as before (the `@ts-expect-error`s below would be unused otherwise); with
 * `--typecheck-generated` the same plants are reported, file by file.
 */
const ROOT = resolve(import.meta.dirname, "out/typecheck-generated");

const SPEC = `openapi: 3.1.0
info: { title: Pets, version: "1" }
paths:
  /pets/{petId}:
    parameters:
      - { name: petId, in: path, required: true, schema: { type: integer } }
    get:
      operationId: getPet
      responses:
        "200":
          description: a pet
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Pet" }
        "404":
          description: none
          content:
            application/json:
              schema:
                type: object
                required: [message]
                properties: { message: { type: string } }
  /pets:
    post:
      operationId: createPet
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Pet" }
      responses:
        "201": { description: made }
components:
  schemas:
    Pet:
      type: object
      required: [name]
      properties:
        name: { type: string }
        born: { type: string, format: date }
`;

const PROGRAM = `import { createClient } from "./gen/client/index.js";

const client = createClient({ baseUrl: "http://127.0.0.1:9" });

export async function main(): Promise<void> {
  const got = await client.getPet({ path: { petId: 1 } });
  if (got.ok) {
    const name: string = got.data.name;
    // @ts-expect-error born is an optional string, not a number
    const born: number = got.data.born;
    console.log(name, born);
  } else if (got.status === 404) {
    const message: string = got.error.message;
    console.log(message);
  }
  // @ts-expect-error a pet's name is a string
  await client.createPet({ body: { name: 1 } });
  // @ts-expect-error the path parameter is required
  await client.getPet({ path: {} });
}
`;

/** The generated files marked `skipTypecheck` that this spec's default artifacts make. */
const PLANTED = [
  "types.ts",
  "client/index.ts",
  "validators/schemas.ts",
  "validators/endpoints.ts",
  "server/routes.ts",
  "server/contracts.ts",
  // apiloom's copies of the runtime files too
  "client/runtime.ts",
  "client/auth.ts",
  "client/body.ts",
  "client/options.ts",
  "client/timeouts.ts",
  "validators/runtime.ts",
  "validators/plan.ts",
  "validators/plan-checks.ts",
  "validators/plan-keywords.ts",
  "validators/formats.ts",
  "server/runtime.ts",
];
/** What the runtime files need of the tsconfig, named in a checked file (runtime-environment.test.ts). */
const CHECKED = [
  "client/environment.ts",
  "validators/environment.ts",
  "server/environment.ts",
];

async function project(name: string, ...flags: string[]): Promise<string> {
  const dir = join(ROOT, name);
  rmSync(dir, { recursive: true, force: true });
  writeUserProject(dir, {
    spec: SPEC,
    main: PROGRAM,
    include: ["main.ts", "gen"],
  });
  await generateIn(dir, ...flags);
  return dir;
}

const plant = (dir: string): void =>
  PLANTED.forEach((file, k) =>
    appendFileSync(
      join(dir, "gen", file),
      `\nexport const planted${k}: number = "not a number";\n`,
    ),
  );

afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

describe("// @ts-nocheck in the large generated files, under tsc 5 and 7", () => {
  it("marks the files that grow with the API and the copied runtimes, not environment.ts", async () => {
    const dir = await project("marks");
    for (const file of PLANTED)
      expect(
        readFileSync(join(dir, "gen", file), "utf8").split("\n")[1],
        file,
      ).toMatch(/^\/\/ @ts-nocheck\b/);
    for (const file of CHECKED)
      expect(
        readFileSync(join(dir, "gen", file), "utf8").split("\n")[1],
        file,
      ).not.toMatch(/^\/\/ @ts-nocheck\b/);
  });

  for (const compiler of Object.keys(COMPILERS) as CompilerName[]) {
    it(`${compiler}: the user's code is checked as precisely; what is planted in those files is not reported`, async () => {
      const dir = await project(`default-${compiler.replace(/\W+/g, "")}`);
      expect(await tscErrors(compiler, dir)).toEqual([]);
      plant(dir);
      expect(await tscErrors(compiler, dir)).toEqual([]);
      // the user's own mistake still is
      appendFileSync(
        join(dir, "main.ts"),
        'await client.createPet({ body: { name: "Rex", born: 5 } });\n',
      );
      const errors = await tscErrors(compiler, dir);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^main\.ts\(\d+,\d+\): error TS2322/);
    });

    it(`${compiler}: with --typecheck-generated every planted line is reported`, async () => {
      const dir = await project(
        `full-${compiler.replace(/\W+/g, "")}`,
        "--typecheck-generated",
      );
      expect(await tscErrors(compiler, dir)).toEqual([]);
      plant(dir);
      const errors = await tscErrors(compiler, dir);
      expect(
        errors.map((line) => line.replace(/\(\d+,\d+\).*/, "")).sort(),
      ).toEqual(PLANTED.map((file) => `gen/${file}`).sort());
    });
  }
});
