import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allOfPropertyLookup,
  requiresDirectional,
  walkSchemaNodes,
} from "../../model/schema/schema.js";
import { schemaRefName } from "../../model/schema/ref.js";
import type { NamedSchema, Schema } from "../../model/types.js";
import { schemaFacts } from "./write-variants.js";

// schemaFacts' walk as first written (a closure for "requires something", allOf.forEach): the
// oracle of the one whose visit writes those checks out
function oldFacts(schemas: Record<string, NamedSchema>) {
  const refs = new Map<string, Set<string>>();
  const directional = new Set<string>();
  const binary = new Set<string>();
  for (const [name, named] of Object.entries(schemas)) {
    const found = new Set<string>();
    let flagged = false;
    let isBinary = false;
    const requires = (s: Schema) =>
      Array.isArray(s.required) && s.required.length > 0;
    walkSchemaNodes(named.schema, (s) => {
      if (typeof s !== "object") return;
      if (typeof s.$ref === "string") {
        const target = schemaRefName(s.$ref);
        if (target !== undefined) found.add(target);
      }
      if (s.format === "binary") isBinary = true;
      if (flagged) return;
      if (requires(s) && requiresDirectional(schemas, s)) flagged = true;
      const allOf = s.allOf;
      if (Array.isArray(allOf))
        allOf.forEach((member, i) => {
          if (
            typeof member === "object" &&
            requires(member) &&
            requiresDirectional(
              schemas,
              member,
              allOfPropertyLookup(schemas, allOf, i),
            )
          )
            flagged = true;
        });
    });
    if (flagged) directional.add(name);
    if (isBinary) binary.add(name);
    refs.set(name, found);
  }
  return { refs, directional, binary };
}

const NAMES = ["A", "B", "C", "D"];
const PROPS = ["id", "name", "secret"];

const { schema } = fc.letrec<{ schema: Schema; leaf: Schema }>((tie) => ({
  leaf: fc.oneof(
    fc.record(
      {
        type: fc.constantFrom("string", "integer"),
        format: fc.constantFrom("binary", "date"),
        readOnly: fc.boolean(),
        writeOnly: fc.boolean(),
      },
      { requiredKeys: ["type"] },
    ),
    fc
      .constantFrom(...NAMES, "Missing")
      .map((n) => ({ $ref: `#/components/schemas/${n}` })),
  ),
  schema: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("leaf"),
    fc
      .record(
        {
          type: fc.constant("object"),
          properties: fc.dictionary(fc.constantFrom(...PROPS), tie("schema"), {
            maxKeys: 3,
          }),
          required: fc.uniqueArray(fc.constantFrom(...PROPS), { maxLength: 3 }),
          allOf: fc.array(fc.oneof(tie("schema"), fc.boolean()), {
            maxLength: 3,
          }),
          items: tie("schema"),
        },
        { requiredKeys: [] },
      )
      .map((s) => s as Schema), // allOf members may be boolean schemas
  ),
})) as { schema: fc.Arbitrary<Schema> };

const named = fc
  .uniqueArray(fc.constantFrom(...NAMES), { minLength: 1 })
  .chain((names) =>
    fc.tuple(...names.map(() => schema)).map((list) => {
      const out: Record<string, NamedSchema> = {};
      names.forEach((name, i) => {
        out[name] = { name, schema: list[i]!, sources: [] } as NamedSchema;
      });
      return out;
    }),
  );

describe("schemaFacts", () => {
  it("finds what the walk with closures found", () => {
    let directional = 0;
    fc.assert(
      fc.property(named, (schemas) => {
        const facts = schemaFacts(schemas);
        const want = oldFacts(schemas);
        expect(facts.refs).toEqual(want.refs);
        expect(facts.directional).toEqual(want.directional);
        expect(facts.binary).toEqual(want.binary);
        directional += facts.directional.size;
      }),
      { numRuns: 1000, seed: 29 },
    );
    // the inputs reach the directional rule, the allOf members' included
    expect(directional).toBeGreaterThan(100);
  });

  it("finds a required name an allOf member leaves to its sibling", () => {
    const schemas = {
      A: {
        name: "A",
        schema: {
          allOf: [
            { required: ["id"] },
            { properties: { id: { type: "string", readOnly: true } } },
          ],
        },
        sources: [],
      } as unknown as NamedSchema,
      B: {
        name: "B",
        schema: { allOf: [{ required: ["id"] }, { properties: { id: {} } }] },
        sources: [],
      } as unknown as NamedSchema,
    };
    expect(schemaFacts(schemas).directional).toEqual(new Set(["A"]));
    expect(oldFacts(schemas).directional).toEqual(new Set(["A"]));
  });
});
