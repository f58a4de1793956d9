import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { typeCheck } from "../server/generated.js";
import { expectNoCrash, FIXTURES, generateInto, outDir } from "./cli.js";

/**
 * Class 3 of issue 10: `__proto__`, `constructor`, `prototype`, `hasOwnProperty`, `toString` as
 * schema names, property names, parameters, `required`, enum values, examples, extension keys,
 * security schemes, headers, server variables, Postman variables and through YAML merge keys.
 */
const FIXTURE_FILES = [
  "proto.openapi.yaml",
  "proto.swagger.json",
  "proto.postman.json",
  // found by the fuzz test: object members named toString in the server's route table
  "proto-query-object.openapi.yaml",
] as const;

function openapiOf(out: string): Record<string, any> {
  return JSON.parse(readFileSync(join(out, "openapi.json"), "utf8"));
}

describe("prototype member names in specs", () => {
  for (const file of FIXTURE_FILES) {
    it(`${file}: generated normally, and the output compiles under --strict`, () => {
      const out = outDir(`proto-${file}`);
      const run = generateInto(out, join(FIXTURES, file));
      expectNoCrash(run);
      expect(run.code, run.stderr).toBe(0);
      const check = typeCheck(out);
      expect(check.output).toBe("");
      expect(check.ok).toBe(true);
    });
  }

  it("keeps every such name as an ordinary member in the OpenAPI output", () => {
    const out = outDir("proto-openapi-members");
    const run = generateInto(out, join(FIXTURES, "proto.openapi.yaml"));
    expect(run.code, run.stderr).toBe(0);
    const doc = openapiOf(out);
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas)).toEqual(
      expect.arrayContaining([
        "__proto__",
        "constructor",
        "hasOwnProperty",
        "prototype",
        "toString",
      ]),
    );
    expect(Object.hasOwn(schemas, "__proto__")).toBe(true);
    expect(Object.keys(schemas.__proto__.properties)).toEqual([
      "__proto__",
      "constructor",
      "hasOwnProperty",
      "toString",
      "prototype",
    ]);
    expect(schemas.__proto__.required).toEqual([
      "__proto__",
      "constructor",
      "hasOwnProperty",
    ]);
    expect(Object.hasOwn(schemas.__proto__, "x-__proto__")).toBe(true);
    // the YAML merge key `<<` is applied, and the merged `__proto__` property is a member
    expect(Object.keys(schemas.toString.properties)).toEqual([
      "__proto__",
      "toString",
    ]);
    expect(schemas.toString.required).toEqual(["__proto__"]);
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual([
      "__proto__",
      "constructor",
    ]);
    const get = doc.paths["/x/{__proto__}"].get;
    expect(get.parameters.map((p: { name: string }) => p.name)).toEqual([
      "__proto__",
      "constructor",
      "toString",
    ]);
    expect(Object.keys(get.responses["200"].headers)).toEqual([
      "__proto__",
      "constructor",
    ]);
    const example = get.responses["200"].content["application/json"].example;
    expect(Object.keys(example)).toEqual(["__proto__", "constructor"]);
    expect(Object.keys(doc.servers[0].variables)).toEqual(["__proto__"]);
  });

  it("never writes `__proto__` as a plain key of an object literal in generated code", () => {
    const out = outDir("proto-literals");
    const run = generateInto(out, join(FIXTURES, "proto.openapi.yaml"));
    expect(run.code, run.stderr).toBe(0);
    const client = readFileSync(join(out, "client/index.ts"), "utf8");
    expect(client).toContain(
      `["__proto__"]: { type: "apiKey", in: "header", name: "__proto__" },`,
    );
    expect(client).not.toMatch(/^\s*"?__proto__"?\s*:/m);
  });

  it("changes no prototype: Object.prototype stays clean and every object in the model is plain", async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    for (const file of FIXTURE_FILES) {
      const result = await generate([join(FIXTURES, file)], { cwd: FIXTURES });
      expect(result.files.length).toBeGreaterThan(0);
      const strange = objectsWithOddPrototypes(result.model);
      expect(strange).toEqual([]);
    }
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.toString.call([])).toBe("[object Array]");
  });
});

/** Paths of objects whose prototype is neither Object.prototype, Array.prototype nor null. */
function objectsWithOddPrototypes(root: unknown): string[] {
  const odd: string[] = [];
  const seen = new Set<object>();
  const stack: [unknown, string][] = [[root, "model"]];
  while (stack.length > 0) {
    const [value, path] = stack.pop()!;
    if (typeof value !== "object" || value === null || seen.has(value))
      continue;
    seen.add(value);
    const proto = Object.getPrototypeOf(value);
    // the model's verdicts on patterns are a Map the reading makes (ApiModel.patterns)
    const verdicts = path === "model.patterns" && proto === Map.prototype;
    if (
      proto !== Object.prototype &&
      proto !== Array.prototype &&
      proto !== null &&
      !verdicts
    )
      odd.push(path);
    for (const key of Object.keys(value))
      stack.push([(value as Record<string, unknown>)[key], `${path}.${key}`]);
  }
  return odd;
}
