import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Schema } from "../../model/types.js";
import { ENUM_CHECKS, LEAF_CHECKS, leafCheck } from "./leaf.js";
import { ValidatorModule } from "./module.js";

describe("leafCheck", () => {
  it("is the table's check of the types joined with commas, for any type list", () => {
    const type = fc.constantFrom(
      "string",
      "integer",
      "number",
      "boolean",
      "null",
      "object",
      "array",
      "strin",
    );
    fc.assert(
      fc.property(fc.array(type, { maxLength: 4 }), (types) => {
        for (const table of [LEAF_CHECKS, ENUM_CHECKS])
          expect(leafCheck(table, types)).toBe(table.get(types.join(",")));
      }),
      { numRuns: 2000 },
    );
    expect(leafCheck(LEAF_CHECKS, ["integer", "null"])).toBe("r.integerOrNull");
  });
});

describe("leaf lines found again (leafLines)", () => {
  // names that come back at the same places, some long enough for key and segment constants,
  // some wide (measured by textWidth), at depths where some lines no longer fit
  const name = fc.oneof(
    fc.constantFrom("id", "url", "login", "名前", "constructor"),
    // lines about the width: some fit at one depth and not one level in
    fc.integer({ min: 8, max: 34 }).map((n) => `n${"x".repeat(n)}`),
  );
  const leaf = fc.constantFrom<Schema>(
    { type: "string" },
    { type: "string", format: "uri" },
    { type: "string", format: "date-time" },
    { type: ["string", "null"] },
    { type: "integer", description: "n" },
    { type: "string", enum: ["a", "b"] },
    { type: "boolean" },
  );
  // with `type: object` the members are one level in (an else block), without it not: the
  // same place at two depths; without it only the leaves read x, p and e
  const object = fc.letrec<{ node: Schema }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc
        .tuple(fc.dictionary(name, tie("node"), { maxKeys: 4 }), fc.boolean())
        .map(
          ([properties, typed]) =>
            (typed ? { type: "object", properties } : { properties }) as Schema,
        ),
    ),
  })).node;

  const text = (schemas: readonly Schema[], reuse: boolean) => {
    const mod = new ValidatorModule(
      { schemas: {} },
      () => undefined,
      undefined,
      true,
      reuse,
    );
    schemas.forEach((s, i) => mod.addFunction(`f${i}`, s, false));
    return mod.finish().code ?? "";
  };

  it("finds a line where it fits, records what it reads, makes it where it does not fit", () => {
    // 18 characters: `r.string(x["…"], p, "/…", e, r.DATE_TIME);` is 76 wide
    const leaf = { type: "string", format: "date-time" } as Schema;
    const members = { [`n${"x".repeat(17)}`]: leaf };
    const schemas: Schema[] = [
      // in `if (r.isObject(x)) {`: column 4
      { properties: members },
      // the same place (x, p) in a then block, one level in: 82 columns, broken
      { if: { required: ["a"] }, then: { properties: members } },
      // found again: it reads x, p and e as the first does
      { properties: members },
    ];
    const code = text(schemas, true);
    expect(code).toBe(text(schemas, false));
    expect(code.match(/^ {4}r\.string\(x\[/gm)).toHaveLength(2);
    expect(code.match(/^ {6}r\.string\($/gm)).toHaveLength(1);
    expect(code).not.toMatch(/_x: unknown|_p: string|_e: Violation/);
  });

  it("finds a line made under another value's name, made again where the longer name does not fit", () => {
    // the same place (p, "/o") under v1 in one function and under v10 or later in the next
    const owner = (n: number): Schema => ({
      properties: {
        [`n${"x".repeat(n)}`]: {
          type: ["string", "null"],
          format: "date-time",
        },
      },
    });
    const before: Record<string, Schema> = {};
    for (let i = 0; i < 9; i++) before[`s${i}`] = { properties: { a: {} } };
    let edges = 0;
    for (let n = 10; n <= 40; n++) {
      const schemas: Schema[] = [
        { properties: { o: owner(n) } },
        { properties: { ...before, o: owner(n) } },
      ];
      const code = text(schemas, true);
      expect(code).toBe(text(schemas, false));
      const [first, second] = code.split("function f1");
      expect(first).toMatch(/\bv1\[/);
      expect(second).toMatch(/\bv1\d\[/);
      // the one-column-longer name breaks a line the shorter one fit
      if (
        /r\.stringOrNull\(v1\[/.test(first!) &&
        /r\.stringOrNull\(\n/.test(second!)
      )
        edges++;
    }
    expect(edges).toBeGreaterThan(0);
  });

  it("writes what making each line writes, whole modules compared", () => {
    fc.assert(
      fc.property(fc.array(object, { maxLength: 8 }), (schemas) => {
        expect(text(schemas, true)).toBe(text(schemas, false));
      }),
      { numRuns: 1000 },
    );
  });
});
