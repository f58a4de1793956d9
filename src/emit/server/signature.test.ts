import { describe, expect, it } from "vitest";
import { chatModel } from "../../../test/fixtures/server/chat-model.js";
import type { ApiModel } from "../../model/types.js";
import fc from "fast-check";
import {
  DOCUMENTATION_KEYWORDS,
  mapSubSchemas,
  type SubSchema,
} from "../../model/schema.js";
import { schemaRefName } from "../../model/schema-ref.js";
import { handlerSignature, strippedSchema } from "./signature.js";

const signatureOf = (model: ApiModel, name: string) =>
  handlerSignature(
    model,
    model.endpoints.find((e) => e.name === name)!,
  );

describe("handlerSignature", () => {
  it("is a 10-digit hex hash, equal for equal contracts", () => {
    const hash = signatureOf(chatModel(), "getMessage");
    expect(hash).toMatch(/^[0-9a-f]{10}$/);
    expect(signatureOf(chatModel(), "getMessage")).toBe(hash);
  });

  it.each<[string, (m: ApiModel) => void]>([
    ["a summary", (m) => (m.endpoints[5]!.summary = "new words")],
    [
      "a schema description",
      (m) => (m.schemas.Message!.schema.description = "new words"),
    ],
    [
      "a property description",
      (m) =>
        (m.schemas.Message!.schema.properties!.text!.description = "other"),
    ],
    [
      "a response description",
      (m) => (m.endpoints[5]!.responses[0]!.description = "x"),
    ],
    ["the sources", (m) => (m.endpoints[5]!.sources = [])],
  ])("ignores %s", (_name, change) => {
    const model = chatModel();
    const before = signatureOf(model, "getMessage");
    change(model);
    expect(signatureOf(model, "getMessage")).toBe(before);
  });

  it.each<[string, (m: ApiModel) => void]>([
    [
      "a parameter type",
      (m) => (m.endpoints[5]!.parameters.path[0]!.schema = { type: "string" }),
    ],
    [
      "a parameter becoming optional",
      (m) => (m.endpoints[5]!.parameters.path[0]!.required = false),
    ],
    [
      "a new response",
      (m) =>
        m.endpoints[5]!.responses.push({
          status: "410",
          description: "",
          content: [],
          sources: [],
        }),
    ],
    [
      "a referenced schema",
      (m) => (m.schemas.Message!.schema.properties!.text = { type: "integer" }),
    ],
    [
      "a property named like a documentation keyword",
      (m) =>
        (m.schemas.Message!.schema.properties!.description = {
          type: "string",
        }),
    ],
  ])("changes with %s", (_name, change) => {
    const model = chatModel();
    expect(model.endpoints[5]!.name).toBe("getMessage");
    const before = signatureOf(model, "getMessage");
    change(model);
    expect(signatureOf(model, "getMessage")).not.toBe(before);
  });

  it("follows a reference to a schema whose name holds a slash (ids/Id, written ids~1Id)", () => {
    const model = chatModel();
    model.schemas["ids/Id"] = {
      name: "ids/Id",
      schema: { type: "integer" },
      sources: [],
    };
    model.endpoints[5]!.parameters.path[0]!.schema = {
      $ref: "#/components/schemas/ids~1Id",
    };
    const before = signatureOf(model, "getMessage");
    model.schemas["ids/Id"]!.schema = { type: "string" };
    expect(signatureOf(model, "getMessage")).not.toBe(before);
  });

  it("keeps data as it is: an enum value's `description` member is part of the contract", () => {
    const model = chatModel();
    const text = model.schemas.Message!.schema.properties!.text!;
    text.enum = [{ description: "a" }];
    const before = signatureOf(model, "getMessage");
    text.enum = [{ description: "b" }];
    expect(signatureOf(model, "getMessage")).not.toBe(before);
  });

  it("does not change for an endpoint that does not use a changed schema", () => {
    const model = chatModel();
    const before = signatureOf(model, "listBotMessages");
    model.schemas.Message!.schema.properties!.text = { type: "integer" };
    expect(signatureOf(model, "listBotMessages")).toBe(before);
  });
});

// what the signature hashed before strip and canonical became one pass: a stripped copy of the
// schema (mapSubSchemas, documentation keywords deleted), then printed with sorted keys
function oldStripped(schema: SubSchema): { text: string; refs: Set<string> } {
  const refs = new Set<string>();
  const walk = (s: SubSchema): SubSchema => {
    if (typeof s !== "object" || s === null) return s;
    if (typeof s.$ref === "string") {
      const name = schemaRefName(s.$ref);
      if (name !== undefined) refs.add(name);
    }
    const out = mapSubSchemas(s, walk);
    for (const keyword of DOCUMENTATION_KEYWORDS) delete out[keyword];
    return out;
  };
  return { text: oldCanonical(walk(schema)), refs };
}

function oldCanonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oldCanonical).join(",")}]`;
  if (typeof value !== "object" || value === null)
    return JSON.stringify(value) ?? "null";
  const keys = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${oldCanonical((value as Record<string, unknown>)[k])}`).join(",")}}`;
}

describe("the stripped schema text a signature hashes", () => {
  const keyword = fc.constantFrom(
    "type",
    "description",
    "title",
    "default",
    "examples",
    "enum",
    "const",
    "properties",
    "patternProperties",
    "dependencies",
    "items",
    "allOf",
    "oneOf",
    "not",
    "additionalProperties",
    "$ref",
    "x-extra",
    "__proto__",
    "required",
  );
  const data = fc.jsonValue({ maxDepth: 2 });
  const schema: fc.Arbitrary<SubSchema> = fc.letrec<{ s: SubSchema }>(
    (tie) => ({
      s: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.boolean(),
        fc
          .array(
            fc.tuple(
              keyword,
              fc.oneof(
                tie("s"),
                fc.array(fc.oneof(tie("s"), data, fc.constant(undefined)), {
                  maxLength: 3,
                }),
                fc.dictionary(
                  fc.constantFrom("a", "description", "__proto__", "b"),
                  fc.oneof(tie("s"), data, fc.constant(undefined)),
                  { maxKeys: 3 },
                ),
                fc.constantFrom(
                  "#/components/schemas/A",
                  "#/components/schemas/B~1C",
                  "other.json#/x",
                ),
                data,
                fc.constant(undefined),
              ),
            ),
            { maxLength: 5 },
          )
          .map((members) => {
            const out: Record<string, unknown> = {};
            for (const [k, v] of members)
              Object.defineProperty(out, k, {
                value: v,
                enumerable: true,
                writable: true,
                configurable: true,
              });
            return out as SubSchema;
          }),
      ),
    }),
  ).s;

  it("is the text of the schema stripped, then printed with sorted keys, and finds the same references", () => {
    fc.assert(
      fc.property(schema, (s) => {
        const now = strippedSchema(s);
        const before = oldStripped(s);
        expect(now.text).toBe(before.text);
        expect([...now.refs].sort()).toEqual([...before.refs].sort());
      }),
      { numRuns: 2000, seed: 29 },
    );
  });
});
