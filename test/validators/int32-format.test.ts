import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import { loadValidators } from "./generated.js";

/**
 * The number format `int32` against ajv-formats (the formats Fastify's and Prism's ajv check):
 * an integer from -2^31 to 2^31 - 1, whether the schema says `integer` or `number`; a string
 * with that format is not judged by it. Named schemas run as code, an endpoint's query and body
 * through the plan's interpreter: both must answer as ajv does on every value.
 */
const addFormats = addFormatsModule as unknown as (
  ajv: Ajv2020,
  formats: string[],
) => void;

const INT32 = { type: "integer", format: "int32" };
const SCHEMAS = {
  Count: INT32,
  Ratio: { type: ["number", "null"], format: "int32" },
  Text: { type: "string", format: "int32" },
  Positive: { ...INT32, minimum: 0 },
};
const BODY = {
  type: "object",
  properties: { count: INT32, ratio: SCHEMAS.Ratio, text: SCHEMAS.Text },
};
const text = JSON.stringify({
  openapi: "3.1.0",
  info: { title: "int32", version: "1" },
  paths: {
    "/counts": {
      post: {
        operationId: "postCount",
        parameters: [{ name: "n", in: "query", schema: INT32 }],
        requestBody: { content: { "application/json": { schema: BODY } } },
        responses: { "204": { description: "none" } },
      },
    },
  },
  components: { schemas: SCHEMAS },
});

const ajv = new Ajv2020({ strict: false, validateFormats: true });
addFormats(ajv, ["int32"]);

const EDGES = [2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 0.5, -0];
const values = fc.oneof(
  fc.integer({ min: -(2 ** 32), max: 2 ** 32 }),
  fc.constantFrom(...EDGES, 1e21, 2 ** 53, -1.5, "12", null, true),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

describe("format: int32", () => {
  it("answers as ajv-formats does, as code and as the plan's interpreter", async () => {
    const model = loadModel([{ file: "int32.json", text }]);
    const { schemas, endpoints } = await loadValidators(model, "int32-format");
    const judges = Object.entries(SCHEMAS).map(
      ([name, schema]) => [schemas[name]!, ajv.compile(schema)] as const,
    );
    const body = ajv.compile(BODY);
    const query = ajv.compile({ type: "object", properties: { n: INT32 } });
    const part = endpoints["postCount"]!;
    fc.assert(
      fc.property(values, (value) => {
        for (const [ours, theirs] of judges)
          expect(ours.is(value), String(value)).toBe(theirs(value));
        for (const sent of [{ count: value, ratio: value }, { text: value }])
          expect(part["body"]!.is(sent)).toBe(body(sent));
        expect(part["query"]!.is({ n: value })).toBe(query({ n: value }));
      }),
      { numRuns: 2000, examples: EDGES.map((edge): [number] => [edge]) },
    );
    // not vacuous: each edge is judged both ways
    expect(EDGES.map((edge) => schemas["Count"]!.is(edge))).toEqual([
      true,
      false,
      true,
      false,
      false,
      true,
    ]);
    expect(schemas["Positive"]!.check(2 ** 31)).toEqual([
      { path: "", keyword: "format", message: "must be a 32-bit integer" },
    ]);
    expect(part["query"]!.check({ n: 2 ** 31 })).toEqual([
      { path: "/n", keyword: "format", message: "must be a 32-bit integer" },
    ]);
  });
});
