import { describe, expect, it } from "vitest";
import { ingestFiles, ingestTexts } from "../index.js";
import {
  ROOT,
  STREAM,
  doc,
  endpoint,
  readText,
} from "../../../test/support/swagger2-petshop.js";

describe("the Swagger 2.0 reader's servers and security", () => {
  it("builds one server per scheme from host and basePath", () => {
    expect(doc.servers.map((s) => s.url)).toEqual([
      "https://shop.example.com/v1",
      "http://shop.example.com/v1",
    ]);
  });

  it("uses the basePath alone when there is no host, and no server when neither is given", () => {
    const stream = ingestFiles([STREAM], { cwd: ROOT }).documents;
    expect(stream[0]!.servers.map((s) => s.url)).toEqual(["/api"]);
    expect(stream[1]!.servers).toEqual([]);
  });

  it("translates securityDefinitions into OpenAPI 3 schemes", () => {
    const schemes = doc.securitySchemes;
    expect(schemes.basic).toMatchObject({ type: "http", scheme: "basic" });
    expect(schemes.key).toMatchObject({
      type: "apiKey",
      name: "key",
      parameterName: "X-Key",
      in: "header",
    });
    expect(schemes.oauth).toMatchObject({
      type: "oauth2",
      flows: {
        authorizationCode: {
          authorizationUrl: "https://shop.example.com/authorize",
          tokenUrl: "https://shop.example.com/token",
          scopes: {
            "read:pets": "read your pets",
            "write:pets": "change your pets",
          },
        },
      },
    });
    expect(schemes.robots).toMatchObject({
      flows: { clientCredentials: { scopes: {} } },
    });
  });

  it("applies the global security default, keeps an operation's own, and reads security: [] as none", () => {
    expect(endpoint("get", "/pets").security).toEqual([
      { oauth: ["read:pets"] },
    ]);
    expect(endpoint("post", "/pets/{petId}/photo").security).toEqual([
      { key: [] },
      { oauth: ["write:pets"] },
    ]);
    expect(endpoint("get", "/pets/{petId}").security).toEqual([]);
  });

  it("reads an Authorization header as the document's matching scheme when the operation says nothing else", () => {
    const remove = endpoint("delete", "/pets/{petId}");
    expect(remove.parameters.header.map((p) => p.name)).toEqual([]);
    // it inherits the global oauth requirement, so the header adds nothing
    expect(remove.security).toEqual([{ oauth: ["read:pets"] }]);
    const { doc: local } = readText(
      [
        'swagger: "2.0"',
        "info: {title: t, version: v}",
        "securityDefinitions:",
        "  key: {type: apiKey, name: X-Key, in: query}",
        "  basic: {type: basic}",
        "paths:",
        "  /a:",
        "    get:",
        "      parameters:",
        "        - {name: authorization, in: header, x-example: Basic abc}",
        "      responses: {200: {description: OK}}",
      ].join("\n"),
    );
    expect(local.endpoints[0]!.security).toEqual([{ basic: [] }]);
    expect(local.endpoints[0]!.parameters.header).toEqual([]);
  });

  it("infers a bearer scheme from an Authorization header when the document defines none", () => {
    const result = ingestFiles([STREAM], { cwd: ROOT });
    const [first] = result.documents;
    expect(first!.endpoints[0]!.security).toEqual([{ bearerAuth: [] }]);
    expect(first!.securitySchemes.bearerAuth).toMatchObject({
      name: "bearerAuth",
      type: "http",
      scheme: "bearer",
      inferred: true,
    });
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        code: "swagger2/inferred-security-scheme",
        file: STREAM,
        line: 14,
      }),
    );
  });
});

describe("Swagger 2.0 servers from unusual hosts", () => {
  it.each([
    [
      "host: api.example.com",
      ["https://api.example.com"],
      ["swagger2/no-schemes"],
    ],
    [
      "host: http://api.example.com/\nbasePath: /v2/",
      ["http://api.example.com/v2"],
      ["swagger2/invalid-host"],
    ],
    [
      "host: api.example.com\nschemes: [wss, HTTPS, https]",
      ["wss://api.example.com", "https://api.example.com"],
      [],
    ],
    // api-spec-converter's output for egnyte, foursquare and klout: was `/v2`, `https:://…`, silently
    [
      "host: [api.example.com]\nbasePath: /v2",
      ["/v2"],
      ["swagger2/invalid-host"],
    ],
    [
      "host: api.example.com\nschemes: ['https:', http]",
      ["http://api.example.com"],
      ["swagger2/invalid-host"],
    ],
    ["basePath: v3", ["/v3"], ["swagger2/invalid-base-path"]],
    ["basePath: /", ["/"], []],
  ])("%s", (top, urls, found) => {
    const result = ingestTexts([
      {
        file: "servers.yaml",
        text: `swagger: "2.0"\ninfo: {title: t, version: v}\n${top}\npaths: {}\n`,
      },
    ]);
    expect(result.documents[0]!.servers.map((s) => s.url)).toEqual(urls);
    expect(result.diagnostics.map((d) => d.code)).toEqual(found);
  });
});

describe("Swagger 2.0 operation schemes", () => {
  it("gives an operation whose `schemes` differ from the document's its own servers (BBC's http-only calls)", () => {
    const { doc: read, codes: found } = readText(
      [
        'swagger: "2.0"',
        "info: {title: t, version: v}",
        "host: rms.example.com",
        "basePath: /v2/",
        "schemes: [https]",
        "paths:",
        "  /a:",
        "    get: {schemes: [HTTP, http, ftp], responses: {200: {description: OK}}}",
        "    put: {schemes: [https], responses: {200: {description: OK}}}",
        "    post: {responses: {200: {description: OK}}}",
      ].join("\n"),
    );
    const [get, put, post] = read.endpoints;
    expect(get!.servers).toEqual([
      {
        url: "http://rms.example.com/v2",
        sources: [expect.objectContaining({ line: 8 })],
      },
    ]);
    // the document's own schemes, or none: the document's servers
    expect(put!.servers).toBeUndefined();
    expect(post!.servers).toBeUndefined();
    expect(found).toEqual([]);
  });

  it("leaves an operation's `schemes` alone where the document has no host (Kubernetes')", () => {
    const { doc: read } = readText(
      [
        'swagger: "2.0"',
        "info: {title: t, version: v}",
        "basePath: /api",
        "paths:",
        "  /a:",
        "    get: {schemes: [https], responses: {200: {description: OK}}}",
      ].join("\n"),
    );
    expect(read.endpoints[0]!.servers).toBeUndefined();
    expect(read.servers.map((s) => s.url)).toEqual(["/api"]);
  });
});

describe("Swagger 2.0 security requirements", () => {
  it("reports a requirement naming an undefined scheme once per document, and keeps it", () => {
    const { doc: read, codes: found } = readText(
      [
        'swagger: "2.0"',
        "info: {title: t, version: v}",
        "security: [{ghost: [x]}]",
        "paths:",
        "  /a:",
        "    get: {responses: {200: {description: OK}}}",
        "    put: {security: [{ghost: []}], responses: {200: {description: OK}}}",
      ].join("\n"),
    );
    expect(read.endpoints.map((e) => e.security)).toEqual([
      [{ ghost: ["x"] }],
      [{ ghost: [] }],
    ]);
    expect(found).toEqual(["swagger2/unknown-security-scheme"]);
  });
});
