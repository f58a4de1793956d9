import { describe, expect, it } from "vitest";
import { createEndpoint } from "../../model/factories.js";
import type { ApiModel, HttpMethod } from "../../model/types.js";
import { EmitReporter } from "../codes.js";
import { reportAmbiguousRoutes } from "./route-specs.js";
import { routeShape } from "../toolkit.js";

/** What reportAmbiguousRoutes reports of a model. */
function findAmbiguousRoutes(model: ApiModel) {
  const reporter = new EmitReporter();
  reportAmbiguousRoutes(model, reporter);
  return reporter.diagnostics;
}

function model(routes: [HttpMethod, string, string][]): ApiModel {
  return {
    info: { title: "t", version: "1" },
    servers: [],
    securitySchemes: {},
    schemas: {},
    tags: [],
    endpoints: routes.map(([method, path, name], i) =>
      createEndpoint({
        method,
        path,
        name,
        source: { file: "api.yaml", line: i + 1, column: 3, pointer: "" },
      }),
    ),
    diagnostics: [],
  };
}

describe("reportAmbiguousRoutes", () => {
  it("reports two templates that match the same URLs with one method", () => {
    const diagnostics = findAmbiguousRoutes(
      model([
        ["get", "/a/{x}", "byX"],
        ["get", "/a/{y}", "byY"],
      ]),
    );
    expect(diagnostics).toEqual([
      {
        severity: "warning",
        code: "server/ambiguous-route",
        message:
          "GET /a/{y} (byY) matches the same URLs as /a/{x} (byX); the server routes them to byX",
        file: "api.yaml",
        line: 2,
        column: 3,
        related: [{ file: "api.yaml", line: 1, column: 3, pointer: "" }],
      },
    ]);
  });

  it.each<[string, [HttpMethod, string, string][]]>([
    [
      "different methods",
      [
        ["get", "/a/{x}", "getA"],
        ["delete", "/a/{y}", "deleteA"],
      ],
    ],
    [
      "a static segment beside a parameter",
      [
        ["get", "/message/recent", "recent"],
        ["get", "/message/{id}", "byId"],
      ],
    ],
    [
      "literal colons that differ",
      [
        ["get", "/m/chat:bot", "bot"],
        ["get", "/m/chat:bot:messages", "botMessages"],
      ],
    ],
    [
      "a parameter and a pattern segment",
      [
        ["get", "/f/{name}", "file"],
        ["get", "/f/{name}.json", "json"],
      ],
    ],
  ])("accepts %s", (_name, routes) => {
    expect(findAmbiguousRoutes(model(routes))).toEqual([]);
  });

  it("tells a trailing slash apart, as the router does, and sees through percent-escapes", () => {
    expect(
      findAmbiguousRoutes(
        model([
          ["get", "/site", "a"],
          ["get", "/site/", "b"],
        ]),
      ),
    ).toEqual([]);
    const diagnostics = findAmbiguousRoutes(
      model([
        ["get", "/a b", "a"],
        ["get", "/a%20b", "b"],
      ]),
    );
    expect(diagnostics.map((d) => d.message)).toEqual([
      "GET /a%20b (b) matches the same URLs as /a b (a); the server routes them to a",
    ]);
  });
});

describe("routeShape", () => {
  it.each([
    ["/a/{x}/b", "/a/{}/b"],
    ["/a/{x}.json/", "/a/{}.json/"],
    ["/a%20b/{x}", "/a b/{}"],
    ["/", "/"],
    ["//x", "/x"],
  ])("%s → %s", (path, shape) => {
    expect(routeShape(path)).toBe(shape);
  });
});
