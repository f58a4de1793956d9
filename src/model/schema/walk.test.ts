import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isMap,
  isSubSchema,
  mapSubSchemas,
  SCHEMA_KEYWORDS,
  SCHEMA_LIST_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
  subSchemas,
  walkSchema,
  walkSchemaNodes,
  type SubSchema,
  type SubSchemaSite,
} from "./walk.js";
import type { Schema } from "../types.js";

describe("walkSchema", () => {
  it("walks in the order of a stack of [schema, site] pairs over subSchemas (its first form)", () => {
    // the walk before it pushed sites straight onto one stack: the oracle for order and sites
    const oldWalk = (
      schema: SubSchema | undefined,
      visit: (s: SubSchema, site: SubSchemaSite | undefined) => boolean | void,
    ) => {
      const seen = new Set<object>();
      const stack: [SubSchema, SubSchemaSite | undefined][] = [
        [schema!, undefined],
      ];
      while (stack.length > 0) {
        const [current, site] = stack.pop()!;
        if (typeof current === "object") {
          if (seen.has(current)) continue;
          seen.add(current);
        }
        if (visit(current, site) === false) continue;
        const children = subSchemas(current);
        for (let i = children.length - 1; i >= 0; i--)
          stack.push([children[i]!.schema, children[i]]);
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
        const record = (walk: typeof walkSchema) => {
          const seen: unknown[] = [];
          let n = 0;
          walk(root, (s, site) => {
            seen.push([s, site?.keyword, site?.key, site?.schema === s]);
            return skipEvery === 0 || ++n % skipEvery !== 0;
          });
          return seen;
        };
        const now = record(walkSchema);
        const before = record(oldWalk);
        // the walk without sites: the same schemas, in the same order, skips included
        const bare: unknown[] = [];
        let m = 0;
        walkSchemaNodes(root, (s) => {
          bare.push(s);
          return skipEvery === 0 || ++m % skipEvery !== 0;
        });
        expect(bare.length).toBe(now.length);
        bare.forEach((s, i) => expect(s).toBe((now[i] as unknown[])[0]));
        expect(now.length).toBe(before.length);
        now.forEach((entry, i) => {
          const [s, ...rest] = entry as unknown[];
          const [s0, ...rest0] = before[i] as unknown[];
          expect(s).toBe(s0);
          expect(rest).toEqual(rest0);
        });
      }),
      { numRuns: 500, seed: 29 },
    );
  });
});

describe("subSchemas and mapSubSchemas", () => {
  it("find the sub-schemas the keyword sets found, one lookup per keyword", () => {
    // the classification before the kinds table: a list under a list keyword, else one
    // sub-schema under a one keyword, else a map under a map keyword
    const ONE = new Set<string>(SCHEMA_KEYWORDS);
    const LIST = new Set<string>(SCHEMA_LIST_KEYWORDS);
    const MAP = new Set<string>(SCHEMA_MAP_KEYWORDS);
    const oldSites = (schema: Schema) => {
      const out: unknown[] = [];
      for (const keyword of Object.keys(schema)) {
        const value = (schema as Record<string, unknown>)[keyword];
        if (Array.isArray(value)) {
          if (LIST.has(keyword))
            value.forEach((item, key) => {
              if (isSubSchema(item)) out.push([keyword, key, item]);
            });
        } else if (ONE.has(keyword)) {
          if (isSubSchema(value)) out.push([keyword, undefined, value]);
        } else if (MAP.has(keyword) && isMap(value))
          for (const key of Object.keys(value))
            if (isSubSchema(value[key])) out.push([keyword, key, value[key]]);
      }
      return out;
    };
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
          const want = oldSites(schema as Schema);
          const sites = subSchemas(schema as Schema).map((s) => [
            s.keyword,
            s.key,
            s.schema,
          ]);
          expect(sites).toEqual(want);
          const mappedAt: unknown[] = [];
          mapSubSchemas(schema as Schema, (sub, site) => {
            mappedAt.push([site.keyword, site.key, sub]);
            return sub;
          });
          expect(mappedAt).toEqual(want);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
