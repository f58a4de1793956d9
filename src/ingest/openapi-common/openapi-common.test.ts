import { describe, expect, it } from "vitest";
import { ingestTexts } from "../index.js";
import { isFormMediaType } from "../swagger2/request-body.js";
import { mediaTypesFromValues } from "./special-headers.js";

describe("media types named by header values", () => {
  it.each([
    [
      "a plain list",
      ["application/json", "text/csv"],
      ["application/json", "text/csv"],
    ],
    [
      "a comma-separated Accept value with q-values",
      ["application/json;q=0.9, text/html"],
      ["application/json", "text/html"],
    ],
    [
      "parameters and duplicates",
      ["text/plain; charset=utf-8", "text/plain"],
      ["text/plain"],
    ],
    [
      "wildcards, non-strings and prose",
      ["*/*", "application/*", 42, null, "JSON please"],
      [],
    ],
  ])("%s", (_, given, want) => {
    expect(mediaTypesFromValues(given)).toEqual(want);
  });

  it("knows which media types carry form fields", () => {
    expect(
      [
        "multipart/form-data",
        "multipart/mixed",
        "application/x-www-form-urlencoded; charset=utf-8",
        "application/json",
      ].map(isFormMediaType),
    ).toEqual([true, true, true, false]);
  });
});

describe("$ref chains", () => {
  it("reports a two-step parameter cycle and a response cycle, and still reads the operation", () => {
    const { documents, diagnostics } = ingestTexts([
      {
        file: "cycle.json",
        text: JSON.stringify(
          {
            openapi: "3.0.3",
            info: { title: "t", version: "1" },
            paths: {
              "/a": {
                get: {
                  parameters: [
                    { $ref: "#/components/parameters/One" },
                    { name: "ok", in: "query", schema: { type: "string" } },
                  ],
                  responses: {
                    "200": { $ref: "#/components/responses/Again" },
                    "404": { description: "missing" },
                  },
                },
              },
            },
            components: {
              parameters: {
                One: { $ref: "#/components/parameters/Two" },
                Two: { $ref: "#/components/parameters/One" },
              },
              responses: { Again: { $ref: "#/components/responses/Again" } },
            },
          },
          null,
          2,
        ),
      },
    ]);
    const endpoint = documents[0]!.endpoints[0]!;
    expect(endpoint.parameters.query.map((p) => p.name)).toEqual(["ok"]);
    expect(endpoint.responses.map((r) => r.status)).toEqual(["404"]);
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      // where each chain turns back: Two's $ref, and Again's own
      ["openapi3/ref-cycle", 39],
      ["openapi3/ref-cycle", 44],
    ]);
  });

  it("reads a path that lacks its leading slash with a warning", () => {
    const { documents, diagnostics } = ingestTexts([
      {
        file: "slash.yaml",
        text: 'swagger: "2.0"\ninfo: {title: t, version: v}\npaths:\n  pets:\n    get:\n      responses: {200: {description: OK}}\n',
      },
    ]);
    expect(documents[0]!.endpoints.map((e) => e.path)).toEqual(["/pets"]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: "swagger2/invalid-path", line: 4 }),
    ]);
  });
});

describe("responses that are not objects", () => {
  it.each([
    [
      "Swagger 2.0",
      'swagger: "2.0"\ninfo: {title: t, version: "1"}\nresponses:\n  Bad: 42\npaths:\n  /a:\n    get:\n      responses:\n        "200": oops\n        "404": {$ref: "#/responses/Bad"}\n        "500": {description: fine}\n',
    ],
    [
      "OpenAPI 3.0",
      'openapi: 3.0.3\ninfo: {title: t, version: "1"}\ncomponents:\n  responses:\n    Bad: 42\npaths:\n  /a:\n    get:\n      responses:\n        "200": oops\n        "404": {$ref: "#/components/responses/Bad"}\n        "500": {description: fine}\n',
    ],
  ])("are reported at their entry and skipped in %s", (_, text) => {
    const { documents, diagnostics } = ingestTexts([{ file: "r.yaml", text }], {
      cwd: "/",
    });
    expect(documents[0]!.endpoints[0]!.responses.map((r) => r.status)).toEqual([
      "500",
    ]);
    const invalid = diagnostics.filter((d) =>
      d.code.endsWith("/invalid-response"),
    );
    expect(invalid.map((d) => d.line)).toEqual([
      text.split("\n").findIndex((l) => l.includes('"200"')) + 1,
      text.split("\n").findIndex((l) => l.includes('"404"')) + 1,
    ]);
  });
});
