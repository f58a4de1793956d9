/*
 * Path keys that carry a query or a fragment, as real descriptions write them (APIs.guru):
 * AWS's `/access-preview/{id}#analyzerArn` and `/#X-Amz-Target=…` (a fragment that only tells
 * operations apart), Flickr's `/rest?method=…`, Weatherbit's `/alerts?lat={lat}&lon={lon}` (path
 * parameters in a query) and Medium's `/search/articles?query={query}` (a query parameter shown
 * in the key). The generated client sends each as the API expects, over real HTTP on 127.0.0.1:
 * no query lost behind a `#`, no second `?`, no parameter asked for twice; the docs' curl agrees,
 * and the generated server routes each on its path, handing its handler what the client sent.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { outDir, writeFiles } from "../server/generated.js";
import { listen } from "../server/http.js";
import { recordingServer } from "../client/server.js";

type Fn = (args?: object) => Promise<{ status: number }>;

const ok = `responses: { "200": { description: ok } }`;
const text = `openapi: 3.0.3
info: { title: t, version: "1" }
servers: [{ url: "https://api.example.com" }]
components:
  securitySchemes:
    key: { type: apiKey, in: query, name: key }
security: [{ key: [] }]
paths:
  /access-preview/{id}#analyzerArn:
    get:
      operationId: getAccessPreview
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
        - { name: analyzerArn, in: query, required: true, schema: { type: string } }
      ${ok}
  /#X-Amz-Target=Svc.DoThing:
    post:
      operationId: doThing
      parameters:
        - name: X-Amz-Target
          in: header
          required: true
          schema: { type: string, enum: [Svc.DoThing] }
      ${ok}
  /rest?method=flickr.photos.get:
    get:
      operationId: photosGet
      parameters:
        - { name: photo_id, in: query, required: true, schema: { type: string } }
      ${ok}
  /alerts?lat={lat}&lon={lon}:
    get:
      operationId: alerts
      parameters:
        - { name: lat, in: path, required: true, schema: { type: number } }
        - { name: lon, in: path, required: true, schema: { type: number } }
      ${ok}
  /search/articles?query={query}:
    get:
      operationId: searchArticles
      parameters:
        - { name: query, in: query, required: true, schema: { type: string, example: a b } }
      ${ok}
`;

let server: Awaited<ReturnType<typeof recordingServer>>;
let made: Awaited<ReturnType<typeof generate>>;
let dir: string;
let api: Record<string, Fn>;

beforeAll(async () => {
  server = await recordingServer();
  made = await generate([{ file: "keys.yaml", text }], {
    artifacts: ["client", "server", "docs"],
  });
  dir = outDir("path-keys");
  writeFiles(dir, made.files);
  const client = (await import(
    pathToFileURL(join(dir, "client/index.ts")).href
  )) as { createClient: (config: object) => Record<string, Fn> };
  api = client.createClient({ baseUrl: server.baseUrl, auth: { apiKey: "k" } });
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a path key with a query or a fragment", () => {
  it("is sent without its fragment, its query joined to the parameters'", async () => {
    const calls: [string, object][] = [
      [
        "getAccessPreview",
        { path: { id: "p1" }, query: { analyzerArn: "arn:aws:x" } },
      ],
      ["doThing", { headers: { "X-Amz-Target": "Svc.DoThing" } }],
      ["photosGet", { query: { photo_id: "7" } }],
      ["alerts", { path: { lat: 1.5, lon: -2 } }],
      ["searchArticles", { query: { query: "a b&c" } }],
    ];
    for (const [name, args] of calls)
      expect((await api[name]!(args)).status).toBe(200);
    expect(server.received.map((r) => r.url)).toEqual([
      "/access-preview/p1?key=k&analyzerArn=arn%3Aaws%3Ax",
      "/?key=k",
      "/rest?method=flickr.photos.get&key=k&photo_id=7",
      "/alerts?lat=1.5&lon=-2&key=k",
      "/search/articles?key=k&query=a%20b%26c",
    ]);
    expect(server.received[1]!.headers["x-amz-target"]).toBe("Svc.DoThing");
  });

  it("asks for a query parameter once, not again as an undeclared path parameter", () => {
    const search = made.model.endpoints.find(
      (e) => e.name === "searchArticles",
    )!;
    expect(search.parameters.path).toEqual([]);
    expect(
      made.diagnostics.filter(
        (d) => d.code === "model/undeclared-path-parameter",
      ),
    ).toEqual([]);
  });

  it("is what the docs' curl sends too", () => {
    const page = made.files
      .filter((f) => f.path.endsWith(".md"))
      .map((f) => f.contents)
      .join("\n");
    const curls = [...page.matchAll(/curl [^\n]*'(https:[^']*)'/g)].map(
      (m) => m[1],
    );
    expect(curls).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          /^https:\/\/api\.example\.com\/access-preview\/[^?#]*\?analyzerArn=[^#]*&key=/,
        ),
        expect.stringMatching(/^https:\/\/api\.example\.com\/\?key=/),
        expect.stringMatching(
          /^https:\/\/api\.example\.com\/rest\?method=flickr\.photos\.get&photo_id=/,
        ),
        expect.stringMatching(
          /^https:\/\/api\.example\.com\/search\/articles\?query=a%20b&key=/,
        ),
      ]),
    );
  });
});

describe("the generated server", () => {
  it("routes such a key on its path, and says which one it cannot route", async () => {
    const got: [string, unknown][] = [];
    const answer = (name: string) => (args: unknown) => {
      got.push([name, args]);
      return { status: 200 };
    };
    const names = [
      "getAccessPreview",
      "doThing",
      "photosGet",
      "alerts",
      "searchArticles",
    ];
    const { createRequestListener } = (await import(
      pathToFileURL(join(dir, "server/index.ts")).href
    )) as {
      createRequestListener: (handlers: object) => Parameters<typeof listen>[0];
    };
    const running = await listen(
      createRequestListener(
        Object.fromEntries(names.map((n) => [n, answer(n)])),
      ),
    );
    try {
      const { createClient } = (await import(
        pathToFileURL(join(dir, "client/index.ts")).href
      )) as { createClient: (config: object) => Record<string, Fn> };
      const local = createClient({
        baseUrl: running.baseUrl,
        auth: { apiKey: "k" },
      });
      expect(
        (
          await local["getAccessPreview"]!({
            path: { id: "p 1" },
            query: { analyzerArn: "a" },
          })
        ).status,
      ).toBe(200);
      expect(
        (await local["photosGet"]!({ query: { photo_id: "7" } })).status,
      ).toBe(200);
      expect(
        (await local["searchArticles"]!({ query: { query: "a b&c" } })).status,
      ).toBe(200);
      expect(
        (await local["alerts"]!({ path: { lat: 1, lon: 2 } })).status,
      ).toBe(404);
      expect(got).toEqual([
        [
          "getAccessPreview",
          expect.objectContaining({
            path: { id: "p 1" },
            query: { analyzerArn: "a" },
          }),
        ],
        ["photosGet", expect.objectContaining({ query: { photo_id: "7" } })],
        [
          "searchArticles",
          expect.objectContaining({ query: { query: "a b&c" } }),
        ],
      ]);
    } finally {
      await running.close();
    }
    expect(
      made.diagnostics
        .filter((d) => d.code.startsWith("server/"))
        .map((d) => [d.code, d.message.split(" (")[0]]),
    ).toEqual([["server/unroutable-path", "GET /alerts?lat={lat}&lon={lon}"]]);
  });
});
