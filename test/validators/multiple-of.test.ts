import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { multiple } from "../../templates/validators/runtime.js";
import { loadValidators, type LoadedValidators } from "./generated.js";

/**
 * `multipleOf` of the decimals a spec and a payload write, as JSON Schema means it: 19.99 is a
 * multiple of 0.01, though 19.99 / 0.01 is 1998.9999999999998 in binary (a held-out hunt's find:
 * the validators refused such amounts). The oracle is integer arithmetic: each case is made as
 * k × m units of 10^-d, a multiple by construction, and a near miss one digit further down.
 */
let validators: LoadedValidators;

beforeAll(async () => {
  const spec = {
    openapi: "3.1.0",
    info: { title: "multipleOf", version: "1" },
    paths: {
      "/prices": {
        get: {
          operationId: "prices",
          // an endpoint's part is checked by the validators' plan, a named schema by its code
          parameters: [
            {
              name: "cents",
              in: "query",
              schema: { type: "number", multipleOf: 0.01 },
            },
          ],
          responses: { "200": { description: "ok" } },
        },
      },
    },
    components: {
      schemas: { Cents: { type: "number", multipleOf: 0.01 } },
    },
  };
  const { model } = await generate(
    [{ file: "spec.json", text: JSON.stringify(spec) }],
    { artifacts: ["validators"] },
  );
  validators = await loadValidators(model, "multiple-of");
});

/** `digits` × 10^-scale as the JSON number a payload would write. */
const number = (digits: bigint, scale: number): number =>
  JSON.parse(`${digits}e-${scale}`) as number;

const cases = fc.record({
  k: fc.bigInt({ min: -(10n ** 9n), max: 10n ** 9n }),
  unit: fc.bigInt({ min: 1n, max: 999n }),
  scale: fc.integer({ min: 0, max: 8 }),
});

describe("multipleOf by a decimal", () => {
  it("accepts every multiple and refuses every near miss (runtime helper)", () => {
    fc.assert(
      fc.property(cases, ({ k, unit, scale }) => {
        const v = number(unit, scale);
        expect(multiple(number(k * unit, scale), v)).toBe(true);
        // one more digit that is not 0: never a multiple of `unit` units
        expect(multiple(number(k * unit * 10n + 3n, scale + 1), v)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("the generated code and plan give the schema's verdicts", () => {
    const code = validators.schemas.Cents!;
    const plan = validators.endpoints.prices!.query!;
    for (const [value, valid] of [
      [19.99, true],
      [0.07, true],
      [4.35, true],
      [-1234567.89, true],
      [1e21, true],
      [19.995, false],
      [0.0075, false],
      [1e-7, false],
    ] as const) {
      expect(code.is(value), `code ${value}`).toBe(valid);
      expect(plan.is({ cents: value }), `plan ${value}`).toBe(valid);
    }
  });
});
