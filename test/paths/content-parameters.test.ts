import { expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import { emitted } from "../emitted.js";
import { peer, typeCheck } from "../validators/oracles/harness.js";

/*
 * A parameter declared with `content` (Stream's `payload`, JSON in the query; APIs.guru) is one
 * serialized value. client/openapi-fetch.ts, as openapi-fetch, sends a parameter as it is given,
 * by its style, so paths.ts types it `string`, the text to send, as openapi-typescript does: typed
 * as the decoded object, a call compiled and went out as `payload[filter_conditions][…]=…`.
 */

const query = (name: string, schema: object) => ({
  name,
  in: "query",
  content: { "application/json": { schema } },
});
const spec = {
  openapi: "3.0.3",
  info: { title: "Stream (excerpt)", version: "1" },
  paths: {
    "/campaigns": {
      get: {
        operationId: "QueryCampaigns",
        parameters: [
          query("payload", {
            $ref: "#/components/schemas/QueryCampaignsRequest",
          }),
        ],
        responses: { "200": { description: "Successful response" } },
      },
    },
    "/campaigns/{id}": {
      delete: {
        operationId: "DeleteCampaign",
        parameters: [
          {
            name: "id",
            in: "path",
            required: true,
            schema: { type: "string" },
          },
          query("recipients", { type: "boolean", writeOnly: true }),
        ],
        responses: { "200": { description: "Successful response" } },
      },
    },
  },
  components: {
    schemas: {
      QueryCampaignsRequest: {
        type: "object",
        required: ["filter_conditions"],
        properties: {
          filter_conditions: { type: "object", additionalProperties: {} },
          limit: { type: "integer" },
        },
      },
    },
  },
};

const PROGRAM = `import createClient from "./api/client/openapi-fetch.js";
import type { paths } from "./api/paths.js";
import type * as A from "./api/paths.js";
import type * as P from "./peer.js";

const client = createClient<paths>({ baseUrl: "http://127.0.0.1:1" });

export async function run(): Promise<void> {
  const payload = JSON.stringify({ filter_conditions: { id: "c1" } });
  await client.GET("/campaigns", { params: { query: { payload } } });
  await client.DELETE("/campaigns/{id}", {
    params: { path: { id: "c1" }, query: { recipients: "true" } },
  });
  await client.GET("/campaigns", {
    // @ts-expect-error the client would send the object by its style, not as JSON
    params: { query: { payload: { filter_conditions: {} } } },
  });
}

type Get = paths["/campaigns"]["get"];
type Delete = paths["/campaigns/{id}"]["delete"];
declare const get: P.paths["/campaigns"]["get"];
declare const del: P.paths["/campaigns/{id}"]["delete"];
declare const ours: [Get, Delete];
export const same: [Get, Delete, P.paths["/campaigns"]["get"], P.paths["/campaigns/{id}"]["delete"]] =
  [get, del, ours[0], ours[1]];
export type Unused = A.components;
`;

it("types a parameter declared with content as the text the client sends, as openapi-typescript", async () => {
  const text = JSON.stringify(spec);
  const model = loadModel([{ file: "api.json", text }]);
  const files = new Map<string, string>();
  for (const f of await emitted(["client", "paths"], model))
    files.set(`/api/${f.path}`, f.contents);
  files.set(
    "/peer.ts",
    peer.astToString(await peer.default(text, { silent: true })),
  );
  files.set("/program.ts", PROGRAM);
  expect(files.get("/api/paths.ts")).toMatch(/ payload\?: string;/);
  expect(
    typeCheck(files).map((p) => `${p.file}:${p.line} ${p.message}`),
  ).toEqual([]);
}, 120_000);
