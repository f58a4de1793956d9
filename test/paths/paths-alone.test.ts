import { resolve } from "node:path";
import { expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import { emitted } from "../emitted.js";
import { typeCheck } from "../validators/oracles/harness.js";

/*
 * `-a paths` alone is openapi-typescript + openapi-fetch's replacement and nothing else: paths.ts
 * (its own schema types, no import) and client/openapi-fetch.ts with the runtime files it imports,
 * no types.ts and no function-per-endpoint client for tsc to read. With `client` too, the client
 * writes openapi-fetch.ts beside its own files, once.
 */

const REPO = resolve(import.meta.dirname, "../..");
const model = loadModel(["test/query/fixtures/pets.yaml"], { cwd: REPO });

/** A program written for openapi-fetch, its imports pointed at the output. */
const PROGRAM = `import createClient from "./api/client/openapi-fetch.js";
import type { components, paths } from "./api/paths.js";

const client = createClient<paths>({ baseUrl: "http://127.0.0.1:1" });

export async function petName(id: number): Promise<string | undefined> {
  const { data, error } = await client.GET("/pets/{petId}", {
    params: { path: { petId: id } },
  });
  return error ? undefined : data.name;
}

export type Pet = components["schemas"]["Pet"];

/** init may be left out when neither its params nor its body is required, as in openapi-fetch. */
export async function optionalInit(): Promise<void> {
  await client.GET("/health");
  await client.GET("/pets", { params: { query: { limit: 1 } } });
  // @ts-expect-error: the path's petId is required
  await client.GET("/pets/{petId}");
  await client.POST("/pets", { body: { name: "Rex" } });
  // @ts-expect-error: the body is required
  await client.POST("/pets", {});
}
`;

it("-a paths writes paths.ts and openapi-fetch's client, which compile under strict", async () => {
  const files = await emitted("paths", model);
  expect(files.map((f) => f.path)).toEqual([
    "client/auth.ts",
    "client/environment.ts",
    "client/openapi-fetch.ts",
    "client/options.ts",
    "client/paginate.ts",
    "client/result.ts",
    "client/stream.ts",
    "client/timeouts.ts",
    "client/transport.ts",
    "paths.ts",
  ]);
  const paths = files.find((f) => f.path === "paths.ts")!.contents;
  expect(paths).not.toMatch(/^import /m);
  const all = new Map(files.map((f) => [`/api/${f.path}`, f.contents]));
  all.set("/program.ts", PROGRAM);
  expect(typeCheck(all)).toEqual([]);
});

it("-a client,paths: openapi-fetch.ts is the client's, written once", async () => {
  const paths = (await emitted(["client", "paths"], model)).map((f) => f.path);
  expect(paths).toContain("client/index.ts");
  expect(paths.filter((p) => p === "client/openapi-fetch.ts")).toHaveLength(1);
});
