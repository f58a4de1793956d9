import { describe, expect, test } from "vitest";
import { readText } from "../../../test/fixtures/postman/read-fixture.js";

// Held to what newman 6 sends (postman-runtime resolves `{{var}}`s in the whole request and its
// auth before sending): a collection variable in an auth block's parameters, in a header's
// name, and in a Content-Type or Accept value is written in.
const collection = (item: unknown[]) =>
  JSON.stringify({
    info: {
      name: "vars",
      schema: "https://schema.getpostman.com/json/collection/v2.1.0/",
    },
    variable: [
      { key: "keyHeader", value: "X-Api-Key" },
      { key: "keyQuery", value: "token" },
      { key: "where", value: "query" },
      { key: "tenant", value: "acme" },
      { key: "ct", value: "application/xml" },
      { key: "accept", value: "text/csv" },
    ],
    item,
  });
const request = (name: string, fields: Record<string, unknown>) => ({
  name,
  request: {
    method: "POST",
    url: `https://api.example.com/${name}`,
    ...fields,
  },
});
const apikey = (params: Record<string, string>) => ({
  auth: {
    type: "apikey",
    apikey: Object.entries(params).map(([key, value]) => ({ key, value })),
  },
});

describe("collection variables newman writes in", () => {
  const read = readText(
    "vars.json",
    collection([
      request("header", apikey({ key: "{{keyHeader}}", value: "k" })),
      request(
        "query",
        apikey({ key: "{{keyQuery}}", value: "k", in: "query" }),
      ),
      request("where", apikey({ key: "k", value: "v", in: "{{where}}" })),
      request("headerName", { header: [{ key: "X-{{tenant}}", value: "1" }] }),
      request("media", {
        header: [
          { key: "Content-Type", value: "{{ct}}" },
          { key: "Accept", value: "{{accept}}" },
        ],
        body: { mode: "raw", raw: "<a/>" },
      }),
    ]),
  );
  const scheme = (name: string) => {
    const [requirement] = read.endpoint(name).security ?? [];
    return read.doc.securitySchemes[Object.keys(requirement ?? {})[0] ?? ""];
  };

  test("in an API key's name and place", () => {
    expect(scheme("header")).toMatchObject({
      type: "apiKey",
      in: "header",
      parameterName: "X-Api-Key",
    });
    expect(scheme("query")).toMatchObject({
      type: "apiKey",
      in: "query",
      parameterName: "token",
    });
    expect(scheme("where")).toMatchObject({ in: "query", parameterName: "k" });
    const codes = read.diagnostics.map((d) => d.code);
    expect(codes).not.toContain("postman/invalid-header-name");
    expect(codes).not.toContain("postman/api-key-location");
  });

  test("in a header's name, and in Content-Type and Accept", () => {
    expect(
      read.endpoint("headerName").parameters.header.map((p) => p.name),
    ).toEqual(["X-acme"]);
    const media = read.endpoint("media");
    const types = (content: { mediaType: string }[] = []) =>
      content.map((c) => c.mediaType);
    expect(types(media.requestBody?.content)).toEqual(["application/xml"]);
    expect(types(media.responses[0]?.content)).toEqual(["text/csv"]);
  });
});

describe("a folder's or a request's own variables", () => {
  // newman 6 resolves the collection's variables only (postman-runtime: `ignoreOwnVariables`)
  const read = readText(
    "scope.json",
    JSON.stringify({
      info: {
        name: "scope",
        schema: "https://schema.getpostman.com/json/collection/v2.1.0/",
      },
      variable: [{ key: "baseUrl", value: "https://api.example.com/v1" }],
      item: [
        {
          name: "v2",
          variable: [
            { key: "baseUrl", value: "https://api.example.com/v2" },
            { key: "only", value: "here" },
          ],
          item: [
            { name: "folder", request: { url: "{{baseUrl}}/a" } },
            { name: "only", request: { url: "{{baseUrl}}/b/{{only}}" } },
          ],
        },
        {
          name: "item",
          variable: [{ key: "baseUrl", value: "https://api.example.com/v3" }],
          request: { url: "{{baseUrl}}/c" },
        },
      ],
    }),
  );

  test("are not read: requests go where newman sends them", () => {
    expect(read.doc.servers.map((s) => s.url)).toEqual([
      "https://api.example.com/v1",
    ]);
    for (const name of ["folder", "only", "item"])
      expect(read.endpoint(name).servers).toBeUndefined();
    expect(read.endpoint("only").path).toBe("/b/{only}");
    expect(
      read.diagnostics.filter((d) => d.code === "postman/unresolved-variable"),
    ).toHaveLength(1);
  });
});
