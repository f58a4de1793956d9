import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { schemaFacts } from "../../emit/type-index/write-variants.js";
import { recursiveSchemaNames } from "./recursion.js";
import { refTarget, schemaRef } from "./ref.js";
import { walkSchemaNodes } from "./walk.js";
import type { NamedSchema, Schema } from "../types.js";

/** The oracle: the named schemas that reach themselves, by a walk of each and a search. */
function reachingThemselves(
  schemas: Readonly<Record<string, NamedSchema>>,
): string[] {
  const targets = (name: string) => {
    const out = new Set<string>();
    walkSchemaNodes(schemas[name]!.schema, (s) => {
      const ref = typeof s === "object" ? s.$ref : undefined;
      const target = typeof ref === "string" && refTarget(schemas, ref);
      if (target) out.add(target.name);
    });
    return out;
  };
  return Object.keys(schemas).filter((name) => {
    const seen = new Set<string>();
    const todo = [...targets(name)];
    while (todo.length > 0) {
      const next = todo.pop()!;
      if (next === name) return true;
      if (seen.has(next)) continue;
      seen.add(next);
      todo.push(...targets(next));
    }
    return false;
  });
}

describe("recursiveSchemaNames from references already collected", () => {
  it("names the schemas that reach themselves (escaped, dangling and foreign references too)", () => {
    const names = ["A", "B", "a/b", "c~d", "__proto__", "E"];
    // a reference: to a named schema, to a missing one, or not into the named schemas at all
    const ref = fc.oneof(
      fc.constantFrom(...names).map((n) => ({ $ref: schemaRef(n) })),
      fc.constant({ $ref: schemaRef("Missing") }),
      fc.constant({ $ref: "#/definitions/A" }),
    );
    const schema = fc.letrec<{ s: Schema }>((tie) => ({
      s: fc.oneof(
        { depthSize: "small" },
        ref,
        fc.constant<Schema>({ type: "string" }),
        fc.record(
          {
            properties: fc.dictionary(fc.constantFrom("x", "y"), tie("s"), {
              maxKeys: 2,
            }),
            allOf: fc.array(tie("s"), { maxLength: 2 }),
            items: tie("s"),
            enum: fc.constant<unknown[]>([{ $ref: schemaRef("A") }]),
          },
          { requiredKeys: [] },
        ),
      ),
    })).s;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...names)),
        fc.array(schema, { minLength: names.length, maxLength: names.length }),
        (present, bodies) => {
          const schemas: Record<string, NamedSchema> = {};
          present.forEach((name, i) =>
            Object.defineProperty(schemas, name, {
              value: { name, schema: bodies[i]!, sources: [] },
              enumerable: true,
            }),
          );
          const given = recursiveSchemaNames(
            schemas,
            schemaFacts(schemas).refs,
          );
          expect([...given].sort()).toEqual(reachingThemselves(schemas).sort());
        },
      ),
      { numRuns: 500, seed: 29 },
    );
  });
});
