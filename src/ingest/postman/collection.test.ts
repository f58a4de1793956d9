import { describe, expect, test } from "vitest";
import {
  lineOf,
  readFixture,
  readText,
} from "../../../test/fixtures/postman/read-fixture.js";

const read = readFixture("collection.v20.json");

describe("saved responses", () => {
  const responses = read.endpoint("Find pet").responses;

  test("one response per status, in order of first appearance", () => {
    expect(responses.map((r) => [r.status, r.description])).toEqual([
      ["200", "OK"],
      ["404", "Not Found"],
      ["418", "I'm a teapot"],
      ["204", "No Content"],
    ]);
  });

  test("several examples for one status merge, JSON bodies parsed, names kept unique", () => {
    const ok = responses[0]!;
    expect(ok.content).toHaveLength(1);
    expect(ok.content[0]!.mediaType).toBe("application/json");
    expect(ok.content[0]!.examples).toEqual([
      { name: "A dog", value: { id: 1, kind: "dog" } },
      { name: "A cat", value: { id: 2, kind: "cat" } },
      { name: "A cat 2", value: { id: 3, kind: "cat" } },
    ]);
    expect(ok.content[0]!.schema).toEqual({
      type: "object",
      properties: { id: { type: "integer" }, kind: { type: "string" } },
      "x-apiloom-inferred": true,
    });
    expect(ok.sources.map((s) => s.pointer)).toEqual([
      "#/item/0/item/0/response/0",
      "#/item/0/item/0/response/1",
      "#/item/0/item/0/response/2",
    ]);
  });

  test("the status text gives the code when there is none; Content-Type or preview language the media type", () => {
    expect(responses[1]!.content).toEqual([
      {
        mediaType: "text/plain",
        examples: [{ name: "Missing", value: "no such pet" }],
      },
    ]);
    expect(responses[2]!.content).toEqual([
      {
        mediaType: "text/html",
        examples: [{ name: "Teapot", value: "<p>short and stout</p>" }],
      },
    ]);
    expect(responses[3]!.content).toEqual([]);
  });
});

describe("folders and the collection", () => {
  test("the innermost folder's name is the tag", () => {
    expect(read.endpoint("Find pet").tags).toEqual(["Pets"]);
    expect(read.endpoint("List toys").tags).toEqual(["Toys"]);
    expect(read.endpoint("Drop cache").tags).toEqual(["Only a subfolder"]);
    expect(read.endpoint("Top-level request").tags).toEqual([]);
  });

  test("tags carry folder descriptions; a name used twice is one tag; unused folders are not tags", () => {
    expect(read.doc.tags).toEqual([
      { name: "Pets", description: "Everything about pets" },
      { name: "Toys", description: "Toys for pets" },
      {
        name: "Only a subfolder",
        description: "Never used by a request directly",
      },
    ]);
  });

  test("request name: summary and name candidate, never the endpoint name or operationId", () => {
    const endpoint = read.endpoint("Find pet");
    expect(endpoint.name).toBe("");
    expect(endpoint.operationId).toBeUndefined();
    expect(endpoint.nameCandidates).toMatchObject([
      { kind: "requestName", value: "Find pet" },
    ]);
    expect(endpoint.description).toBe("Returns one pet.");
  });

  test("info: name, description object, version object", () => {
    expect(read.doc.info).toEqual({
      title: "Pet shop",
      version: "2.1.0",
      description: "Pets, **for sale**.",
    });
    expect(read.doc.format).toBe("postman2.0");
  });

  test("each endpoint's source is its item, at the item's exact line", () => {
    const endpoint = read.endpoint("Buy toy");
    expect(endpoint.sources).toHaveLength(1);
    expect(endpoint.sources[0]!.pointer).toBe("#/item/2/item/0");
    expect(endpoint.sources[0]!.file).toBe("fixtures/collection.v20.json");
    // the item's object opens on the line before its name
    expect(lineOf(read.text, '"name": "Buy toy"')).toBe(96);
    expect(endpoint.sources[0]!.line).toBe(95);
    const toyId = endpoint.parameters.path[0]!;
    expect(toyId.sources[0]!.line).toBe(lineOf(read.text, "toys/:toyId/buy"));
  });

  test("bad items are skipped with diagnostics, never an exception", () => {
    expect(read.doc.endpoints.map((e) => e.summary)).toEqual([
      "Find pet",
      "List toys",
      "Drop cache",
      "Buy toy",
      "Top-level request",
      "Bad url",
    ]);
    expect(read.endpoint("Bad url").path).toBe("/");
    expect(
      read.diagnostics.filter((d) => d.code === "postman/invalid-item"),
    ).toHaveLength(3);
  });

  test("nonsense in every field does not throw", () => {
    const hostile = {
      info: {
        name: 5,
        schema: "https://schema.getpostman.com/json/collection/v2.1.0/",
      },
      variable: "nope",
      auth: { type: "bearer", bearer: "token" },
      item: [
        { item: "x", auth: [] },
        {
          request: {
            url: {
              host: 1,
              path: [null, { value: 2 }],
              query: [1, { key: null }],
            },
            header: 3,
            body: { mode: "raw", raw: 5 },
            auth: { type: 9 },
          },
          response: [null, { code: "abc", body: 7 }],
        },
        { request: { url: { raw: "{{a}}{{b}}/:/x" }, method: ["GET"] } },
        {
          request: {
            url: "",
            body: { mode: "graphql", graphql: { query: 1 } },
          },
        },
        {
          request: {
            url: "x",
            auth: { type: "oauth2", oauth2: [{ key: "scope", value: 5 }] },
          },
        },
      ],
    };
    const result = readText("hostile.json", JSON.stringify(hostile));
    expect(result.doc.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual([
      "get /2",
      "get /",
      "get /",
    ]);
    expect(result.doc.endpoints[0]!.responses.map((r) => r.status)).toEqual([
      "default",
    ]);
  });
});

describe("the collection's place in the document", () => {
  const collection = {
    info: {
      name: "Wrapped",
      schema:
        "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
    },
    item: [
      { name: "List", request: { method: "GET", url: "https://a.io/items" } },
      { name: "Copy", request: { method: "COPY", url: "https://a.io/items" } },
    ],
  };

  test("as the Postman API answers it, {collection: …}: read inside, each place where it is", () => {
    const text = JSON.stringify({ collection }, null, 2);
    const wrapped = readText("wrapped.json", text);
    expect(wrapped.doc.format).toBe("postman2.1");
    expect(wrapped.doc.info.title).toBe("Wrapped");
    expect(wrapped.doc.endpoints.map((e) => e.path)).toEqual(["/items"]);
    const skipped = wrapped.diagnostics.find(
      (d) => d.code === "postman/unsupported-method",
    );
    expect(skipped?.line).toBe(lineOf(text, '"COPY"'));
  });

  test("a v1 collection is named as such, not read", () => {
    const v1 = JSON.stringify({
      id: "c1",
      name: "Legacy",
      order: ["r1"],
      requests: [{ id: "r1", url: "https://a.io/x", method: "GET" }],
    });
    expect(() => readText("v1.json", v1)).toThrow(
      /Postman collection v1 .*apiloom reads v2\.0 and v2\.1/,
    );
  });
});
