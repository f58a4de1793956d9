import { describe, expect, test } from "vitest";
import {
  readFixture,
  readText,
} from "../../../test/fixtures/postman/read-fixture.js";
import { buildPathTemplate } from "./request.js";
import { pathVariables } from "../../model/path-template.js";
import { VariableScope } from "./variables.js";
import type { Server } from "../../model/types.js";

const paths = readFixture("paths.v21.json");

/** The servers requests go to, in order of first use: an endpoint's own, else the document's. */
function usedServers({ doc }: Pick<typeof paths, "doc">): Server[] {
  const used = doc.endpoints.map((e) => (e.servers ?? doc.servers)[0]!);
  return [...new Map(used.map((s) => [s.url, s])).values()];
}

describe("path templates", () => {
  test.each([
    ["users/:id", "/users/{id}", ["id"]],
    [":id.json", "/{id}.json", ["id"]],
    ["reports/:reportId.tar.gz", "/reports/{reportId}.tar.gz", ["reportId"]],
    ["app/module/chat:bot:messages", "/app/module/chat:bot:messages", []],
    ["a:b/x:y", "/a:b/x:y", []],
    ["site/:cloudId/conversation", "/site/{cloudId}/conversation", ["cloudId"]],
    ["site/", "/site/", []],
    ["a//b", "/a/b", []],
    ["", "/", []],
    ["/", "/", []],
    [":", "/:", []],
    ["v1/<accountId>/statement", "/v1/{accountId}/statement", ["accountId"]],
    ["items/{itemId}", "/items/{itemId}", ["itemId"]],
    ["odd{brace", "/odd%7Bbrace", []],
    ["my files/ä b", "/my%20files/%C3%A4%20b", []],
    ["already%20encoded", "/already%20encoded", []],
  ])("%j becomes %j", (given, template, names) => {
    const built = buildPathTemplate([{ text: given }]);
    expect(built).toBe(template);
    expect(pathVariables(built)).toEqual(names);
  });

  test("an unresolved variable becomes a named placeholder, even mid-segment", () => {
    const scope = new VariableScope([{ key: "known", value: "v1" }]);
    const built = buildPathTemplate(
      scope.substitute("{{known}}/stacks/{{key}}/x-{{suffix}}"),
    );
    expect(built).toBe("/v1/stacks/{key}/x-{suffix}");
    expect(pathVariables(built)).toEqual(["key", "suffix"]);
  });
});

describe("request URLs", () => {
  test("a :name segment is a path parameter described by url.variable", () => {
    const endpoint = paths.endpoint("Colon variable");
    expect(endpoint.path).toBe("/users/{id}");
    expect(endpoint.parameters.path).toMatchObject([
      {
        name: "id",
        in: "path",
        required: true,
        description: "The user's id",
        example: "42",
      },
    ]);
  });

  test("a variable name ends at the first dot", () => {
    const endpoint = paths.endpoint("Variable with extension");
    expect(endpoint.path).toBe("/reports/{reportId}.json");
    expect(endpoint.parameters.path.map((p) => p.name)).toEqual(["reportId"]);
  });

  test("several segments in one path element are split; colons inside a segment are text", () => {
    const endpoint = paths.endpoint("Colons inside segments");
    expect(endpoint.method).toBe("put");
    expect(endpoint.path).toBe(
      "/site/{cloudId}/conversation/{conversationId}/app/module/chat:bot:messages/{key}",
    );
    const [cloudId, conversationId, key] = endpoint.parameters.path;
    // "{}" is Postman's empty placeholder, not an example
    expect(cloudId).toMatchObject({ name: "cloudId" });
    expect(cloudId!.example).toBeUndefined();
    expect(conversationId!.name).toBe("conversationId");
    expect(key).toMatchObject({ name: "key", example: "k-1" });
  });

  test("a colon after the start of a segment is literal", () => {
    const endpoint = paths.endpoint("Colon mid-segment");
    expect(endpoint.path).toBe("/a:b/x:y:z/end");
    expect(endpoint.parameters.path).toEqual([]);
  });

  test("a path variable is a parameter, but for a prefix no parameter can hold; the host variable becomes the server", () => {
    const endpoint = paths.endpoint("Resolved variable in path");
    expect(endpoint.path).toBe("/api/v1/{apiVersion}/items/");
    expect(endpoint.parameters.path.map((p) => p.name)).toEqual(["apiVersion"]);
    // it has a value: no warning says it has none
    expect(
      paths.diagnostics.filter((d) => d.message.includes("{{apiVersion}}")),
    ).toEqual([]);
    expect(paths.doc.servers.map((s) => s.url)).toContain(
      "http://www.example.com",
    );
  });

  test("an unresolved path variable becomes a {var} path parameter, with one diagnostic", () => {
    const endpoint = paths.endpoint("Unresolved variable in path");
    expect(endpoint.path).toBe("/stacks/{stackKey}/entries");
    expect(endpoint.parameters.path).toMatchObject([
      { name: "stackKey", required: true },
    ]);
    const found = paths.diagnostics.filter(
      (d) =>
        d.code === "postman/unresolved-variable" &&
        d.message.includes("{{stackKey}}"),
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe("warning");
  });

  test("an unresolved host variable makes a server variable with an empty default", () => {
    const endpoint = paths.endpoint("Unresolved variable in host");
    expect(endpoint.path).toBe("/health");
    const server = (endpoint.servers ?? paths.doc.servers)[0];
    expect(server).toMatchObject({ url: "{baseUrl}" });
    expect(server?.variables).toEqual({ baseUrl: { default: "" } });
    expect(
      paths.diagnostics.some(
        (d) =>
          d.code === "postman/unresolved-variable" &&
          d.message.includes("{{baseUrl}}"),
      ),
    ).toBe(true);
  });

  test("a disabled collection variable does not resolve", () => {
    expect(paths.endpoint("Disabled variable does not resolve").path).toBe(
      "/things/{disabledOne}",
    );
  });

  test("a URL without a path is /, and the server keeps its protocol and port", () => {
    expect(paths.endpoint("No path").path).toBe("/");
    expect(usedServers(paths).map((s) => s.url)).toEqual([
      "http://www.example.com",
      "https://api.example.com:8443",
      "https://api.example.com",
      "{baseUrl}",
    ]);
  });

  test("a {{protocol}} variable is substituted as the host's are, written as parts or raw", () => {
    const request = (name: string, url: unknown) => ({
      name,
      request: { method: "GET", url },
    });
    const read = readText(
      "protocol.json",
      JSON.stringify({
        info: {
          name: "p",
          schema: "https://schema.getpostman.com/json/collection/v2.1.0/",
        },
        variable: [
          { key: "protocol", value: "https" },
          { key: "host", value: "api.example.com" },
          { key: "port", value: "8443" },
        ],
        item: [
          request("parts", {
            raw: "{{protocol}}://{{host}}:{{port}}/health",
            protocol: "{{protocol}}",
            host: ["{{host}}"],
            port: "{{port}}",
            path: ["health"],
          }),
          request("raw", "{{protocol}}://{{host}}/status"),
          request("unknown", {
            protocol: "{{scheme}}",
            host: ["example.org"],
            path: ["x"],
          }),
        ],
      }),
    );
    expect(usedServers(read).map((s) => s.url)).toEqual([
      "https://api.example.com:8443",
      "https://api.example.com",
      "{scheme}://example.org",
    ]);
    expect(usedServers(read)[2]!.variables).toEqual({
      scheme: { default: "" },
    });
  });

  test("query parameters are optional; placeholders are not examples; disabled ones are kept", () => {
    const query = paths.endpoint("Query parameters").parameters.query;
    expect(query.map((p) => [p.name, p.required, p.example])).toEqual([
      ["q", false, "shoes"],
      ["cursor", false, undefined],
      ["limit", false, undefined],
      ["token", false, undefined],
      ["page", false, "2"],
    ]);
    expect(query[0]!.description).toBe("Search words");
    expect(query[0]!.schema).toEqual({ type: "string" });
  });

  test("a URL string gives its query (decoded) and drops the fragment", () => {
    const endpoint = paths.endpoint("Query from a URL string");
    expect(endpoint.method).toBe("get");
    expect(endpoint.path).toBe("/find");
    expect(endpoint.parameters.query.map((p) => [p.name, p.example])).toEqual([
      ["name", "a b"],
      ["flag", undefined],
    ]);
  });

  test("a method OpenAPI cannot express is skipped with a diagnostic", () => {
    expect(
      paths.doc.endpoints.some((e) => e.summary === "Unknown method"),
    ).toBe(false);
    expect(
      paths.diagnostics.filter((d) => d.code === "postman/unsupported-method"),
    ).toHaveLength(1);
    expect(paths.doc.endpoints).toHaveLength(11);
  });
});

describe("requests to one URL", () => {
  // the shape openapi-to-postmanv2 writes for APIs.guru's AWS paths (`/#X-Amz-Target=…`)
  const request = (name: string, url: unknown) => ({
    name,
    request: { method: "POST", url },
  });
  const collection = (...item: unknown[]) =>
    JSON.stringify({
      info: {
        name: "c",
        schema: "https://schema.getpostman.com/json/collection/v2.1.0/",
      },
      variable: [{ key: "baseUrl", value: "https://events.example.com" }],
      item,
    });
  const object = (hash?: string) => ({
    path: [""],
    host: ["{{baseUrl}}"],
    ...(hash !== undefined && { hash }),
  });

  test("a URL fragment (url.hash, or in raw) stays in the path key only where it tells requests apart", () => {
    const read = readText(
      "c.json",
      collection(
        request("Activate", object("X-Amz-Target=AWSEvents.Activate")),
        request("Cancel", object("X-Amz-Target=AWSEvents.Cancel")),
        request("Tag", "https://events.example.com/tags/:arn#tagKeys"),
        request("Untag", "https://events.example.com/tags/:arn#keys"),
        request("Find", "https://events.example.com/find?q=1#section"),
        request("Braced", "https://events.example.com/other#{{x}}"),
        request("Braced hash", { ...object("{{x}}"), path: ["x"] }),
        request("Plain hash", { ...object("y"), path: ["x"] }),
      ),
    );
    expect(read.doc.endpoints.map((e) => e.path)).toEqual([
      "/#X-Amz-Target=AWSEvents.Activate",
      "/#X-Amz-Target=AWSEvents.Cancel",
      "/tags/{arn}#tagKeys",
      "/tags/{arn}#keys",
      "/find",
      "/other",
      "/x",
      "/x#y",
    ]);
    expect(read.diagnostics).toEqual([]);
  });
});

describe("a base URL that is a path", () => {
  // openapi-to-postmanv2 writes a spec's `servers: [{url: /api}]` as `{{baseUrl}}` = "/api"
  test("`{{baseUrl}}` = `/api` is the server `/api`, not `http:///api`", () => {
    const collection = {
      info: {
        name: "Groov",
        schema:
          "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
      },
      variable: [{ key: "baseUrl", value: "/api" }],
      item: [
        {
          name: "getInfo",
          request: {
            method: "GET",
            url: {
              raw: "{{baseUrl}}/info",
              host: ["{{baseUrl}}"],
              path: ["info"],
            },
          },
        },
      ],
    };
    const read = readText("relative.json", JSON.stringify(collection));
    expect(usedServers(read).map((s) => s.url)).toEqual(["/api"]);
    expect(read.doc.endpoints[0]!.path).toBe("/info");
  });
});
