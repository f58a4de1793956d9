import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allOfPropertyLookup,
  requiredSplit,
  requiresDirectional,
} from "./schema.js";
import { schemaRef } from "./schema-ref.js";
import type { NamedSchema, Schema } from "./types.js";

describe("requiresDirectional", () => {
  it("is true exactly when requiredSplit lists a name as readOnly or writeOnly", () => {
    const names = ["a", "b", "c"];
    // a member: flagged itself, a reference to a flagged named schema, or plain
    const member = fc.oneof(
      fc.record(
        { readOnly: fc.boolean(), writeOnly: fc.boolean() },
        { requiredKeys: [] },
      ),
      fc.constantFrom(...names).map((n) => ({ $ref: schemaRef(n) })),
    );
    const object = fc.record(
      {
        required: fc.array(fc.oneof(fc.constantFrom("x", "y", "z"), fc.nat()), {
          maxLength: 20,
        }),
        properties: fc.dictionary(fc.constantFrom("x", "y"), member, {
          maxKeys: 2,
        }),
      },
      { requiredKeys: [] },
    );
    const schema = fc.oneof(
      object,
      fc.record({
        allOf: fc.array(object, { maxLength: 3 }),
        required: fc.constant(["y", "z"]),
      }),
    ) as fc.Arbitrary<Schema>;
    fc.assert(
      fc.property(
        fc.array(member, { minLength: 3, maxLength: 3 }),
        schema,
        (bodies, s) => {
          const schemas: Record<string, NamedSchema> = {};
          names.forEach((name, i) => {
            schemas[name] = { name, schema: bodies[i]!, sources: [] };
          });
          const differs = (split: ReturnType<typeof requiredSplit>) =>
            split.notInRequest.length > 0 || split.notInResponse.length > 0;
          expect(requiresDirectional(schemas, s)).toBe(
            differs(requiredSplit(schemas, s)),
          );
          const allOf = Array.isArray(s.allOf) ? (s.allOf as Schema[]) : [];
          allOf.forEach((m, i) => {
            const lookup = allOfPropertyLookup(schemas, allOf, i);
            expect(requiresDirectional(schemas, m, lookup)).toBe(
              differs(requiredSplit(schemas, m, lookup)),
            );
          });
        },
      ),
      { numRuns: 1000, seed: 29 },
    );
  });
});
