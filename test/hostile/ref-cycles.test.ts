import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { typeCheck } from "../server/generated.js";
import {
  expectNoCrash,
  expectRejected,
  FIXTURES,
  generateInto,
  markedOutDir,
  outDir,
} from "./cli.js";

/** Class 4 of issue 10: `$ref` cycles with no structure between their members. */
describe("$ref cycles", () => {
  it("rejects schemas that only refer to each other, naming the cycle and each member's line", () => {
    const out = markedOutDir("alias-cycle");
    const run = generateInto(out, join(FIXTURES, "alias-cycle.openapi.yaml"));
    const file = "test/fixtures/hostile/alias-cycle.openapi.yaml";
    expectRejected(run, out, {
      file,
      line: 14,
      column: 5,
      code: "schema/alias-cycle",
    });
    expect(run.stderr).toContain(
      `schemas "A" → "B" → "C" → "A" only refer to each other, with no object or array between them, so they describe no value ("A" at line 14, "B" at line 15, "C" at line 18)`,
    );
    expect(run.stderr).toContain(`related: ${file}:15:5`);
    expect(run.stderr).toContain(`related: ${file}:18:5`);
    expectRejected(run, out, { file, line: 19, code: "schema/alias-cycle" });
    expect(run.stderr).toContain(
      `schema "Self" → "Self" refers only to itself`,
    );
    expectRejected(run, out, { file, line: 20, code: "schema/alias-cycle" });
    expect(run.stderr).toContain(`schema "All" → "All" refers only to itself`);
    expect(run.stderr).toContain("3 errors");
  });

  it("keeps recursion through properties, items and maps: the output compiles", () => {
    const out = outDir("recursion");
    const run = generateInto(out, join(FIXTURES, "recursion.swagger.yaml"));
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain("cycle");
    const types = readFileSync(join(out, "types.ts"), "utf8");
    expect(types).toContain("children?: Tree[];");
    expect(types).toContain(
      "export interface Dict {\n  [key: string]: Dict;\n}",
    );
    expect(typeCheck(out).output).toBe("");
  });

  it("breaks a polymorphism cycle (Pet: oneOf [Cat, Dog], Cat: allOf [Pet, …]) with a warning: the output compiles", () => {
    const out = outDir("composition-cycle");
    const run = generateInto(
      out,
      join(FIXTURES, "composition-cycle.openapi.yaml"),
    );
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    const file = "test/fixtures/hostile/composition-cycle.openapi.yaml";
    expect(run.stderr).toMatch(
      new RegExp(
        `^${file}:17:5: warning schema/composition-cycle schemas "Cat" → "Pet" → "Cat"`,
        "m",
      ),
    );
    expect(run.stderr).toMatch(
      new RegExp(`^${file}:19:5: warning schema/composition-cycle`, "m"),
    );
    const types = readFileSync(join(out, "types.ts"), "utf8");
    expect(types).toContain(
      `export type Pet = (Cat & { kind: "Cat" }) | (Dog & { kind: "Dog" });`,
    );
    expect(typeCheck(out).output).toBe("");
  });

  it("keeps the parent's own members in the child when the parent has properties", () => {
    const out = outDir("composition-cycle-properties");
    const run = generateInto(
      out,
      join(FIXTURES, "composition-cycle-properties.openapi.yaml"),
    );
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      `"Cat" takes "Pet"'s members without its oneOf instead of the reference`,
    );
    const types = readFileSync(join(out, "types.ts"), "utf8");
    expect(types).toContain(
      "export type Cat = {\n  kind: string;\n  name?: string;\n} & {\n  meow?: boolean;\n};",
    );
    const doc = JSON.parse(readFileSync(join(out, "openapi.json"), "utf8"));
    expect(doc.components.schemas.Cat.allOf[0]).toMatchObject({
      type: "object",
      required: ["kind"],
    });
    expect(doc.components.schemas.Cat.allOf[0].oneOf).toBeUndefined();
    expect(typeCheck(out).output).toBe("");
  });
});
