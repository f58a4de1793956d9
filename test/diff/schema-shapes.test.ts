import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareModels } from "../../src/diff/compare.js";
import { line, load } from "./helpers.js";

/*
 * Schema changes a held-out differential (Atlassian's openapi-diff and Optic on 730 mutated pairs
 * of 28 real descriptions) found `apiloom diff` silent on, or wrong about, that Optic does not
 * judge (the compositions Optic does judge are the "fixture compositions" pair of
 * optic-oracle.test.ts). Each schema sits in a response (`at: "response"`) or a request body.
 */
const dir = mkdtempSync(join(tmpdir(), "diff-shapes-"));

function changes(
  at: "request" | "response",
  before: object,
  after: object,
  /** Each side's named schemas, which `before` and `after` may name. */
  schemas: [object, object] = [{}, {}],
) {
  const spec = (schema: object, side: 0 | 1) => {
    const file = join(dir, `${side}.json`);
    const content = { "application/json": { schema } };
    writeFileSync(
      file,
      JSON.stringify({
        openapi: "3.1.0",
        info: { title: "t", version: "1" },
        paths: {
          "/x": {
            post: {
              operationId: "x",
              ...(at === "request"
                ? { requestBody: { required: true, content } }
                : {}),
              responses: {
                "200": {
                  description: "ok",
                  ...(at === "response" ? { content } : {}),
                },
              },
            },
          },
        },
        components: { schemas: schemas[side] },
      }),
    );
    return load([file]);
  };
  return compareModels(spec(before, 0), spec(after, 1)).map(line);
}

const obj = (member: object) => ({ type: "object", properties: { m: member } });

describe("apiloom diff on schema shapes", () => {
  it.each([
    // a response's enum dropped: any string may now come
    [
      "response",
      obj({ type: "string", enum: ["on", "off"] }),
      obj({ type: "string" }),
      ["response-enum-value-added POST /x XResponses.200.m"],
    ],
    // a response member's type dropped
    [
      "response",
      obj({ type: "integer" }),
      obj({}),
      ["response-type-changed POST /x XResponses.200.m"],
    ],
    // a request map closed to other members
    [
      "request",
      { type: "object", additionalProperties: true },
      { type: "object", additionalProperties: false },
      ["request-type-changed POST /x XBody"],
    ],
    // a response object's properties gone
    [
      "response",
      {
        type: "object",
        required: ["id"],
        properties: { id: { type: "string" } },
      },
      { type: "object" },
      ["response-property-removed POST /x XResponses.200.id"],
    ],
    // a request oneOf loses an alternative
    [
      "request",
      obj({ oneOf: [{ type: "string" }, { type: "integer" }] }),
      obj({ oneOf: [{ type: "string" }] }),
      ["request-type-changed POST /x XBody.m"],
    ],
    // a request member made required by an allOf member that says only that
    [
      "request",
      { allOf: [obj({ type: "string" })] },
      { allOf: [obj({ type: "string" }), { required: ["m"] }] },
      ["request-property-became-required POST /x XBody.m"],
    ],
  ] as const)("%s: %j → %j", (at, before, after, expected) => {
    expect(changes(at, before, after)).toEqual(expected);
  });

  it.each([
    // the same values written two ways
    [
      "response",
      obj({ anyOf: [{ type: "string" }, { type: "null" }] }),
      obj({ type: ["string", "null"] }),
    ],
    // OpenAPI 3.1's anyOf null and a composition that adds nothing
    [
      "request",
      {
        type: ["object", "null"],
        required: ["s"],
        properties: { s: { type: "string" } },
      },
      {
        anyOf: [
          {
            type: "object",
            required: ["s"],
            properties: { s: { type: "string" } },
            anyOf: [{ description: "x" }],
          },
          { type: "null" },
        ],
      },
    ],
    // alternatives reordered, described
    [
      "request",
      obj({ oneOf: [{ type: "string" }, { type: "integer" }] }),
      obj({
        oneOf: [{ type: "integer", description: "n" }, { type: "string" }],
      }),
    ],
  ] as const)("%s: %j → %j breaks nothing", (at, before, after) => {
    expect(
      changes(at, before, after).filter((c) => !c.startsWith("optional-")),
    ).toEqual([]);
  });
});

describe("apiloom diff on allOf that fans out", () => {
  // each level's allOf names the next ten times: walked once each, not 10^8 times
  it("walks each named schema once", () => {
    const levels = (type: string) => {
      const schemas: Record<string, object> = { L9: obj({ type }) };
      for (let i = 8; i >= 0; i--)
        schemas[`L${i}`] = {
          allOf: Array.from({ length: 10 }, () => ({
            $ref: `#/components/schemas/L${i + 1}`,
          })),
        };
      return schemas;
    };
    const root = { $ref: "#/components/schemas/L0" };
    expect(
      changes("request", root, root, [levels("string"), levels("integer")]),
    ).toContain("request-type-changed POST /x L0.m");
  });
});
