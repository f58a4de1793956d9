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
  /** A side's schema; undefined: a media type without one. */
  before: object | undefined,
  after: object | undefined,
  /** Each side's named schemas, which `before` and `after` may name. */
  schemas: [object, object] = [{}, {}],
  mediaTypes = ["application/json", "application/json"],
) {
  const spec = (schema: object | undefined, side: 0 | 1) => {
    const file = join(dir, `${side}.json`);
    const content = { [mediaTypes[side]!]: { schema } };
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
    // a response member's one shape now one of a union (GHES 2.21 → 2.22: `labels[]`)
    [
      "response",
      obj(obj({ type: "string" })),
      obj({ oneOf: [{ type: "string" }, obj({ type: "string" })] }),
      ["response-type-changed POST /x XResponses.200.m"],
    ],
    // a request union down to one of its alternatives (GHES 3.3 → 3.4: branch restrictions)
    [
      "request",
      obj({ oneOf: [obj({ type: "string" }), { type: "string" }] }),
      obj({ type: "string" }),
      ["request-type-changed POST /x XBody.m"],
    ],
    // the same, the union kept beside the one type it now has (as GHES 3.4 writes it)
    [
      "request",
      { oneOf: [obj({ type: "string" }), { type: "array", items: {} }] },
      {
        type: "array",
        items: {},
        oneOf: [obj({ type: "string" }), { type: "array", items: {} }],
      },
      ["request-type-changed POST /x XBody"],
    ],
    // a request member that took any value now typed
    [
      "request",
      obj({}),
      obj({ type: "string" }),
      ["request-type-changed POST /x XBody.m"],
    ],
    // a response's media type without a schema: any value may come
    [
      "response",
      obj({ type: "string" }),
      undefined,
      ["response-type-changed POST /x XResponses.200"],
    ],
    // a required readOnly member added: a request does not send it, a response does
    [
      "request",
      obj({ type: "string" }),
      {
        ...obj({ type: "string" }),
        required: ["id"],
        properties: {
          m: { type: "string" },
          id: { type: "string", readOnly: true },
        },
      },
      ["optional-request-property-added POST /x XBody.id"],
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
    // a response's media type written with a parameter and capitals: the same media type
    [
      "response",
      obj({ type: "string" }),
      obj({ type: "string" }),
      [{}, {}],
      ["application/json", "Application/JSON; charset=utf-8"],
    ],
    // a writeOnly member made required: no response returns it
    [
      "response",
      obj({ type: "string", writeOnly: true }),
      { ...obj({ type: "string", writeOnly: true }), required: ["m"] },
    ],
    // alternatives reordered, described
    [
      "request",
      obj({ oneOf: [{ type: "string" }, { type: "integer" }] }),
      obj({
        oneOf: [{ type: "integer", description: "n" }, { type: "string" }],
      }),
    ],
  ] as const)("%s: %j → %j breaks nothing", (at, before, after, ...more) => {
    const [schemas, mediaTypes] = more as [[object, object]?, string[]?];
    expect(
      changes(at, before, after, schemas, mediaTypes).filter(
        (c) => !c.startsWith("optional-"),
      ),
    ).toEqual([]);
  });
});

describe("apiloom diff on a union that holds itself", () => {
  // each alternative against the one schema: the pair met again inside itself adds nothing
  it("ends, and finds the alternative the request lost", () => {
    const U = {
      U: { oneOf: [{ $ref: "#/components/schemas/U" }, { type: "integer" }] },
    };
    expect(changes("request", U.U, { type: "string" }, [U, {}])).toEqual([
      "request-type-changed POST /x XBody",
    ]);
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
