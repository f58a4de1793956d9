import { describe, expect, it } from "vitest";
import { loadModel } from "../../pipeline.js";
import { ARTIFACT_PATHS } from "../registry.js";
import { loadDocsTemplates, docsHelpers } from "./templates.js";
import { buildDocsView } from "./view.js";
import type { DocsView } from "./view-types.js";

// Endpoints that show the same rows share the view's objects (the own templates make a table once
// per list); what the pages say must not depend on it.
const select = {
  name: "$select",
  in: "query",
  description: "Select properties",
  schema: { type: "array", items: { enum: ["id", "name"] } },
};
const error = {
  description: "error",
  content: {
    "application/json": { schema: { $ref: "#/components/schemas/Error" } },
  },
};
const get = (id: string, extra: object[] = []) => ({
  get: {
    parameters: [
      { name: id, in: "path", required: true, schema: { type: "string" } },
      { ...select },
      ...extra,
    ],
    responses: { "200": { description: "OK" }, "4XX": { ...error } },
  },
});
const spec = {
  openapi: "3.0.3",
  info: { title: "Shared", version: "1" },
  paths: {
    "/a/{id}": get("id"),
    "/b/{id}": get("id"),
    "/c/{key}": get("key"),
    "/d/{id}": get("id", [{ ...select, name: "$expand" }]),
    "/e/{id}": {
      get: {
        ...get("id").get,
        parameters: [
          get("id").get.parameters[0],
          { ...select, description: "Other words" },
        ],
      },
    },
  },
  components: {
    schemas: {
      Error: { type: "object", properties: { message: { type: "string" } } },
    },
  },
};

function view(): DocsView {
  const model = loadModel([{ file: "s.json", text: JSON.stringify(spec) }]);
  return buildDocsView(model, { paths: ARTIFACT_PATHS });
}

describe("the docs view's parameter and response views", () => {
  it("are one object for endpoints that show the same rows", () => {
    const byPath = new Map(view().endpoints.map((e) => [e.path, e]));
    const [a, b, c, d, e] = [
      "a/{id}",
      "b/{id}",
      "c/{key}",
      "d/{id}",
      "e/{id}",
    ].map((p) => byPath.get(`/${p}`)!);
    expect(b!.parameters).toBe(a!.parameters);
    expect(b!.responses).toBe(a!.responses);
    // another path parameter: another list, the same `$select` row
    expect(c!.parameters).not.toBe(a!.parameters);
    expect(c!.parameters[1]).toBe(a!.parameters[1]);
    expect(d!.parameters.slice(0, 2)).toEqual(a!.parameters);
    expect(d!.parameters[1]).toBe(a!.parameters[1]);
    // a row that says something else is its own
    expect(e!.parameters[1]).not.toBe(a!.parameters[1]);
    expect(e!.parameters[1]!.description).toBe("Other words");
    expect(c!.responses).toBe(a!.responses);
  });

  it("make the same pages as a view that shares nothing", async () => {
    const shared = view();
    const own = JSON.parse(JSON.stringify(shared)) as DocsView;
    expect(own.endpoints[1]!.parameters).not.toBe(own.endpoints[0]!.parameters);
    const { markdown, html, assets } = await loadDocsTemplates();
    for (const tag of shared.tags)
      expect(markdown.tagPage(shared, tag, docsHelpers)).toBe(
        markdown.tagPage(own, own.tags[shared.tags.indexOf(tag)]!, docsHelpers),
      );
    expect(html.htmlPage(shared, docsHelpers, assets)).toBe(
      html.htmlPage(own, docsHelpers, assets),
    );
  });
});
