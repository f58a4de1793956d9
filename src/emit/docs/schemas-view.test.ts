import { describe, expect, it } from "vitest";
import type { NamedSchema, Schema } from "../../model/types.js";
import { schemaRef } from "../../model/schema/ref.js";
import { schemaIds, schemaViews } from "./schemas-view.js";

describe("schemaViews", () => {
  it("lists each property once, from the first part that declares it, in order", () => {
    const schema: Schema = {
      allOf: [
        { $ref: schemaRef("Base") },
        {
          properties: { a: { type: "string" }, b: { type: "integer" } },
          required: ["b"],
        },
        { properties: { b: { type: "boolean" }, c: {} }, required: ["c"] },
      ],
      properties: { a: { type: "number" }, d: { $ref: schemaRef("Base") } },
      required: ["a"],
    };
    const schemas: Record<string, NamedSchema> = {
      Base: { name: "Base", schema: { type: "object" }, sources: [] },
      Thing: { name: "Thing", schema, sources: [] },
    };
    const thing = schemaViews(schemas, schemaIds(schemas)).find(
      (v) => v.name === "Thing",
    )!;
    expect(thing.includes.map((l) => l.name)).toEqual(["Base"]);
    expect(
      thing.properties.map((p) => [p.name, p.type, p.required, p.link?.name]),
    ).toEqual([
      ["a", "string", false, undefined],
      ["b", "integer", true, undefined],
      ["c", "any", true, undefined],
      ["d", "Base", false, "Base"],
    ]);
  });

  it("reads a member's description and type from allOf: [$ref, {description}] (AWS's 353 documents)", () => {
    const described = (text: string): Schema => ({
      allOf: [{ $ref: schemaRef("Name") }, { description: text }],
    });
    const schemas: Record<string, NamedSchema> = {
      Name: { name: "Name", schema: { type: "string" }, sources: [] },
      Thing: {
        name: "Thing",
        schema: {
          ...described("A thing."),
          properties: {
            a: described("The a."),
            // its own description first; an allOf member that constrains is no description
            b: { ...described("not this"), description: "The b." },
            c: {
              allOf: [
                { $ref: schemaRef("Name") },
                { description: "not this either", maxLength: 3 },
              ],
            },
          },
        },
        sources: [],
      },
    };
    const thing = schemaViews(schemas, schemaIds(schemas)).find(
      (v) => v.name === "Thing",
    )!;
    expect(thing.description).toBe("A thing.");
    expect(
      thing.properties.map((p) => [p.name, p.type, p.description]),
    ).toEqual([
      ["a", "Name", "The a."],
      ["b", "Name", "The b."],
      ["c", "Name", undefined],
    ]);
  });
});
