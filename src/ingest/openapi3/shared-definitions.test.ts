import { describe, expect, it } from "vitest";
import { ingestTexts } from "../index.js";
import type { DocumentModel } from "../../model/types.js";

/**
 * Responses (and parameters) that many operations reach through one `$ref` are read once and
 * shared between the entries: the endpoints must be those of the same document with every such
 * `$ref` replaced by a copy of what it refers to, where each entry is read on its own.
 */

const components = {
  responses: {
    Ok: {
      description: "fine",
      content: {
        "application/json": {
          // `example` and `nullable` make the converter copy the schema
          schema: {
            type: "object",
            nullable: true,
            properties: { id: { type: "integer", example: 3 } },
          },
          examples: { one: { summary: "one", value: { id: 1 } } },
        },
      },
      headers: {
        "X-Rate": { schema: { type: "integer" }, description: "left" },
      },
    },
    Err: {
      description: "failed",
      content: {
        "application/json": { schema: { $ref: "#/components/schemas/E" } },
      },
    },
  },
  parameters: {
    Page: {
      name: "page",
      in: "query",
      description: "which page",
      schema: { type: "integer", nullable: true, example: 2 },
      style: "form",
      explode: false,
      allowReserved: true,
      deprecated: true,
      example: 1,
      "x-note": "kept",
    },
    Owner: {
      name: "owner",
      in: "path",
      required: true,
      content: { "application/json": { schema: { type: "string" } } },
    },
    Sort: {
      name: "sort",
      in: "query",
      style: "matrix",
      schema: { type: "string" },
      examples: { asc: { value: "asc" } },
    },
  },
  schemas: {
    E: { type: "object", properties: { message: { type: "string" } } },
  },
};

const accept = {
  name: "Accept",
  in: "header",
  schema: { type: "string", enum: ["application/xml"] },
};

function spec(inline: boolean): string {
  const ref = (name: "Ok" | "Err") =>
    inline
      ? structuredClone(components.responses[name])
      : { $ref: `#/components/responses/${name}` };
  const parameter = (name: "Page" | "Owner" | "Sort", description?: string) =>
    inline
      ? {
          ...structuredClone(components.parameters[name]),
          ...(description === undefined ? {} : { description }),
        }
      : {
          $ref: `#/components/parameters/${name}`,
          ...(description === undefined ? {} : { description }),
        };
  const op = (id: string, extra: Record<string, unknown> = {}) => ({
    operationId: id,
    parameters: [
      parameter("Owner"),
      parameter("Page", id === "c" ? "the page of c" : undefined),
      parameter("Sort"),
    ],
    responses: { "200": ref("Ok"), "404": ref("Err"), default: ref("Err") },
    ...extra,
  });
  return JSON.stringify(
    {
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        // an Accept header adds its media type to this operation's success responses only
        "/{owner}/b": {
          get: op("b", {
            parameters: [parameter("Owner"), parameter("Sort"), accept],
          }),
        },
        "/{owner}/c": { get: op("c"), post: op("c2") },
        "/{owner}/a": { get: op("a") },
      },
      components,
    },
    null,
    2,
  );
}

/** The line of the first occurrence of `text`. */
function lineOf(spec: string, text: string): number {
  return spec.slice(0, spec.indexOf(text)).split("\n").length;
}

/** The endpoints without lines and columns (the inlined text has more lines). */
function endpointsOf(document: DocumentModel): string {
  return JSON.stringify(document.endpoints, (key, value: unknown) =>
    key === "line" || key === "column" ? undefined : value,
  );
}

describe("responses and parameters reached through one $ref", () => {
  const read = (inline: boolean) =>
    ingestTexts([{ file: "shared.json", text: spec(inline) }]);

  it("read as the same document with each $ref replaced by a copy", () => {
    const shared = read(false);
    const inlined = read(true);
    expect(endpointsOf(shared.documents[0]!)).toBe(
      endpointsOf(inlined.documents[0]!),
    );
    // a problem of a definition is reported once, at the definition
    expect(shared.diagnostics.map((d) => `${d.code} ${d.line}`)).toEqual([
      `openapi3/invalid-style ${lineOf(spec(false), '"style": "matrix"')}`,
    ]);
    expect(inlined.diagnostics.length).toBe(4);
  });

  it("give each response a content list of its own", () => {
    const [document] = read(false).documents;
    const types = (path: string) =>
      document!.endpoints
        .find((e) => e.path === path && e.method === "get")!
        .responses.find((r) => r.status === "200")!
        .content.map((c) => c.mediaType);
    expect(types("/{owner}/b")).toEqual([
      "application/json",
      "application/xml",
    ]);
    expect(types("/{owner}/a")).toEqual(["application/json"]);
    expect(types("/{owner}/c")).toEqual(["application/json"]);
  });
});
