import { format } from "prettier";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import type { ApiModel } from "../../src/model/types.js";
import { SPEC } from "./keywords-spec.js";
import {
  loadValidators,
  typeCheck,
  type LoadedValidators,
} from "./generated.js";

let model: ApiModel;
let v: LoadedValidators;
let dir: string;
let diagnostics: { code: string; line: number; file: string }[];

beforeAll(async () => {
  const result = await generate([{ file: "keywords.yaml", text: SPEC }], {
    artifacts: ["validators"],
  });
  model = result.model;
  diagnostics = result.diagnostics;
  const loaded = await loadValidators(model, "keywords");
  v = loaded;
  dir = loaded.dir;
});

const keywords = (value: unknown, name: string) =>
  v.schemas[name]!.check(value).map((x) => `${x.path} ${x.keyword}`);

describe("generated validators", () => {
  it.each([
    ["Pet", { id: 1, name: "rex", secret: "s" }, []],
    [
      "Pet",
      { id: 1.5, name: "Rex!!!", secret: "s", extra: 1 },
      [
        "/extra additionalProperties",
        "/id type",
        "/name maxLength",
        "/name pattern",
      ],
    ],
    ["Pet", { id: 1, name: "a" }, [" required"]],
    [
      "Pet",
      { id: 1, name: "a", secret: "", born: "2024-02-30" },
      ["/born format"],
    ],
    [
      "Pet",
      { id: 1, name: "a", secret: "", tags: ["x", "x", "y"] },
      ["/tags maxItems", "/tags uniqueItems"],
    ],
    [
      "Pet",
      { id: 1, name: "a", secret: "", weight: 0.25 },
      ["/weight multipleOf"],
    ],
    ["Pet", { id: 1, name: "a", secret: "", weight: null }, []],
    [
      "Pet",
      { id: 1, name: "a", secret: "", weight: 0 },
      ["/weight exclusiveMinimum"],
    ],
    [
      "Pet",
      { id: 1, name: "a", secret: "", parent: { id: 2, name: "" } },
      ["/parent required", "/parent/name minLength", "/parent/name pattern"],
    ],
    ["Pet", "rex", [" type"]],
    [
      "Tree",
      { children: [{ children: [{ children: [1] }] }] },
      ["/children/0/children/0/children/0 type"],
    ],
    ["Shape", { kind: "round", r: 1 }, []],
    ["Shape", { kind: "round", side: 1 }, [" required"]],
    ["Shape", { kind: "Square", side: 1 }, []],
    ["Shape", { kind: "other", side: 1 }, []],
    ["Shape", { kind: "other" }, [" oneOf"]],
    ["Mixed", "a@b.co", []],
    ["Mixed", "nope", [" anyOf"]],
    ["Mixed", 5, [" not"]],
    ["Mixed", 10, [" anyOf"]],
    ["Tuple", ["a", true], []],
    ["Tuple", ["a", 1, 2], ["/1 type", " items"]],
    ["Tuple", [], [" minItems"]],
    ["Dict", { "x-a": 1, b: "s" }, []],
    [
      "Dict",
      { "x-a": "1", b: 2, toolongname: "s", c: "" },
      ["/b type", "/toolongname maxLength", "/x-a type", " maxProperties"],
    ],
    ["Dict", {}, [" minProperties"]],
    ["Choice", { a: [1] }, []],
    ["Choice", null, []],
    ["Choice", 2, []],
    ["Choice", "blue", [" enum"]],
    ["Fixed", { on: true }, []],
    ["Fixed", { on: false }, [" const"]],
    ["Stamp", "2024-01-01T10:00:00Z", []],
    ["Stamp", "2024-01-01T10:00:00", [" format"]],
    ["Hostile", "anything", [" pattern"]],
    ["Broken", "(unclosed", []],
  ] as const)("%s %j → %j", (name, value, expected) => {
    expect(keywords(value, name).sort()).toEqual([...expected].sort());
  });

  it("reads readOnly and writeOnly by direction", () => {
    const put = v.endpoints.putPet!;
    // a request need not send the readOnly id; a response need not return the writeOnly secret
    expect(put.body!.check({ name: "a", secret: "s" })).toEqual([]);
    expect(put.responses["200"]!.check({ id: 1, name: "a" })).toEqual([]);
    expect(put.body!.check({ id: 1, name: "a" })).toMatchObject([
      { path: "", keyword: "required" },
    ]);
    expect(
      put.responses["200"]!.check({ name: "a", secret: "s" }),
    ).toMatchObject([{ path: "", keyword: "required" }]);
    // plain JSON Schema requires both
    expect(v.schemas.Pet!.check({ name: "a" }).length).toBe(2);
  });

  it("validates each parameter location as an object of parameters", () => {
    const put = v.endpoints.putPet!;
    expect(put.path!.check({ petId: 0 })).toMatchObject([
      { path: "/petId", keyword: "minimum" },
    ]);
    expect(put.path!.check({})).toMatchObject([{ keyword: "required" }]);
    expect(put.query!.check({ tag: ["a", "c"] })).toMatchObject([
      { path: "/tag/1", keyword: "enum" },
    ]);
    expect(put.headers!.check({ "X-Trace": "nope" })).toMatchObject([
      { path: "/X-Trace", keyword: "format" },
    ]);
    expect(put.cookies!.check({ session: "abc" })).toMatchObject([
      { path: "/session", keyword: "minLength" },
    ]);
    // text/plain has no JSON schema to check
    expect(Object.keys(put.responses)).toEqual(["200"]);
  });

  it("exposes Standard Schema v1", () => {
    const std = v.schemas.Pet!["~standard"];
    expect(std.version).toBe(1);
    expect(std.vendor).toBe("apiloom");
    const ok = { id: 1, name: "a", secret: "s" };
    expect(std.validate(ok)).toEqual({ value: ok });
    expect(
      std.validate({ id: 1, name: "a", secret: "s", "a/b": 1 }),
    ).toMatchObject({ issues: [{ path: ["a/b"] }] });
  });

  it("never runs pattern text as code", () => {
    expect((globalThis as Record<string, unknown>).hacked).toBeUndefined();
  });

  it("reports a pattern JavaScript cannot compile at its line", () => {
    const found = diagnostics.filter(
      (d) => d.code === "schema/invalid-pattern",
    );
    const line = SPEC.split("\n").findIndex((l) => l.includes("(unclosed")) + 1;
    expect(found.map((d) => [d.file, d.line])).toEqual([
      ["keywords.yaml", line],
    ]);
  });

  it("compiles under strict TypeScript", () => {
    expect(typeCheck(dir)).toBe("");
  });

  it("is prettier-formatted already", async () => {
    const files = (await loadValidators(model, "keywords-format")).files;
    for (const f of files.filter((f) => f.path.endsWith(".ts")))
      expect(await format(f.contents, { filepath: f.path }), f.path).toBe(
        f.contents,
      );
  });
});

describe("a deeply nested schema", () => {
  it("is split into functions: small output, the right pointer at any depth", async () => {
    // 120 levels: as deep as the readers take (JSON nested past 256 levels is parse/too-deep,
    // a schema past 128 is schema/too-deep)
    let schema: object = { type: "string" };
    let value: unknown = 1;
    for (let i = 0; i < 120; i++) {
      schema = { type: "object", properties: { a: schema } };
      value = { a: value };
    }
    const text = JSON.stringify({
      openapi: "3.1.0",
      info: { title: "deep", version: "1" },
      paths: {},
      components: { schemas: { Deep: schema } },
    });
    const { model } = await generate([{ file: "deep.json", text }], {
      artifacts: ["validators"],
    });
    const deep = await loadValidators(model, "deep");
    const size = deep.files.reduce((n, f) => n + f.contents.length, 0);
    expect(size).toBeLessThan(500_000);
    expect(deep.schemas.Deep!.check(value)).toEqual([
      { path: "/a".repeat(120), keyword: "type", message: "must be string" },
    ]);
    // (types.ts is not the validators': prettier itself overflows on deep types)
    for (const f of deep.files.filter((f) => f.path.startsWith("validators/")))
      expect(await format(f.contents, { filepath: f.path }), f.path).toBe(
        f.contents,
      );
  });
});

describe("an endpoint whose nested branches reach a named schema", () => {
  it("imports the named check a branch compiled late calls (found by the fuzz test)", async () => {
    const text = JSON.stringify({
      openapi: "3.1.0",
      info: { title: "late", version: "1" },
      paths: {
        "/x": {
          post: {
            operationId: "postX",
            requestBody: {
              content: {
                "application/json": {
                  schema: {
                    oneOf: [
                      {
                        oneOf: [
                          { $ref: "#/components/schemas/F" },
                          { type: "string" },
                          { type: "boolean" },
                        ],
                      },
                      { type: "null" },
                    ],
                  },
                },
              },
            },
            responses: { "204": { description: "none" } },
          },
        },
      },
      components: {
        schemas: { F: { type: "object", required: ["f"] } },
      },
    });
    const { model } = await generate([{ file: "late.json", text }], {
      artifacts: ["validators"],
    });
    const late = await loadValidators(model, "late-branch");
    expect(typeCheck(late.dir)).toBe("");
    const body = late.endpoints.postX!.body!;
    expect(body.check("text")).toEqual([]);
    expect(body.check({ f: 1 })).toEqual([]);
    expect(body.check({}).length).toBeGreaterThan(0);
  });
});
