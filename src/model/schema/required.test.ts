import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allOfPropertyLookup,
  findProperty,
  requiredSplit,
  requiresDirectional,
} from "./schema.js";
import { schemaRef } from "./ref.js";
import type { NamedSchema, Schema } from "../types.js";

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

/** Named schemas a, b, c with these bodies. */
function named(bodies: Schema[]): Record<string, NamedSchema> {
  const schemas: Record<string, NamedSchema> = {};
  names.forEach((name, i) => {
    schemas[name] = { name, schema: bodies[i]!, sources: [] };
  });
  return schemas;
}

describe("requiredSplit without a property lookup", () => {
  it("is the split of findProperty asked afresh, per set of named schemas", () => {
    fc.assert(
      fc.property(
        fc.array(member, { minLength: 3, maxLength: 3 }),
        fc.array(member, { minLength: 3, maxLength: 3 }),
        schema,
        (bodies, others, s) => {
          // the same schema among two sets of named schemas: each answers for its own
          for (const schemas of [named(bodies), named(others)]) {
            const afresh = (name: string) => findProperty(schemas, s, name);
            const split = requiredSplit(schemas, s);
            expect(split).toEqual(requiredSplit(schemas, s, afresh));
            // the early-stopping scan, asked with the same lookup
            expect(requiresDirectional(schemas, s)).toBe(
              requiresDirectional(schemas, s, afresh),
            );
          }
        },
      ),
      { numRuns: 500, seed: 29 },
    );
  });
});

describe("requiresDirectional", () => {
  it("is true exactly when requiredSplit lists a name as readOnly or writeOnly", () => {
    fc.assert(
      fc.property(
        fc.array(member, { minLength: 3, maxLength: 3 }),
        schema,
        (bodies, s) => {
          const schemas = named(bodies);
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
