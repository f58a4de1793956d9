import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import {
  loadValidators,
  typeCheck,
  type LoadedValidators,
} from "./generated.js";

/**
 * Schemas whose keywords end up checking nothing, or checking without reading what was set up
 * for them: the generated code declares nothing it does not use (a hoisted branch, a bound
 * pointer or value, a pattern or pointer constant, an imported named check), so it compiles
 * under noUnusedLocals and noUnusedParameters. Each was an unused declaration before the
 * validators recorded what their statements read.
 */
const LONG = "a-rather-long-property-name-here";
const SCHEMAS: Record<string, unknown> = {
  F: { type: "object", required: ["f"] },
  // if with nothing to do after it: its condition was hoisted into an unused function
  IfOnly: { if: { type: "string" }, then: {} },
  // minContains 0 and no maxContains: the contains branch was hoisted and never called
  ContainsNone: { type: "array", contains: { type: "string" }, minContains: 0 },
  // anyOf with a trivial member checks nothing: `const p1 = p + "/a"` was bound anyway
  AnyTrivial: {
    type: "object",
    properties: { a: { anyOf: [{}, { type: "string" }] } },
  },
  // a long property name's pointer constant was written for a property with nothing to check
  LongName: { type: "object", properties: { [LONG]: { description: "x" } } },
  // a pattern with nothing to check: its RegExp constant was written anyway
  PatternTrivial: { type: "object", patternProperties: { "^x-": {} } },
  // the item was bound to a local the `false` check never reads
  PrefixFalse: { type: "array", prefixItems: [false] },
  ItemsNever: { type: "array", items: { enum: [] } },
  Ctor: { type: "object", properties: { constructor: false } },
};

const SPEC = JSON.stringify({
  openapi: "3.1.0",
  info: { title: "Unused", version: "1" },
  paths: {
    "/x": {
      post: {
        operationId: "postX",
        requestBody: {
          content: {
            "application/json": {
              // a named check as the condition: it was imported into endpoints.ts unused
              schema: {
                type: "object",
                properties: {
                  g: { if: { $ref: "#/components/schemas/F" }, then: true },
                  h: { type: "string" },
                },
              },
            },
          },
        },
        responses: { "204": { description: "none" } },
      },
    },
  },
  components: { schemas: SCHEMAS },
});

let v: LoadedValidators & { dir: string };

beforeAll(async () => {
  const { model } = await generate([{ file: "unused.json", text: SPEC }], {
    artifacts: ["validators"],
  });
  v = await loadValidators(model, "unused");
});

describe("validators declare only what they use", () => {
  it("type-check with noUnusedLocals and noUnusedParameters", () => {
    expect(typeCheck(v.dir, { noUnusedParameters: true })).toBe("");
  });

  it.each([
    ["IfOnly", 1, true],
    ["ContainsNone", [1, 2], true],
    ["AnyTrivial", { a: 1 }, true],
    ["LongName", { [LONG]: 1 }, true],
    ["PatternTrivial", { "x-a": 1 }, true],
    ["PrefixFalse", [], true],
    ["PrefixFalse", [1], false],
    ["ItemsNever", [], true],
    ["ItemsNever", [1], false],
    ["Ctor", {}, true],
    ["Ctor", { constructor: 1 }, false],
  ])("%s accepts %j: %s", (name, value, valid) => {
    expect(v.schemas[name]!.is(value)).toBe(valid);
  });

  it("the endpoint still checks its other members", () => {
    const body = v.endpoints.postX!.body!;
    expect(body.is({ g: 1, h: "a" })).toBe(true);
    expect(body.is({ h: 1 })).toBe(false);
  });
});
