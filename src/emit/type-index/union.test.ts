import { describe, expect, test, vi } from "vitest";
import { generate } from "../../generate.js";
import {
  intersection,
  raw,
  union,
  UNKNOWN,
  type TypeNode,
} from "./type-node.js";

// three media types of one schema (Swagger's `produces: [xml, json, vendor json]`)
const PETSTORE = JSON.stringify({
  swagger: "2.0",
  info: { title: "Pets", version: "1" },
  produces: [
    "application/xml",
    "application/json",
    "application/vnd.pets+json",
  ],
  paths: {
    "/pet/findByStatus": {
      get: {
        operationId: "findPetsByStatus",
        responses: {
          200: {
            description: "OK",
            schema: { type: "array", items: { $ref: "#/definitions/Pet" } },
          },
        },
      },
    },
  },
  definitions: {
    Pet: { type: "object", properties: { name: { type: "string" } } },
  },
});

describe("union", () => {
  test("keeps one of identical members of any kind, and distinct ones in order", () => {
    const pets: TypeNode = { kind: "array", element: raw("Pet") };
    const tags: TypeNode = { kind: "array", element: raw("Tag") };
    const object = (doc: string): TypeNode => ({
      kind: "object",
      members: [
        { name: "a", optional: false, type: raw("string"), doc: [doc] },
      ],
    });
    expect(union([pets, { kind: "array", element: raw("Pet") }])).toEqual(pets);
    expect(union([pets, tags, pets, raw("null"), raw("null")])).toEqual({
      kind: "union",
      members: [pets, tags, raw("null")],
    });
    // members that differ only in their docs stay two
    expect(union([object("x"), object("y")])).toMatchObject({
      kind: "union",
    });
    expect(union([object("x"), object("x")])).toEqual(object("x"));
  });

  test("serialises a member only to compare it with another of its kind (nested object types cost their depth times otherwise)", () => {
    const deep = (n: number): TypeNode =>
      n === 0
        ? raw("string")
        : {
            kind: "object",
            members: [{ name: "a", optional: false, type: deep(n - 1) }],
          };
    const stringify = vi.spyOn(JSON, "stringify");
    try {
      expect(union([deep(5)])).toEqual(deep(5));
      expect(union([deep(5), raw("null"), raw("null")])).toEqual({
        kind: "union",
        members: [deep(5), raw("null")],
      });
      expect(union([raw("string"), raw("unknown")])).toEqual(raw("unknown"));
      expect(stringify).not.toHaveBeenCalled();
    } finally {
      stringify.mockRestore();
    }
  });

  test("drops repeated texts in short and long unions alike, flattening nested ones", () => {
    const texts = (n: number) =>
      Array.from({ length: n }, (_, i) => raw(`"v${i % 5}"`));
    for (const n of [2, 7, 8, 9, 12, 40])
      expect(union(texts(n))).toEqual({
        kind: "union",
        members: texts(Math.min(n, 5)),
      });
    expect(
      union([raw("A"), { kind: "union", members: [raw("B"), raw("A")] }]),
    ).toEqual({ kind: "union", members: [raw("A"), raw("B")] });
    expect(union([raw("unknown")])).toBe(UNKNOWN);
    expect(union([raw("A"), raw("A")])).toEqual(raw("A"));
    expect(union([])).toEqual(raw("never"));
  });

  test("an intersection spreads nested ones and drops `unknown`", () => {
    const both: TypeNode = {
      kind: "intersection",
      members: [raw("A"), raw("B")],
    };
    expect(intersection([raw("unknown"), raw("A")])).toEqual(raw("A"));
    expect(intersection([raw("unknown")])).toBe(UNKNOWN);
    expect(intersection([both, raw("unknown"), raw("C")])).toEqual({
      kind: "intersection",
      members: [raw("A"), raw("B"), raw("C")],
    });
  });

  test("a response of one schema under two JSON media types is that type once; XML is the Blob the client hands over, after it", async () => {
    const { files } = await generate([{ file: "p.json", text: PETSTORE }], {
      artifacts: ["client"],
    });
    const types = files.find((f) => f.path === "types.ts")!.contents;
    expect(types).toMatch(/ {2}"200": Pet\[\] \| Blob;\n/);
    expect(types).not.toContain("Pet[] | Pet[]");
  });
});
