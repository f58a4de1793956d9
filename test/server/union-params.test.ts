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
 * Parameters whose schema is a union of shapes, as PeerTube (`licenceOneOf`, `languageOneOf`)
 * and PandaScore (`page` as an integer or a deepObject) write them, sent as other tools write
 * them (URLSearchParams, qs), read by every way of serving the API over real HTTP on 127.0.0.1,
 * and by the generated client. Found by a held-out round trip of 96 documents: the server read
 * each as text, so `page=3` and `flag=true` were 400, `page[number]=2` reached the handler as
 * nothing and `language=en,fr` as "en,fr".
 */
const SPEC = `openapi: 3.0.3
info: { title: unions, version: "1" }
paths:
  /items:
    get:
      operationId: listItems
      parameters:
        - name: page
          in: query
          style: deepObject
          schema:
            oneOf:
              - { type: integer, minimum: 1 }
              - type: object
                additionalProperties: false
                properties: { number: { type: integer }, size: { type: integer } }
        - name: licence
          in: query
          explode: false
          schema:
            oneOf:
              - { type: integer }
              - { type: array, items: { type: integer } }
        - name: language
          in: query
          explode: false
          schema:
            oneOf:
              - { type: string }
              - { type: array, items: { type: string } }
        - name: flag
          in: query
          schema:
            anyOf:
              - { type: boolean }
              - { type: string, enum: [auto] }
      responses: { "200": { description: ok } }
`;

let seen: unknown[] = [];
const handlers = {
  listItems: ({ query }: { query: object }) => {
    seen.push(query);
    return { status: 200 };
  },
};

let dir: string;
let servers: Map<string, StartedServer>;

beforeAll(async () => {
  ({ dir, servers } = await serveSpecEveryWay("union-params", SPEC, handlers));
}, 120_000);

afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
});

async function get(served: string, search: string) {
  seen = [];
  const response = await fetch(`${servers.get(served)!.url}/items?${search}`);
  await response.arrayBuffer();
  return { status: response.status, got: seen };
}

/** Each query as the wire writes it, and what the handler must get. */
const CASES: [string, object][] = [
  [
    "page=3&licence=430&language=en&flag=true",
    { page: 3, licence: 430, language: "en", flag: true },
  ],
  [
    `${qs.stringify({ page: { number: 2, size: 10 } })}&licence=1,2&language=en,fr&flag=auto`,
    {
      page: { number: 2, size: 10 },
      licence: [1, 2],
      language: ["en", "fr"],
      flag: "auto",
    },
  ],
];

describe.each(SERVED)("%s", (served) => {
  it("reads each by the member its value is", async () => {
    for (const [search, query] of CASES)
      expect(await get(served, search)).toEqual({ status: 200, got: [query] });
  });

  it("still refuses what no member takes", async () => {
    for (const search of ["page=0", "flag=maybe", "licence=x,y"])
      expect(await get(served, search)).toMatchObject({ status: 400, got: [] });
  });
});

it("the generated client sends what the server reads back", async () => {
  const client = await import(pathToFileURL(join(dir, "client/index.ts")).href);
  const options = { baseUrl: servers.get("node")!.url };
  for (const [, query] of CASES) {
    seen = [];
    expect((await client.listItems({ query }, options)).status).toBe(200);
    expect(seen).toEqual([query]);
  }
});
