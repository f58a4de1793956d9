import { describe, expect, test } from "vitest";
import {
  readFixture,
  readText,
} from "../../../test/fixtures/postman/read-fixture.js";

// The same collection in 2.0's object form (`bearer: {token}`) and 2.1's list form (`bearer: [{key, value}]`).
describe.each(["auth.v20.json", "auth.v21.json"])("auth in %s", (file) => {
  const read = readFixture(file);
  const security = (name: string) => read.endpoint(name).security;

  test("the document is read as the version it declares", () => {
    expect(read.doc.format).toBe(
      file === "auth.v20.json" ? "postman2.0" : "postman2.1",
    );
  });

  test("a request without auth inherits the collection's through a folder without auth", () => {
    expect(security("Inherits collection")).toEqual([{ basicAuth: [] }]);
    expect(security("Null auth")).toEqual([{ basicAuth: [] }]);
  });

  test("a folder's auth overrides the collection's", () => {
    expect(security("Inherits folder")).toEqual([{ bearerAuth: [] }]);
  });

  test("noauth stops inheritance, on a request and on a folder", () => {
    expect(security("Request noauth")).toEqual([]);
    expect(security("Inherits noauth")).toEqual([]);
  });

  test("a request's own auth wins", () => {
    expect(security("Request apikey")).toEqual([{ apiKeyAuth: [] }]);
    expect(security("Digest")).toEqual([{ digestAuth: [] }]);
  });

  test("each auth type maps to its scheme", () => {
    const schemes = read.doc.securitySchemes;
    expect(schemes.basicAuth).toMatchObject({
      type: "http",
      scheme: "basic",
      name: "basicAuth",
    });
    expect(schemes.bearerAuth).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
    expect(schemes.digestAuth).toMatchObject({
      type: "http",
      scheme: "digest",
    });
    // `name` is the registry key; the header that carries the key is `parameterName`
    expect(schemes.apiKeyAuth).toMatchObject({
      type: "apiKey",
      name: "apiKeyAuth",
      parameterName: "X-API-Key",
      in: "header",
    });
    expect(schemes.basicAuth!.inferred).toBeUndefined();
  });

  test("an Authorization header under noauth gives an inferred scheme", () => {
    // "Token abc" is neither Bearer nor Basic: an API key in the Authorization header, which
    // differs from the X-API-Key scheme and so takes a suffix
    expect(security("Header token")).toEqual([{ apiKeyAuth2: [] }]);
    expect(read.doc.securitySchemes.apiKeyAuth2).toMatchObject({
      type: "apiKey",
      parameterName: "Authorization",
      in: "header",
      inferred: true,
    });
    // same as the folder's explicit bearer scheme: shared, and not marked inferred
    expect(security("Header bearer")).toEqual([{ bearerAuth: [] }]);
    expect(read.doc.securitySchemes.bearerAuth!.inferred).toBeUndefined();
    // the header is security, not a header parameter
    expect(read.endpoint("Header token").parameters.header).toEqual([]);
  });

  test("oauth2: flow from grant_type, URLs, scopes split on spaces and merged per scheme", () => {
    expect(security("OAuth2 code")).toEqual([
      { oauth2: ["read:things", "write:things"] },
    ]);
    expect(security("OAuth2 code again")).toEqual([
      { oauth2: ["delete:things"] },
    ]);
    expect(security("OAuth2 client")).toEqual([{ oauth2_2: ["admin"] }]);
    expect(read.doc.securitySchemes.oauth2).toMatchObject({
      type: "oauth2",
      flows: {
        authorizationCode: {
          authorizationUrl: "https://auth.example.com/authorize",
          scopes: {
            "read:things": "",
            "write:things": "",
            "delete:things": "",
          },
        },
      },
    });
    // {{tokenHost}} is not defined: the token URL is left out, with a diagnostic
    const code = read.doc.securitySchemes.oauth2!;
    expect(
      code.type === "oauth2" && code.flows.authorizationCode?.tokenUrl,
    ).toBeUndefined();
    expect(
      read.diagnostics.some(
        (d) =>
          d.code === "postman/unresolved-variable" &&
          d.message.includes("{{tokenHost}}"),
      ),
    ).toBe(true);
    expect(read.doc.securitySchemes.oauth2_2).toMatchObject({
      flows: {
        clientCredentials: {
          tokenUrl: "https://auth.example.com/token",
          scopes: { admin: "" },
        },
      },
    });
  });

  test("an API key sent in the query keeps its place and takes a suffix", () => {
    expect(security("Apikey in query")).toEqual([{ apiKeyAuth3: [] }]);
    expect(read.doc.securitySchemes.apiKeyAuth3).toMatchObject({
      type: "apiKey",
      parameterName: "api_key",
      in: "query",
    });
  });

  test("oauth1 and hawk cannot be expressed: a diagnostic each, and no security", () => {
    expect(security("OAuth1")).toBeUndefined();
    expect(security("Hawk")).toBeUndefined();
    const unsupported = read.diagnostics.filter(
      (d) => d.code === "postman/unsupported-auth",
    );
    expect(unsupported.map((d) => d.message.split(" ")[3])).toEqual([
      "oauth1",
      "hawk",
    ]);
  });

  test("scheme names are the documented ones, in order of first use", () => {
    expect(Object.keys(read.doc.securitySchemes)).toEqual([
      "basicAuth",
      "bearerAuth",
      "apiKeyAuth",
      "apiKeyAuth2",
      "digestAuth",
      "oauth2",
      "oauth2_2",
      "apiKeyAuth3",
    ]);
  });
});

describe("auth edge cases", () => {
  const request = (name: string, auth: unknown) => ({
    name,
    request: { method: "GET", url: `https://api.example.com/${name}`, auth },
  });
  const read = readText(
    "edge.json",
    JSON.stringify({
      info: {
        name: "Edge",
        schema: "https://schema.getpostman.com/json/collection/v2.1.0/",
      },
      auth: { type: "bearer", bearer: [{ key: "token", value: "t" }] },
      item: [
        request("nokey", {
          type: "apikey",
          apikey: [{ key: "value", value: "v" }],
        }),
        request("inherit", { type: "inherit" }),
        request("jwt", {
          type: "jwt",
          jwt: [{ key: "algorithm", value: "HS256" }],
        }),
        request("implicit", {
          type: "oauth2",
          oauth2: {
            grant_type: "implicit",
            authUrl: "https://a.example.com/auth",
            accessTokenUrl: "https://a.example.com/token",
          },
        }),
        request("password", {
          type: "oauth2",
          oauth2: [
            { key: "grant_type", value: "password_credentials" },
            { key: "accessTokenUrl", value: "https://a.example.com/token" },
          ],
        }),
        request("prototype grant", {
          type: "oauth2",
          oauth2: [
            { key: "grant_type", value: "constructor" },
            { key: "authUrl", value: "https://b.example.com/auth" },
          ],
        }),
        request("mystery", { type: "mystery" }),
      ],
    }),
  );

  test("an apikey block without a key name is reported and gives no scheme", () => {
    expect(read.endpoint("nokey").security).toBeUndefined();
    expect(read.diagnostics.map((d) => d.code)).toContain(
      "postman/incomplete-auth",
    );
  });

  test("type inherit asks the parent", () => {
    expect(read.endpoint("inherit").security).toEqual([{ bearerAuth: [] }]);
  });

  test("jwt is a bearer token with the JWT format, a scheme apart from plain bearer", () => {
    expect(read.endpoint("jwt").security).toEqual([{ bearerAuth2: [] }]);
    expect(read.doc.securitySchemes.bearerAuth2).toMatchObject({
      type: "http",
      scheme: "bearer",
      bearerFormat: "JWT",
    });
  });

  test("implicit and password grants keep only the URLs their flow has", () => {
    expect(read.doc.securitySchemes.oauth2).toMatchObject({
      flows: {
        implicit: {
          authorizationUrl: "https://a.example.com/auth",
          scopes: {},
        },
      },
    });
    const implicit = read.doc.securitySchemes.oauth2!;
    expect(
      implicit.type === "oauth2" && implicit.flows.implicit?.tokenUrl,
    ).toBeUndefined();
    expect(read.doc.securitySchemes.oauth2_2).toMatchObject({
      flows: {
        password: { tokenUrl: "https://a.example.com/token", scopes: {} },
      },
    });
  });

  test("a grant type named like an Object.prototype member is an unknown one: authorization code", () => {
    expect(read.endpoint("prototype grant").security).toEqual([
      { oauth2_3: [] },
    ]);
    expect(read.doc.securitySchemes.oauth2_3).toMatchObject({
      flows: {
        authorizationCode: { authorizationUrl: "https://b.example.com/auth" },
      },
    });
  });

  test("an unknown auth type is reported as unsupported", () => {
    expect(read.endpoint("mystery").security).toBeUndefined();
    expect(
      read.diagnostics
        .filter((d) => d.code === "postman/unsupported-auth")
        .map((d) => d.message),
    ).toEqual([expect.stringContaining("mystery")]);
  });
});
