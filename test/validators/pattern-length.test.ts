import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { loadValidators } from "./generated.js";

/*
 * A pattern proved linear still costs the text's length times its counts: V8 runs AWS
 * Transcribe's `[a-zA-Z0-9-_.!*'()/]{1,1024}$` on 1 MB (the server's body limit) for ~3 s, as
 * the pattern is retried from every position. Where the schema has a maxLength, a text over
 * twice that many UTF-16 units is invalid already, and the validators do not run the pattern on
 * it: in the checks written as code (a named schema) and in the plan (an endpoint's own
 * schema). The oracle is ajv: the same answer on every value; and the texts given to
 * RegExp.prototype.test, counted.
 */
const TRANSCRIBE = "[a-zA-Z0-9-_.!*'()/]{1,1024}$";
const LOOKOUT = "(^$)|([\\u0009\\u000A\\u000D\\u0020-\\u00FF]{1,1023}/$)";

const SPEC = `openapi: 3.1.0
info: { title: keys, version: "1" }
paths:
  /keys:
    post:
      operationId: putKeys
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties:
                key: { $ref: "#/components/schemas/OutputKey" }
                prefix: { type: string, maxLength: 1024, pattern: ${JSON.stringify(LOOKOUT)} }
                free: { type: string, pattern: ${JSON.stringify(TRANSCRIBE)} }
      responses:
        "204": { description: stored }
components:
  schemas:
    OutputKey: { type: string, minLength: 1, maxLength: 1024, pattern: ${JSON.stringify(TRANSCRIBE)} }
`;

const ajv = new Ajv2020({ strict: false });
const ajvOutputKey = ajv.compile({
  type: "string",
  minLength: 1,
  maxLength: 1024,
  pattern: TRANSCRIBE,
});
const ajvPrefix = ajv.compile({
  type: "string",
  maxLength: 1024,
  pattern: LOOKOUT,
});

/** The sources as a RegExp shows them (a `/` outside a class escaped). */
const SOURCES = [TRANSCRIBE, LOOKOUT].map((p) => new RegExp(p, "u").source);

/** The lengths of the texts the patterns were run on while `run` ran. */
function testedLengths(run: () => void): number[] {
  const lengths: number[] = [];
  const test = RegExp.prototype.test;
  RegExp.prototype.test = function (this: RegExp, text: string) {
    if (SOURCES.includes(this.source)) lengths.push(String(text).length);
    return test.call(this, text);
  };
  try {
    run();
  } finally {
    RegExp.prototype.test = test;
  }
  return lengths;
}

describe("a pattern beside a maxLength", () => {
  it("is not run on a text over twice the maxLength, and answers as ajv does", async () => {
    const result = await generate([{ file: "keys.yaml", text: SPEC }]);
    const { schemas, endpoints } = await loadValidators(
      result.model,
      "pattern-length",
    );
    const body = endpoints.putKeys!.body!;
    const keywords = (violations: { path: string; keyword: string }[]) =>
      violations.map((v) => `${v.path} ${v.keyword}`);
    const attack = "a".repeat(1_000_000) + "#";

    // over twice the maxLength: maxLength only, and no pattern ran
    let violations: { path: string; keyword: string }[] = [];
    expect(
      testedLengths(() => {
        violations = body.check({ key: attack, prefix: attack });
      }),
    ).toEqual([]);
    expect(keywords(violations)).toEqual([
      "/key maxLength",
      "/prefix maxLength",
    ]);
    // without a maxLength the pattern is the only bound, and runs
    expect(
      testedLengths(() => body.check({ free: "a#", prefix: "a/" })),
    ).toEqual([2, 2]);

    // at most twice the maxLength, the pattern still runs and is reported beside it
    const over = "a".repeat(2047) + "#";
    expect(keywords(body.check({ key: over, prefix: over }))).toEqual([
      "/key maxLength",
      "/key pattern",
      "/prefix maxLength",
      "/prefix pattern",
    ]);

    const values = [
      "a",
      "a#",
      "",
      "dir/",
      "a".repeat(1024),
      "a".repeat(1023) + "/",
      "a".repeat(1025),
      over,
      "a".repeat(2049),
      "\u{1F600}".repeat(1024),
      "\u{1F600}".repeat(1025) + "#",
      attack,
    ];
    for (const value of values) {
      expect(schemas.OutputKey!.is(value), value.slice(0, 20)).toBe(
        ajvOutputKey(value),
      );
      expect(body.is({ prefix: value }), value.slice(0, 20)).toBe(
        ajvPrefix(value),
      );
    }
  });
});
