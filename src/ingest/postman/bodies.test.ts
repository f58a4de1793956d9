import { describe, expect, test } from "vitest";
import { readFixture } from "../../../test/fixtures/postman/read-fixture.js";

const read = readFixture("bodies.v21.json");
const content = (name: string) => read.endpoint(name).requestBody?.content;

describe("request bodies", () => {
  test("raw JSON: media type from Content-Type (parameters dropped), parsed example, inferred schema", () => {
    const body = read.endpoint("Raw JSON with Content-Type").requestBody!;
    expect(body.required).toBe(true);
    expect(body.content).toHaveLength(1);
    const [json] = body.content;
    expect(json!.mediaType).toBe("application/json");
    expect(json!.examples).toEqual([
      {
        value: {
          name: "Rex",
          age: 3,
          weight: 4.5,
          tags: ["a"],
          owner: { id: 1 },
        },
      },
    ]);
    expect(json!.schema).toEqual({
      type: "object",
      properties: {
        name: { type: "string" },
        age: { type: "integer" },
        weight: { type: "number" },
        tags: { type: "array", items: { type: "string" } },
        owner: { type: "object", properties: { id: { type: "integer" } } },
      },
      "x-apiloom-inferred": true,
    });
  });

  test("raw: options.raw.language gives the media type when no Content-Type does", () => {
    expect(content("Raw XML by language")).toEqual([
      {
        mediaType: "application/xml",
        examples: [{ value: "<pet><name>Rex</name></pet>" }],
      },
    ]);
  });

  test("raw without Content-Type or language is text/plain", () => {
    expect(content("Raw without hints")).toEqual([
      {
        mediaType: "text/plain",
        schema: { type: "string" },
        examples: [{ value: "hello" }],
      },
    ]);
  });

  test("raw JSON that does not parse keeps its media type, no example, and an info diagnostic", () => {
    expect(content("Raw JSON that does not parse")).toEqual([
      { mediaType: "application/json" },
    ]);
    const found = read.diagnostics.filter(
      (d) => d.code === "postman/invalid-json-body",
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe("info");
  });

  test("an empty raw body is no body", () => {
    expect(read.endpoint("Empty raw body").requestBody).toBeUndefined();
    expect(read.endpoint("Empty form data").requestBody).toBeUndefined();
  });

  test("urlencoded: one string property per key, disabled ones too; placeholders are not examples", () => {
    expect(content("Urlencoded")).toEqual([
      {
        mediaType: "application/x-www-form-urlencoded",
        schema: {
          type: "object",
          properties: {
            grant_type: { type: "string" },
            username: { type: "string", description: "Login" },
            scope: { type: "string" },
          },
          "x-apiloom-inferred": true,
        },
        examples: [{ value: { grant_type: "password", scope: "read" } }],
      },
    ]);
  });

  test("formdata: multipart, file fields are binary strings", () => {
    expect(content("Form data")).toEqual([
      {
        mediaType: "multipart/form-data",
        schema: {
          type: "object",
          properties: {
            caption: { type: "string" },
            photo: { type: "string", format: "binary" },
          },
          "x-apiloom-inferred": true,
        },
        examples: [{ value: { caption: "A cat" } }],
      },
    ]);
  });

  test("file: octet-stream binary, or the Content-Type header's type", () => {
    expect(content("File")).toEqual([
      {
        mediaType: "application/octet-stream",
        schema: { type: "string", format: "binary" },
      },
    ]);
    expect(content("File with Content-Type")![0]!.mediaType).toBe("image/png");
  });

  test("graphql: JSON with a query string and a variables object; the query is the example", () => {
    expect(content("GraphQL")).toEqual([
      {
        mediaType: "application/json",
        schema: {
          type: "object",
          properties: {
            query: { type: "string" },
            variables: { type: "object", properties: {} },
          },
          required: ["query"],
          "x-apiloom-inferred": true,
        },
        examples: [
          {
            value: {
              query: "query ($id: ID!) { pet(id: $id) { name } }",
              variables: { id: "7" },
            },
          },
        ],
      },
    ]);
  });
});

describe("headers", () => {
  test("other headers become optional header parameters, disabled ones included", () => {
    const header = read.endpoint("Raw JSON with Content-Type").parameters
      .header;
    expect(
      header.map((p) => [p.name, p.required, p.example, p.description]),
    ).toEqual([
      ["X-Request-Id", false, "abc-123", "Tracing id"],
      ["X-Debug", false, "1", undefined],
    ]);
  });

  test("Accept gives the response media types, without */*", () => {
    const responses = read.endpoint("Raw JSON with Content-Type").responses;
    expect(responses).toHaveLength(1);
    expect(responses[0]!.status).toBe("default");
    expect(responses[0]!.content.map((c) => c.mediaType)).toEqual([
      "application/json",
      "text/plain",
    ]);
    expect(read.endpoint("Empty raw body").responses).toEqual([]);
  });

  test("Content-Type decides a raw body's media type, but not a form's", () => {
    expect(content("Urlencoded")![0]!.mediaType).toBe(
      "application/x-www-form-urlencoded",
    );
    expect(read.endpoint("Urlencoded").parameters.header).toEqual([]);
  });

  test("disabled Content-Type and Authorization headers are not sent, so they say nothing", () => {
    const endpoint = read.endpoint("Disabled Content-Type");
    expect(endpoint.requestBody!.content[0]!.mediaType).toBe("text/plain");
    expect(endpoint.security).toBeUndefined();
    expect(endpoint.parameters.header).toEqual([]);
  });

  test("an Authorization header is security: Basic gives an inferred http basic scheme", () => {
    expect(read.endpoint("Basic header").security).toEqual([{ basicAuth: [] }]);
    expect(read.doc.securitySchemes.basicAuth).toMatchObject({
      type: "http",
      scheme: "basic",
      inferred: true,
    });
    expect(read.endpoint("Basic header").parameters.header).toEqual([]);
  });

  test("the 2.0 header string form is read line by line; // lines are disabled", () => {
    const text = readFixture("headers.v20.json");
    const endpoint = text.endpoint("Header string");
    expect(endpoint.method).toBe("post");
    expect(endpoint.requestBody!.content[0]).toMatchObject({
      mediaType: "application/json",
      examples: [{ value: [1, 2] }],
    });
    expect(endpoint.parameters.header.map((p) => [p.name, p.example])).toEqual([
      ["X-Trace", "t-1"],
      ["X-Off", "0"],
    ]);
  });
});

describe("cookies and header names", () => {
  const endpoint = read.endpoint("Cookies and odd headers");

  test("a Cookie header becomes one cookie parameter per cookie", () => {
    expect(
      endpoint.parameters.cookie.map((p) => [p.name, p.in, p.example]),
    ).toEqual([
      ["session", "cookie", "abc"],
      ["theme", "cookie", "dark"],
    ]);
  });

  test("a header name that is not an HTTP token is left out with a diagnostic", () => {
    expect(endpoint.parameters.header.map((p) => [p.name, p.example])).toEqual([
      ["X-Ok", undefined],
    ]);
    const found = read.diagnostics.filter(
      (d) => d.code === "postman/invalid-header-name",
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain('"disabled header"');
  });
});

describe("body pruning", () => {
  test("a GET body is left out, as Postman does, with an info diagnostic", () => {
    expect(read.endpoint("GET with a body").requestBody).toBeUndefined();
    const found = read.diagnostics.filter(
      (d) => d.code === "postman/pruned-body",
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe("info");
  });

  test("disableBodyPruning keeps it", () => {
    expect(content("GET with a kept body")).toMatchObject([
      { mediaType: "application/json", examples: [{ value: { q: 1 } }] },
    ]);
  });
});
