import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { COMPILERS, type CompilerName } from "./matrix.js";
import { generateIn, tscErrors, writeUserProject } from "./user-project.js";

/**
 * The framework adapters (`--server-adapters fastify,hono`) are runtime files, unchecked
 * (`// @ts-nocheck`): in a project without Fastify their `import … from "fastify"` was read as
 * `any`, and `apiRoutes`'s Fastify instance took `42`. server/environment.ts, which is checked,
 * now references each package they import (`/// <reference types>`), so tsc names the missing one there. The oracle is tsc 5
 * and 7, in a folder outside the repository (no node_modules above it) and with the repository's
 * packages linked in.
 */
const SPEC = `openapi: 3.1.0
info: { title: A, version: "1" }
paths:
  /p:
    get:
      operationId: getP
      responses:
        "200": { description: ok, content: { application/json: { schema: { type: string } } } }
`;

const PROGRAM = `import { apiRoutes } from "./gen/server/fastify.js";
import { apiRoutes as honoRoutes } from "./gen/server/hono.js";
export const app: Parameters<typeof apiRoutes>[0] = 42;
export const hono: ReturnType<typeof honoRoutes> = 42;
`;

const ROOT = mkdtempSync(join(tmpdir(), "apiloom-adapters-"));
const REPO = resolve(import.meta.dirname, "../..");

describe("server/environment.ts names the adapters' framework packages", () => {
  beforeAll(async () => {
    for (const name of ["without", "with"]) {
      const dir = writeUserProject(join(ROOT, name), {
        spec: SPEC,
        main: PROGRAM,
        include: ["main.ts", "gen"],
      });
      if (name === "with")
        symlinkSync(join(REPO, "node_modules"), join(dir, "node_modules"));
      await generateIn(
        dir,
        "-a",
        "server",
        "--server-adapters",
        "express,fastify,hono",
      );
    }
  }, 60_000);
  afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

  for (const compiler of Object.keys(COMPILERS) as CompilerName[]) {
    it(`${compiler}: without Fastify and Hono, environment.ts says so (and nothing passes as any)`, async () => {
      const found = await tscErrors(compiler, join(ROOT, "without"));
      const environment = found.filter((e) =>
        e.startsWith("gen/server/environment.ts"),
      );
      expect(environment).toHaveLength(2);
      expect(environment.join("\n")).toMatch(/TS2688: .*'fastify'/);
      expect(environment.join("\n")).toMatch(/TS2688: .*'hono'/);
      // no other file of the output complains: the probe is the one place
      expect(
        found.filter((e) => e.startsWith("gen/") && !environment.includes(e)),
      ).toEqual([]);
    }, 60_000);

    it(`${compiler}: with them, the adapters are typed: 42 is no Fastify instance, nor Hono middleware`, async () => {
      const found = await tscErrors(compiler, join(ROOT, "with"));
      expect(found.filter((e) => e.startsWith("gen/"))).toEqual([]);
      expect(found.filter((e) => e.startsWith("main.ts(3,"))).toHaveLength(1);
      expect(found.filter((e) => e.startsWith("main.ts(4,"))).toHaveLength(1);
    }, 60_000);
  }
});
