import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isMap,
  isSubSchema,
  mapSubSchemas,
  SCHEMA_KEYWORDS,
  SCHEMA_LIST_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
  walkSchemaNodes,
  type SubSchema,
} from "./walk.js";
import type { Schema } from "../types.js";

/**
 * The direct sub-schemas as the keyword sets find them, with their keyword and key: a list under
 * a list keyword, else one sub-schema under a one keyword, else a map under a map keyword (the
 * classification before the kinds table).
 */
function oldSites(schema: SubSchema): [string, unknown, SubSchema][] {
  const ONE = new Set<string>(SCHEMA_KEYWORDS);
  const LIST = new Set<string>(SCHEMA_LIST_KEYWORDS);
  const MAP = new Set<string>(SCHEMA_MAP_KEYWORDS);
  const out: [string, unknown, SubSchema][] = [];
  if (!isMap(schema)) return out;
  for (const keyword of Object.keys(schema)) {
    const value = schema[keyword];
    if (Array.isArray(value)) {
      if (LIST.has(keyword))
        value.forEach((item, key) => {
          if (isSubSchema(item)) out.push([keyword, key, item]);
        });
    } else if (ONE.has(keyword)) {
      if (isSubSchema(value)) out.push([keyword, undefined, value]);
    } else if (MAP.has(keyword) && isMap(value))
      for (const key of Object.keys(value)) {
        const item = value[key];
        if (isSubSchema(item)) out.push([keyword, key, item]);
      }
  }
  return out;
}

describe("walkSchemaNodes", () => {
  it("walks in the order of a stack of schemas over their sub-schemas (its first form)", () => {
    // the walk before it pushed sites straight onto one stack: the oracle for order and sites
    const oldWalk = (
      schema: SubSchema | undefined,
      visit: (s: SubSchema) => boolean | void,
    ) => {
      const seen = new Set<object>();
      const stack: SubSchema[] = [schema!];
      while (stack.length > 0) {
        const current = stack.pop()!;
        if (typeof current === "object") {
          if (seen.has(current)) continue;
          seen.add(current);
        }
        if (visit(current) === false) continue;
        const children = oldSites(current);
        for (let i = children.length - 1; i >= 0; i--)
          stack.push(children[i]![2]);
      }
    };
    const leaf = fc.oneof(
      fc.boolean(),
      fc.constantFrom<SubSchema>({ type: "string" }, {}),
    );
    const tree = fc.letrec<{ s: SubSchema }>((tie) => ({
      s: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        leaf,
        fc.record(
          {
            properties: fc.dictionary(fc.string({ maxLength: 2 }), tie("s"), {
              maxKeys: 3,
            }),
            allOf: fc.array(fc.oneof(tie("s"), fc.constant(3)), {
              maxLength: 3,
            }),
            items: tie("s"),
            not: tie("s"),
            enum: fc.constant([{ type: "x" }]),
          },
          { requiredKeys: [] },
        ) as fc.Arbitrary<SubSchema>,
      ),
    })).s;
    fc.assert(
      fc.property(tree, fc.nat(5), (t, skipEvery) => {
        // a shared sub-tree too, visited once
        const root = { allOf: [t, t], properties: { x: t } } as Schema;
        const record = (walk: typeof walkSchemaNodes) => {
          const seen: unknown[] = [];
          let n = 0;
          walk(root, (s) => {
            seen.push(s);
            return skipEvery === 0 || ++n % skipEvery !== 0;
          });
          return seen;
        };
        const now = record(walkSchemaNodes);
        const before = record(oldWalk);
        expect(now.length).toBe(before.length);
        now.forEach((s, i) => expect(s).toBe(before[i]));
      }),
      { numRuns: 500, seed: 29 },
    );
  });
});

describe("mapSubSchemas", () => {
  it("maps the sub-schemas the keyword sets found, one lookup per keyword", () => {
    const keyword = fc.constantFrom(
      ...SCHEMA_KEYWORDS,
      ...SCHEMA_LIST_KEYWORDS,
      ...SCHEMA_MAP_KEYWORDS,
      "type",
      "enum",
      "default",
      "constructor",
      "__proto__",
    );
    const value = fc.oneof(
      fc.constantFrom<unknown>(true, 3, "s", null, { type: "string" }),
      fc.array(fc.constantFrom<unknown>(true, 3, { type: "integer" }), {
        maxLength: 3,
      }),
      fc.dictionary(
        // index-like names too: an object lists them first, in number order
        fc.constantFrom("a", "b", "10", "2"),
        fc.constantFrom<unknown>(false, 1, { type: "null" }),
      ),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(keyword, value), { maxLength: 6 }),
        (entries) => {
          const schema: Record<string, unknown> = {};
          for (const [k, v] of entries)
            Object.defineProperty(schema, k, {
              value: v,
              enumerable: true,
              writable: true,
              configurable: true,
            });
          const want = oldSites(schema as Schema).map(([, , sub]) => sub);
          const mappedAt: unknown[] = [];
          mapSubSchemas(schema as Schema, (sub) => {
            mappedAt.push(sub);
            return sub;
          });
          expect(mappedAt).toEqual(want);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
