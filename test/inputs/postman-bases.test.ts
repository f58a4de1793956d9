/*
 * A Postman request names its whole URL, so one collection may send its requests to several
 * bases: a literal `…/v1/ping` beside `{{baseUrl}}/users`, a CDN's host. The oracle is Postman's
 * own SDK (postman-collection), which resolves each request's URL as Postman sends it: the
 * generated client must call each endpoint there, over real HTTP on 127.0.0.1.
 */
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestTexts } from "../../src/ingest/index.js";
import { loadModel } from "../../src/pipeline.js";
import { generateClient, importClient } from "../client/generate.js";
import { recordingServer } from "../client/server.js";

interface Sdk {
  Collection: new (json: unknown) => {
    variables: unknown;
    forEachItem(f: (item: { request: { url: object } }) => void): void;
  };
  Property: { replaceSubstitutions(text: string, variables: unknown): string };
}
const sdk = createRequire(import.meta.url)("postman-collection") as Sdk;

/** Each request's URL as Postman sends it, in the collection's order. */
function postmanUrls(collection: object): string[] {
  const read = new sdk.Collection(collection);
  const urls: string[] = [];
  read.forEachItem((item) =>
    urls.push(
      sdk.Property.replaceSubstitutions(
        item.request.url.toString(),
        read.variables,
      ),
    ),
  );
  return urls;
}

const collectionOf = (variables: object[], items: object[]) => ({
  info: {
    name: "bases",
    schema:
      "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
  },
  variable: variables,
  item: items,
});

const get = (name: string, url: string) => ({
  name,
  request: { method: "GET", url },
});

describe("a collection whose requests go to several bases", () => {
  let main: Awaited<ReturnType<typeof recordingServer>>;
  let other: Awaited<ReturnType<typeof recordingServer>>;
  let dir: string | undefined;
  beforeAll(async () => {
    main = await recordingServer();
    other = await recordingServer();
  });
  afterAll(async () => {
    await main?.close();
    await other?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("gives a client that calls each request where Postman sends it", async () => {
    const collection = collectionOf(
      [{ key: "baseUrl", value: `${main.baseUrl}/v1` }],
      [
        get("Ping", `${main.baseUrl}/v1/ping`),
        get("List users", "{{baseUrl}}/users"),
        get("Get blob", `${other.baseUrl}/blobs`),
        get("Health", `${main.baseUrl}/health`),
        get("List teams", "{{baseUrl}}/teams"),
      ],
    );
    const model = loadModel([
      { file: "bases.postman.json", text: JSON.stringify(collection) },
    ]);
    expect(model.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    dir = await generateClient(model, "postman-bases");
    const { createClient } = await importClient<{
      createClient: (config: object) => Record<string, () => Promise<unknown>>;
    }>(dir);
    const api = createClient({});
    for (const name of ["ping", "listUsers", "getBlob", "health", "listTeams"])
      await api[name]!();
    const called = [
      ...main.received.map((r) => `${main.baseUrl}${r.url}`),
      ...other.received.map((r) => `${other.baseUrl}${r.url}`),
    ];
    expect(called.sort()).toEqual(postmanUrls(collection).sort());
  });

  it("puts each request's base in the model where OpenAPI would: the most used one on the document, the others on their endpoints", () => {
    const bases = ["https://a.io", "https://a.io/v1", "https://cdn.b.io/x"];
    const paths = ["/users", "/ping", "/v1/users", "/x"];
    const request = fc.record({
      base: fc.integer({ min: 0, max: bases.length - 1 }),
      path: fc.constantFrom(...paths),
      // through a collection variable, or written out
      variable: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(request, { minLength: 1, maxLength: 8 }),
        (requests) => {
          const collection = collectionOf(
            bases.map((value, i) => ({ key: `b${i}`, value })),
            // a route each (one route on several bases is the next test's)
            requests.map((r, i) =>
              get(
                `r${i}`,
                `${r.variable ? `{{b${r.base}}}` : bases[r.base]}${r.path}${i}`,
              ),
            ),
          );
          const read = ingestTexts(
            [{ file: "c.postman.json", text: JSON.stringify(collection) }],
            { cwd: "/" },
          );
          const doc = read.documents[0]!;
          expect(doc.servers.length).toBe(1);
          // OpenAPI's rule: an operation's own servers replace the document's
          const sent = doc.endpoints.map(
            (e) => (e.servers ?? doc.servers)[0]!.url + e.path,
          );
          expect(sent).toEqual(postmanUrls(collection));
          // the document's server is the one most requests go to
          const onDocument = doc.endpoints.filter((e) => !e.servers).length;
          for (const e of doc.endpoints)
            if (e.servers) {
              const url = e.servers[0]!.url;
              expect(url).not.toBe(doc.servers[0]!.url);
              const same = doc.endpoints.filter(
                (o) => o.servers?.[0]!.url === url,
              );
              expect(same.length).toBeLessThanOrEqual(onDocument);
            }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("sends one route on several bases (a Prod and a Staging folder) where most requests go", () => {
    const prod = "https://api.acme.io";
    const staging = "https://staging.acme.io";
    const read = (urls: string[]) => {
      const model = loadModel([
        {
          file: "c.postman.json",
          text: JSON.stringify(
            collectionOf(
              [],
              urls.map((u, i) => get(`r${i}`, u)),
            ),
          ),
        },
      ]);
      return model.endpoints.map(
        (e) => `${e.method} ${(e.servers ?? model.servers)[0]!.url}${e.path}`,
      );
    };
    // mirrored folders: every endpoint at Prod, nothing pinned to Staging
    expect(
      read([
        `${prod}/ping`,
        `${prod}/users`,
        `${staging}/ping`,
        `${staging}/users`,
      ]),
    ).toEqual([`get ${prod}/ping`, `get ${prod}/users`]);
    // three requests to one host, one of the same route to another: the three's host
    expect(
      read([
        `${prod}/a`,
        `${prod}/b`,
        `${prod}/ping`,
        `${staging}/ping`,
      ]).sort(),
    ).toEqual([`get ${prod}/a`, `get ${prod}/b`, `get ${prod}/ping`]);
    // a route only Staging has keeps Staging
    expect(read([`${prod}/a`, `${prod}/b`, `${staging}/only`])).toContain(
      `get ${staging}/only`,
    );
  });
});

describe("a query parameter's name with a variable in it", () => {
  it("is the name Postman sends", () => {
    const collection = collectionOf(
      [
        { key: "key", value: "kk" },
        { key: "p", value: "page" },
      ],
      [get("r", "https://api.test/a?{{key}}=v&{{p}}_size=10&{{gone}}=1")],
    );
    const sent = new URL(postmanUrls(collection)[0]!);
    const doc = ingestTexts(
      [{ file: "c.postman.json", text: JSON.stringify(collection) }],
      { cwd: "/" },
    ).documents[0]!;
    expect(doc.endpoints[0]!.parameters.query.map((q) => q.name)).toEqual([
      ...sent.searchParams.keys(),
    ]);
  });
});
