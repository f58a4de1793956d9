import { describe, expect, it } from "vitest";
import type { NamedSchema, Schema } from "../../model/types.js";
import { patternGuard } from "../../model/pattern-safety.js";
import { ValidatorModule } from "./module.js";

const F: NamedSchema = { name: "F", schema: { type: "object" }, sources: [] };

/** The model's verdicts on the patterns the tests name (the reading decides them). */
const patterns = new Map(
  ["^a+$", "(?<=a)b", "(?<", "^x d$"].map((p) => [p, patternGuard(p)]),
);

/** One module over a model with the named schema F (check `checkF`, in ./schemas.js). */
function module(): ValidatorModule {
  return new ValidatorModule({ schemas: { F }, patterns }, (target) =>
    target === F ? "checkF" : undefined,
  );
}

function compiled(schema: Schema | boolean): string {
  const mod = module();
  mod.addFunction("f", schema, false);
  return mod.finish().code ?? "";
}

/** The parameter list of `function f(…)`, on one line. */
const params = (code: string) =>
  /function f\(([^)]*)\)/.exec(code)![1]!.replace(/\s+/g, " ").trim();

describe("ValidatorModule", () => {
  it.each<[string, Schema | boolean, string]>([
    [
      "nothing to check: every parameter unread",
      {},
      "_x: unknown, _p: string, _e: Violation[], _d: Direction",
    ],
    [
      "false reads no value",
      false,
      "_x: unknown, p: string, e: Violation[], _d: Direction",
    ],
    [
      "an empty enum reads no value, whatever its message quotes",
      { enum: [], description: "x p e d" },
      "_x: unknown, p: string, e: Violation[], _d: Direction",
    ],
    [
      "a pattern quoting x and d reads the value, not the direction",
      { pattern: "^x d$" },
      "x: unknown, p: string, e: Violation[], _d: Direction",
    ],
    [
      "a readOnly required property reads the direction",
      { required: ["a"], properties: { a: { readOnly: true } } },
      "x: unknown, p: string, e: Violation[], d: Direction",
    ],
    [
      "a $ref passes all four on",
      { $ref: "#/components/schemas/F" },
      "x: unknown, p: string, e: Violation[], d: Direction",
    ],
  ])("%s", (_, schema, expected) => {
    expect(params(compiled(schema))).toBe(expected);
  });

  it("imports the named checks a late-compiled branch calls, and only those", () => {
    const mod = new ValidatorModule(
      { schemas: { F } },
      (target) => (target === F ? "checkF" : undefined),
      "./schemas.js",
    );
    // the inner oneOf is hoisted, and its $ref is seen only when finish() compiles it
    mod.addFunction(
      "f",
      {
        oneOf: [
          { oneOf: [{ $ref: "#/components/schemas/F" }, { type: "string" }] },
          {},
        ],
      },
      false,
    );
    const { imports } = mod.finish();
    expect(imports).toContain('import { checkF } from "./schemas.js";');
  });

  it("imports no named check when its only call was taken back", () => {
    const mod = new ValidatorModule(
      { schemas: { F } },
      (target) => (target === F ? "checkF" : undefined),
      "./schemas.js",
    );
    mod.addFunction(
      "f",
      { if: { $ref: "#/components/schemas/F" }, then: true },
      false,
    );
    const { imports, code } = mod.finish();
    expect(imports.join("\n")).not.toContain("checkF");
    expect(code).not.toContain("checkF");
  });

  it("names a constant once per prefix and key, numbered in the order first asked for", () => {
    const mod = module();
    const made: string[] = [];
    const render = (n: string) => (made.push(n), `const ${n} = 0;`);
    const a = mod.constant("PS", '"/a"', render);
    // the same key under another prefix is another constant, and a key that a joined
    // prefix and key would confuse ("P" + "S\0…" vs "PS" + "…") is too
    const b = mod.constant("RQ", '"/a"', render);
    const c = mod.constant("P", 'S\u0000"/a"', render);
    expect([a, b, c]).toEqual(["PS1", "RQ2", "P3"]);
    expect(mod.constant("PS", '"/a"', render)).toBe("PS1");
    expect(mod.constant("RQ", '"/a"', render)).toBe("RQ2");
    expect(made).toEqual(["PS1", "RQ2", "P3"]);
    // only the used ones are written, in the order they were named
    const unused = mod.constant("K", "k", render, false);
    expect(unused).toBe("K4");
    mod.addFunction("f", {}, false);
    expect(mod.finish().parts.slice(0, 3)).toEqual([
      "const PS1 = 0;",
      "const RQ2 = 0;",
      "const P3 = 0;",
    ]);
  });

  it("compiles schemas with and without each family's keywords side by side", () => {
    // those without share one empty statement list: nothing may be added to it
    const mod = module();
    const schemas: [Schema, string][] = [
      [{ not: { type: "string" } }, '"must not match the schema in not"'],
      [{ minLength: 2 }, '"minLength"'],
      [{ minimum: 2 }, '"minimum"'],
      [{ minItems: 2 }, '"minItems"'],
      [{ required: ["a"] }, "r.required("],
      [{ enum: [1, 2] }, '"enum"'],
      [{ type: "boolean" }, '"must be boolean"'],
    ];
    schemas.forEach(([schema], i) => {
      mod.addFunction(`f${i}`, schema, false);
      mod.addFunction(`g${i}`, { description: "none" }, false);
    });
    const code = mod.finish().code ?? "";
    for (const [, text] of schemas) expect(code.split(text)).toHaveLength(2);
  });

  it("names a pattern's RegExp once, written once a statement uses it", () => {
    const mod = module();
    expect(mod.regex("^a+$", false)).toBe("RE1");
    expect(mod.regex("(?<=a)b")).toBe("RE2");
    expect(mod.regex("^a+$", false)).toBe("RE1");
    // a pattern JavaScript cannot compile has none, each time
    expect(mod.regex("(?<")).toBeUndefined();
    expect(mod.regex("(?<")).toBeUndefined();
    mod.addFunction("f", {}, false);
    expect(mod.finish().parts.filter((p) => p.startsWith("const RE"))).toEqual([
      'const RE2 = new RegExp("(?<=a)b", "u");',
    ]);
    const again = module();
    again.regex("^a+$", false);
    expect(again.regex("^a+$")).toBe("RE1");
    again.addFunction("f", {}, false);
    expect(again.finish().parts[0]).toBe(
      'const RE1 = new RegExp("^a+$", "u");',
    );
  });

  it("names hoisted functions owner_n, the least n not taken", () => {
    const mod = module();
    const branch = (n: number): Schema => ({ minLength: n });
    mod.addFunction("f_2", {}, false);
    expect([mod.hoist("f", branch(1)), mod.hoist("f", branch(2))]).toEqual([
      "f_1",
      "f_3",
    ]);
    mod.addFunction("f_4", {}, false);
    mod.addFunction("f_5", {}, false);
    expect(mod.hoist("f", branch(3))).toBe("f_6");
    // another owner counts on its own
    expect(mod.hoist("f_1", branch(4))).toBe("f_1_1");
    expect(mod.hoist("g", branch(5))).toBe("g_1");
  });

  it("writes one required list per list of names, told apart whatever the names hold", () => {
    const mod = module();
    const lists = [["a,b"], ["a", "b"], ['a","b'], ["a", "b"], ["a,b"], []];
    lists.forEach((required, i) =>
      mod.addFunction(`f${i}`, { required }, false),
    );
    const constants = mod.finish().parts.filter((t) => t.startsWith("const"));
    expect(constants).toEqual([
      'const RQ1 = ["a,b"];',
      'const RQ2 = ["a", "b"];',
      "const RQ3 = ['a\",\"b'];",
    ]);
  });

  it("lists its imports once, after everything is compiled", () => {
    const mod = module();
    mod.addFunction("f", { type: "string" }, false);
    mod.finish();
    expect(() => mod.finish()).toThrow(/twice/);
  });
});
