import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { emitted } from "../emitted.js";
import { outDir, planOf, typeCheck, writeFiles } from "./generated.js";

/*
 * Issue 41, item 5, at generation: each pattern the analyzer flags is reported at its place,
 * and the validators guard it (r.linear) or, for backreferences and lookaround, leave it
 * unchecked with a warning; safe patterns stay RegExps. The generated validators compile strictly and answer.
 */
const SPEC = `openapi: 3.1.0
info:
  title: patterns
  version: "1"
paths: {}
components:
  schemas:
    Codes:
      type: object
      properties:
        nested:
          type: string
          pattern: ^(a+)+$
        trailing:
          type: string
          pattern: "[a-z]+$"
        plain:
          type: string
          pattern: ^[a-z]+$
        date:
          type: string
          pattern: ^\\d{4}-\\d{2}-\\d{2}$
        older:
          type: string
          pattern: ^([\\w-.]+)*$
      patternProperties:
        "^(x+x+)+y$":
          type: integer
`;

const LOOKAROUND = SPEC.replace("^(a+)+$", "^(?=a)(a+)+$");

describe("flagged patterns at generation", () => {
  it("are warned about at their place, guarded, and still mean what they say", async () => {
    const result = await generate([{ file: "patterns.yaml", text: SPEC }]);
    const flagged = result.diagnostics
      .filter((d) => d.code.endsWith("-pattern"))
      .map((d) => `${d.severity} ${d.code} ${d.line}:${d.column}`);
    expect(flagged).toEqual([
      "warning schema/backtracking-pattern 13:11",
      "warning schema/backtracking-pattern 16:11",
      "warning schema/backtracking-pattern 25:11",
      "warning schema/backtracking-pattern 27:9",
    ]);
    const dir = outDir("pattern-guard");
    writeFiles(dir, await emitted("validators", result.model, {}));
    expect(typeCheck(dir)).toBe("");
    const { schemas } = await import(
      pathToFileURL(join(dir, "validators/schemas.ts")).href
    );
    // the named schemas' plan (its patterns) is in checks.ts, beside their code
    const source = await import("node:fs").then((fs) =>
      fs.readFileSync(join(dir, "validators/checks.ts"), "utf8"),
    );
    // four guarded (a linear-time program), two RegExps
    const patterns = planOf(source).r!;
    expect(patterns.filter((p) => p.length === 4)).toHaveLength(4);
    expect(patterns.filter((p) => p.length === 2)).toHaveLength(2);
    const keywords = (value: unknown) =>
      (schemas.Codes.check(value) as { keyword: string; path: string }[]).map(
        (v) => `${v.path} ${v.keyword}`,
      );
    const attack = "a".repeat(100_000) + "!";
    expect(
      keywords({
        nested: attack,
        trailing: attack,
        older: "a-".repeat(50_000) + "!",
        ["x".repeat(100_000)]: "text",
        xxy: "text",
        plain: "abc",
        date: "2024-01-01",
      }),
    ).toEqual([
      "/nested pattern",
      "/trailing pattern",
      "/older pattern",
      "/xxy type",
    ]);
    expect(
      keywords({
        nested: "aaa",
        trailing: "x1abc",
        older: "a-b.c",
        plain: "x",
      }),
    ).toEqual([]);
  });

  // one pattern never refuses a whole API: a warning at its place, the pattern unchecked, the
  // rest generated and checked (`--strict` makes the warning fail the run)
  it("leaves a flagged pattern with lookaround unchecked: a warning at its place", async () => {
    const result = await generate([
      { file: "patterns.yaml", text: LOOKAROUND },
    ]);
    const refused = result.diagnostics.filter(
      (d) => d.code === "schema/unsafe-pattern",
    );
    expect(refused.map((d) => `${d.severity} ${d.line}:${d.column}`)).toEqual([
      "warning 13:11",
    ]);
    expect(refused[0]!.message).toContain("lookaround");
    expect(refused[0]!.message).toContain("the validators do not check it");
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual(
      [],
    );
    const dir = outDir("pattern-guard-refused");
    writeFiles(dir, await emitted("validators", result.model, {}));
    expect(typeCheck(dir)).toBe("");
    const { schemas } = await import(
      pathToFileURL(join(dir, "validators/schemas.ts")).href
    );
    const keywords = (value: unknown) =>
      (schemas.Codes.check(value) as { keyword: string; path: string }[]).map(
        (v) => `${v.path} ${v.keyword}`,
      );
    // the refused pattern checks nothing; the others still do
    expect(keywords({ nested: "b!" })).toEqual([]);
    expect(keywords({ trailing: "ABC" })).toEqual(["/trailing pattern"]);
  });

  it("never hands a RegExp a pattern nested 5,000 deep, and quotes 200 characters of it", async () => {
    // no repetition, yet V8 aborts the process compiling it (no exception to catch)
    const deep = "(?:a|".repeat(5_000) + "b" + ")".repeat(5_000);
    const text = JSON.stringify({
      openapi: "3.1.0",
      info: { title: "deep", version: "1" },
      paths: {},
      components: {
        schemas: {
          Deep: {
            type: "object",
            properties: {
              deep: { type: "string", pattern: deep },
              plain: { type: "string", pattern: "^[a-z]+$" },
            },
          },
        },
      },
    });
    const result = await generate([{ file: "deep.json", text }]);
    const [refused, ...more] = result.diagnostics.filter(
      (d) => d.code === "schema/unsafe-pattern",
    );
    expect(more).toEqual([]);
    expect(refused!.message).toContain("groups nested deeper than 100");
    expect(refused!.message).toContain(`… (${deep.length} characters)`);
    expect(refused!.message.length).toBeLessThan(600);
    const dir = outDir("pattern-guard-deep");
    writeFiles(dir, await emitted("validators", result.model, {}));
    const { schemas } = await import(
      pathToFileURL(join(dir, "validators/schemas.ts")).href
    );
    const keywords = (value: unknown) =>
      (schemas.Deep.check(value) as { keyword: string; path: string }[]).map(
        (v) => `${v.path} ${v.keyword}`,
      );
    expect(keywords({ deep: "b", plain: "B" })).toEqual(["/plain pattern"]);
  });

  // `\p{L}` read as any character made `[0-9]` look like one of the letters: an error before
  it("reads \\p{L} as letters: a count of letters then a digit is no error", async () => {
    const text = SPEC.replace("^(a+)+$", "^(\\p{L}{1,50}[0-9]){0,50}$");
    const result = await generate([{ file: "patterns.yaml", text }]);
    const flagged = result.diagnostics
      .filter((d) => d.code.endsWith("-pattern"))
      .map((d) => `${d.severity} ${d.code} ${d.line}:${d.column}`);
    expect(flagged).toEqual([
      "warning schema/backtracking-pattern 16:11",
      "warning schema/backtracking-pattern 25:11",
      "warning schema/backtracking-pattern 27:9",
    ]);
  });

  // U+31350-U+323AF are letters since Unicode 15, unassigned before, so in `[^\p{L}]` on an
  // engine with an older Unicode: two ways for each of the 20 characters there. Read with this
  // engine's letters, the pattern was a RegExp; read as every character past ASCII, it is not
  it("reads \p{…} past ASCII as every character: an older Unicode's letters are not missed", async () => {
    const text = SPEC.replace(
      "^(a+)+$",
      "^([^\\p{L}]|[\\u{31350}-\\u{323AF}]){20}$",
    );
    const result = await generate([{ file: "patterns.yaml", text }]);
    const flagged = result.diagnostics.filter((d) =>
      d.code.endsWith("-pattern"),
    );
    expect(flagged[0]).toMatchObject({
      severity: "warning",
      code: "schema/backtracking-pattern",
      line: 13,
      column: 11,
    });
    expect(flagged[0]!.message).toContain("exponential");
  });
});

// a run whose artifacts run no pattern pays for no analysis: no verdicts, no warnings of it
describe("pattern analysis only where patterns run", () => {
  it.each([["types"], ["client"], ["docs", "openapi"]])(
    "-a %s analyses no pattern",
    async (...artifacts) => {
      const result = await generate([{ file: "patterns.yaml", text: SPEC }], {
        artifacts,
      });
      expect(result.model.patterns).toBeUndefined();
      expect(
        result.diagnostics.filter((d) => d.code.endsWith("-pattern")),
      ).toEqual([]);
    },
  );

  it.each([["validators"], ["server"], ["client", "validators"]])(
    "-a %s analyses every pattern",
    async (...artifacts) => {
      const result = await generate([{ file: "patterns.yaml", text: SPEC }], {
        artifacts,
      });
      expect(result.model.patterns?.get("^(a+)+$")?.kind).toBe("linear");
      expect(
        result.diagnostics.filter(
          (d) => d.code === "schema/backtracking-pattern",
        ),
      ).toHaveLength(4);
    },
  );
});
