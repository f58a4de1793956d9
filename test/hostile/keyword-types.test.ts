import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { typeCheck } from "../server/generated.js";
import { expectNoCrash, FIXTURES, generateInto, outDir } from "./cli.js";

/**
 * Found by the fuzz test (a `description` retyped to an object crashed the docs emitter): schema
 * keywords whose value has the wrong type are reported at their line and ignored.
 */
describe("schema keywords of the wrong type", () => {
  it("are reported at their line and ignored; the output compiles", () => {
    const out = outDir("keyword-types");
    const run = generateInto(out, join(FIXTURES, "keyword-types.openapi.yaml"));
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    const file = "test/fixtures/hostile/keyword-types.openapi.yaml";
    const reported = run.stderr
      .split("\n")
      .filter((l) => l.startsWith(file))
      .map((l) =>
        l
          .slice(file.length + 1)
          .split(" ")
          .slice(0, 4)
          .join(" "),
      );
    expect(reported).toEqual([
      `16:7: warning schema/invalid-keyword "description"`,
      `17:7: warning input/not-a-string "title"`,
      `18:7: warning schema/invalid-keyword "required"`,
      `20:16: warning schema/invalid-keyword "type"`,
      `20:30: warning schema/invalid-keyword "maxLength"`,
      `21:52: warning schema/invalid-keyword "uniqueItems"`,
      `22:30: warning schema/invalid-keyword "enum"`,
    ]);
    const doc = JSON.parse(readFileSync(join(out, "openapi.json"), "utf8"));
    const thing = doc.components.schemas.Thing;
    expect(thing.description).toBeUndefined();
    expect(thing.title).toBe("42");
    expect(thing.required).toBeUndefined();
    expect(thing.properties.name).toEqual({});
    expect(typeCheck(out).output).toBe("");
  });
});
