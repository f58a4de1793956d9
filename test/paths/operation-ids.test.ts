import { expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import { emitted } from "../emitted.js";

/*
 * paths.ts keys `operations` by the document's operationId, as openapi-typescript does, even where
 * the client names the endpoint otherwise: Linode's `POST /account/oauth-clients` is
 * `createClient`, a name the generated client declares itself, and `getPets` beside `get-pets`
 * is taken. Code written for openapi-typescript's `operations["createClient"]` keeps compiling.
 */

const ok = { "200": { description: "ok" } };
const spec = {
  openapi: "3.0.3",
  info: { title: "t", version: "1" },
  paths: {
    "/clients": { post: { operationId: "createClient", responses: ok } },
    "/pets": { get: { operationId: "getPets", responses: ok } },
    "/pets/all": { get: { operationId: "get-pets", responses: ok } },
  },
};

it("keys operations by each operationId, whatever the client's name", async () => {
  const model = loadModel([{ file: "api.json", text: JSON.stringify(spec) }]);
  const paths = (await emitted("paths", model)).find(
    (f) => f.path === "paths.ts",
  )!.contents;
  const start = paths.indexOf("export interface operations");
  const operations = paths.slice(start, paths.indexOf("\n}\n", start));
  expect(operations.match(/^ {2}"?[\w-]+"?:/gm)).toEqual([
    "  createClient:",
    "  getPets:",
    '  "get-pets":',
  ]);
  expect(paths).toContain('post: operations["createClient"];');
  expect(paths).toContain('get: operations["get-pets"];');
});
