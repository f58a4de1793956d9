import { describe, expect, test } from "vitest";
import {
  lineOf,
  readText,
} from "../../../test/fixtures/postman/read-fixture.js";

// Issue 41 item 7: an API key auth whose header name is not an RFC 9110 token is left out with a
// diagnostic at its line, as a header parameter is; an `in` Postman does not know is reported.
describe.each([
  ["2.1", "https://schema.getpostman.com/json/collection/v2.1.0/"],
  ["2.0", "https://schema.getpostman.com/json/collection/v2.0.0/"],
])("API key auth in a %s collection", (version, schema) => {
  const apikey = (params: Record<string, string>) =>
    version === "2.1"
      ? Object.entries(params).map(([key, value]) => ({ key, value }))
      : params;
  const request = (name: string, params: Record<string, string>) => ({
    name,
    request: {
      method: "GET",
      url: `https://api.example.com/${name}`,
      auth: { type: "apikey", apikey: apikey(params) },
    },
  });
  const text = JSON.stringify(
    {
      info: { name: "Keys", schema },
      item: [
        request("spaced", { key: "X Api Key", value: "k", in: "header" }),
        request("colon", { key: "X-Key:\r\nEvil: 1", value: "k" }),
        request("pathKey", { key: "X-Path-Key", value: "k", in: "path" }),
        request("queryKey", { key: "api key", value: "k", in: "query" }),
        request("good", { key: "X-Good-Key", value: "k", in: "header" }),
      ],
    },
    null,
    2,
  );
  const read = readText(`keys-${version}.json`, text);
  const at = (code: string) =>
    read.diagnostics
      .filter((d) => d.code === code)
      .map((d) => `${d.line} ${d.message}`);

  test("a header name that is not a token is left out, reported at its line", () => {
    expect(read.endpoint("spaced").security).toBeUndefined();
    expect(read.endpoint("colon").security).toBeUndefined();
    expect(at("postman/invalid-header-name")).toEqual([
      `${lineOf(text, '"X Api Key"')} "X Api Key" is not a valid HTTP header name, so no client could send the key; the API key auth is left out`,
      `${lineOf(text, '"X-Key:\\r\\nEvil: 1"')} "X-Key:\\r\\nEvil: 1" is not a valid HTTP header name, so no client could send the key; the API key auth is left out`,
    ]);
    const names = Object.values(read.doc.securitySchemes).map(
      (s) => s.type === "apiKey" && s.parameterName,
    );
    expect(names).not.toContain("X Api Key");
    expect(names).toContain("X-Good-Key");
  });

  test("in: path is reported at its line and read as Postman sends it, in a header", () => {
    expect(at("postman/api-key-location")).toEqual([
      `${lineOf(text, '"path"')} the API key's "in" is "path", which Postman does not know (it sends an API key in a header or the query only); read as Postman sends it: in the header "X-Path-Key"`,
    ]);
    const [requirement] = read.endpoint("pathKey").security ?? [];
    const scheme = read.doc.securitySchemes[Object.keys(requirement!)[0]!];
    expect(scheme).toMatchObject({
      type: "apiKey",
      in: "header",
      parameterName: "X-Path-Key",
    });
  });

  test("a query key's name may be any text; a good header key is kept", () => {
    const [requirement] = read.endpoint("queryKey").security ?? [];
    expect(
      read.doc.securitySchemes[Object.keys(requirement!)[0]!],
    ).toMatchObject({ type: "apiKey", in: "query", parameterName: "api key" });
    expect(read.endpoint("good").security).toHaveLength(1);
  });
});
