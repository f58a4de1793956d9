import { mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { GeneratedFile } from "../../src/emit/artifact.js";
import { generate } from "../../src/generate.js";
import {
  COMPILERS,
  CONFIGS,
  typeCheckCells,
  writeProjects,
  type CellResult,
  type CompilerName,
  type ConfigName,
} from "../compat/matrix.js";

/*
 * paths.ts and client/openapi-fetch.ts under every tsconfig of the compatibility matrix, with
 * TypeScript 5 and 7, checked whole (`typecheckGenerated`), for an OpenAPI 3.1, a Swagger 2.0 and
 * a Postman input, each with a call through openapi-fetch's API.
 */
const REPO = resolve(import.meta.dirname, "../..");
const ROOT = join(REPO, "test/paths/out/compat");

const INPUTS = {
  openapi: ["test/query/fixtures/pets.yaml"],
  swagger: ["test/fixtures/swagger2/petshop.yaml"],
  postman: ["test/fixtures/postman/bodies.v21.json"],
};

/** Each project's client, typed by its paths.ts; the pets one makes a call. */
const CLIENT = `import createClient, { type Client } from "./client/openapi-fetch.js";
import type { paths } from "./paths.js";

export const client: Client<paths> = createClient<paths>({
  baseUrl: "http://127.0.0.1:1",
  timeout: 1_000,
});
`;
const CALL = `import { client } from "./caller.js";

export async function petName(id: number): Promise<string | undefined> {
  const { data, error } = await client.GET("/pets/{petId}", {
    params: { path: { petId: id } },
  });
  return error ? undefined : data.name;
}
`;

const cells = new Map<string, Promise<CellResult>>();
let ended: Promise<unknown> = Promise.resolve();

beforeAll(async () => {
  rmSync(ROOT, { recursive: true, force: true });
  mkdirSync(ROOT, { recursive: true });
  const projects = new Map<string, GeneratedFile[]>();
  for (const [name, inputs] of Object.entries(INPUTS)) {
    const { files } = await generate(inputs, {
      cwd: REPO,
      artifacts: ["paths"],
      typecheckGenerated: true,
    });
    projects.set(name, [
      ...files,
      { path: "caller.ts", contents: CLIENT },
      ...(name === "openapi" ? [{ path: "call.ts", contents: CALL }] : []),
    ]);
  }
  writeProjects(ROOT, projects);
  const list = (Object.keys(CONFIGS) as ConfigName[]).flatMap((config) =>
    (Object.keys(COMPILERS) as CompilerName[]).map((compiler) => ({
      root: ROOT,
      config,
      compiler,
    })),
  );
  const started = typeCheckCells(list);
  ended = started.ended;
  list.forEach((c, i) =>
    cells.set(`${c.config} ${c.compiler}`, started.results[i]!),
  );
}, 120_000);

afterAll(async () => {
  await ended;
  rmSync(ROOT, { recursive: true, force: true });
}, 300_000);

it.each(
  (Object.keys(CONFIGS) as ConfigName[]).flatMap((config) =>
    (Object.keys(COMPILERS) as CompilerName[]).map((compiler) => ({
      config,
      compiler,
    })),
  ),
)(
  "$config, $compiler",
  async ({ config, compiler }) => {
    const result = await cells.get(`${config} ${compiler}`)!;
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  },
  300_000,
);
