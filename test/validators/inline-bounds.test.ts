import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { emitted } from "../emitted.js";
import { outDir, writeFiles } from "./generated.js";

/**
 * Small named schemas are inlined where they are referenced, and an inlined one inlines its own:
 * chains of `allOf`s and trees of small schemas must still make code in proportion to the spec.
 */

type Schemas = Record<string, object>;

/** `A<i>`: `allOf` of `A<i-1>` and an object requiring `a<i>`, a string. */
function chain(n: number): Schemas {
  const schemas: Schemas = {};
  for (let i = 0; i < n; i++) {
    const own = {
      type: "object",
      required: [`a${i}`],
      properties: { [`a${i}`]: { type: "string" } },
    };
    schemas[`A${i}`] =
      i === 0
        ? own
        : { allOf: [{ $ref: `#/components/schemas/A${i - 1}` }, own] };
  }
  return schemas;
}

/** `T<level>N<j>`: `allOf` of the six schemas of the next level, each requiring its own `t…`. */
function tree(levels: number): Schemas {
  const schemas: Schemas = {};
  for (let level = 0; level < levels; level++)
    for (let j = 0; j < 6; j++) {
      const key = `t${level}_${j}`;
      schemas[`T${level}N${j}`] = {
        type: "object",
        required: [key],
        properties: { [key]: { type: "integer" } },
        ...(level + 1 < levels && {
          allOf: Array.from({ length: 6 }, (_, k) => ({
            $ref: `#/components/schemas/T${level + 1}N${k}`,
          })),
        }),
      };
    }
  return schemas;
}

function spec(schemas: Schemas, root: string): string {
  return JSON.stringify({
    openapi: "3.1.0",
    info: { title: "Inline bounds", version: "1" },
    paths: {
      "/x": {
        post: {
          operationId: "x",
          requestBody: {
            content: {
              "application/json": {
                schema: { $ref: `#/components/schemas/${root}` },
              },
            },
          },
          responses: { "204": { description: "none" } },
        },
      },
    },
    components: { schemas },
  });
}

async function checksOf(schemas: Schemas, root: string, name: string) {
  const { model } = await generate(
    [{ file: `${name}.json`, text: spec(schemas, root) }],
    { artifacts: ["validators"] },
  );
  const files = await emitted("validators", model, {});
  const dir = outDir(name);
  writeFiles(dir, files);
  const { schemas: checks } = await import(
    pathToFileURL(join(dir, "validators/schemas.ts")).href
  );
  const code = files.find((f) =>
    /^validators\/checks\.[jt]s$/.test(f.path),
  )!.contents;
  return { code, check: checks[root] as { is(value: unknown): boolean } };
}

describe("inlined schemas", () => {
  it("a chain of allOfs makes code in proportion to its length, and checks as it says", async () => {
    const small = await checksOf(chain(150), "A149", "inline-chain-150");
    const large = await checksOf(chain(300), "A299", "inline-chain-300");
    // each A<i> inlining every A<j> below it: 300 made four times 150's code (~8 MB)
    expect(large.code.length / small.code.length).toBeLessThan(2.5);
    expect(large.code.length).toBeLessThan(1_000_000);
    fc.assert(
      fc.property(
        fc.nat(299),
        fc.constantFrom("s", 1, null, "missing"),
        (at, odd) => {
          const value = Object.fromEntries(
            Array.from({ length: 300 }, (_, i) => [
              `a${i}`,
              i === at ? odd : "s",
            ]).filter(([, v]) => v !== "missing"),
          );
          // A299 holds when every a0…a299 is there and a string
          expect(large.check.is(value)).toBe(odd === "s");
        },
      ),
      { numRuns: 60 },
    );
  }, 120_000);

  it("a tree of small schemas, six under each, makes code in proportion to it", async () => {
    // inlined all the way down (6 + 36 + … + 6^5 inlined checks in T0N0 alone): 23 MB
    const { code, check } = await checksOf(tree(6), "T0N0", "inline-tree");
    expect(code.length).toBeLessThan(2_000_000);
    const all = Object.fromEntries(
      Array.from({ length: 36 }, (_, n) => [
        `t${Math.floor(n / 6)}_${n % 6}`,
        1,
      ]),
    );
    expect(check.is(all)).toBe(true);
    expect(check.is({ ...all, t5_3: "x" })).toBe(false);
    const { t4_2: _, ...missing } = all;
    expect(check.is(missing)).toBe(false);
  }, 120_000);
});
