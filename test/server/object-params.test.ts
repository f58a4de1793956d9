import { join } from "node:path";
import { pathToFileURL } from "node:url";
import qs from "qs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SERVED,
  serveSpecEveryWay,
  type StartedServer,
} from "./adapter-servers.js";

/*
 * Object parameters with `additionalProperties` (a Spring `Map<String, String>` query, a filter
 * of integers), sent as other tools write them (URLSearchParams, qs for deepObject, OpenAPI's
 * style table for headers), read by every way of serving the API over real HTTP on 127.0.0.1, and
 * by the generated client. Found by a held-out hunt: an exploded free-form object never read its
 * members (400 when required, silently absent else), and `additionalProperties`' values stayed
 * strings (400 "must be integer" on a valid request).
 */
const SPEC = `openapi: 3.0.3
info: { title: objects, version: "1" }
paths:
  /search:
    get:
      operationId: search
      parameters:
        - name: filter
          in: query
          required: true
          schema: { type: object, additionalProperties: { type: integer } }
        - { name: limit, in: query, schema: { type: integer } }
        - name: tags
          in: query
          style: deepObject
          schema: { type: object, properties: { a: { type: string } }, additionalProperties: { type: number } }
        - name: X-Weights
          in: header
          explode: true
          schema: { type: object, additionalProperties: { type: boolean } }
      responses: { "200": { description: ok } }
  /spring:
    get:
      operationId: spring
      parameters:
        - name: params
          in: query
          required: true
          schema: { type: object, additionalProperties: { type: string } }
      responses: { "200": { description: ok } }
`;

let seen: unknown[] = [];
const handlers = {
  search: ({ query, headers }: { query: object; headers: object }) => {
    seen.push({ query, headers });
    return { status: 200 };
  },
  spring: ({ query }: { query: object }) => {
    seen.push({ query });
    return { status: 200 };
  },
};

let dir: string;
let servers: Map<string, StartedServer>;

beforeAll(async () => {
  ({ dir, servers } = await serveSpecEveryWay("object-params", SPEC, handlers));
}, 120_000);

afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
});

async function get(served: string, path: string, headers = {}) {
  seen = [];
  const response = await fetch(servers.get(served)!.url + path, { headers });
  await response.arrayBuffer();
  return { status: response.status, got: seen };
}

const SEARCH = {
  query: {
    filter: { a: 1, b: -20 },
    limit: 5,
    tags: { a: "x", w: 1.5 },
  },
  headers: { "X-Weights": { on: true, off: false } },
};

describe.each(SERVED)("%s", (served) => {
  it("reads the members of objects by additionalProperties, typed", async () => {
    const search =
      new URLSearchParams({ a: "1", b: "-20", limit: "5" }).toString() +
      "&" +
      qs.stringify({ tags: { a: "x", w: 1.5 } });
    expect(
      await get(served, `/search?${search}`, {
        "X-Weights": "on=true,off=false",
      }),
    ).toEqual({
      status: 200,
      got: [
        {
          query: SEARCH.query,
          headers: SEARCH.headers,
        },
      ],
    });
  });

  it("reads a free-form exploded object from the query's other names", async () => {
    const search = new URLSearchParams({ page: "2", "sort by": "name" });
    expect(await get(served, `/spring?${search}`)).toEqual({
      status: 200,
      got: [{ query: { params: { page: "2", "sort by": "name" } } }],
    });
  });
});

it("the generated client sends what the server reads back", async () => {
  const client = await import(pathToFileURL(join(dir, "client/index.ts")).href);
  const options = { baseUrl: servers.get("node")!.url };
  seen = [];
  expect((await client.search(SEARCH, options)).status).toBe(200);
  expect(seen).toEqual([
    {
      query: SEARCH.query,
      headers: SEARCH.headers,
    },
  ]);
});
