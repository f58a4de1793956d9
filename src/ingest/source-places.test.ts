import { describe, expect, it } from "vitest";
import { ingestTexts } from "./index.js";

/** 1-based line and column of an offset, counted here without the parser's help. */
function placeOf(text: string, offset: number) {
  const before = text.slice(0, offset);
  return {
    line: before.split("\n").length,
    column: offset - before.lastIndexOf("\n"),
  };
}

/** An OpenAPI 3.0 description with `count` paths; the last one's schema has a bad pattern. */
function bigSpec(count: number): string {
  const paths: Record<string, unknown> = {};
  for (let i = 0; i < count; i++)
    paths[`/things${i}`] = {
      get: {
        operationId: `getThing${i}`,
        responses: {
          "200": {
            description: "ok",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: {
                    id: { type: "string" },
                    ...(i === count - 1
                      ? { code: { type: "string", pattern: "([" } }
                      : {}),
                  },
                },
              },
            },
          },
        },
      },
    };
  return JSON.stringify(
    { openapi: "3.0.3", info: { title: "t", version: "1" }, paths },
    null,
    2,
  );
}

describe("source places, found after the reading in one pass", () => {
  const text = bigSpec(3000);
  const { documents, diagnostics } = ingestTexts([{ file: "big.json", text }]);

  it("give a diagnostic deep in a large file its line and column", () => {
    const bad = diagnostics.find((d) => d.code === "schema/invalid-pattern");
    expect(bad).toBeDefined();
    expect({ line: bad!.line, column: bad!.column }).toEqual(
      placeOf(text, text.indexOf('"pattern"')),
    );
  });

  it("give every endpoint the place of its method in the file", () => {
    const endpoints = documents[0]!.endpoints;
    expect(endpoints).toHaveLength(3000);
    for (const i of [0, 1234, 2999]) {
      const endpoint = endpoints.find((e) => e.path === `/things${i}`)!;
      const key = text.indexOf('"get"', text.indexOf(`"/things${i}"`));
      expect(endpoint.sources[0]).toMatchObject({
        file: "big.json",
        ...placeOf(text, key),
        pointer: `#/paths/~1things${i}/get`,
      });
    }
  });

  it("are plain data once read: printed, spread and cloned with all four fields in order", () => {
    const source = documents[0]!.endpoints[7]!.sources[0]!;
    const plain = {
      file: source.file,
      line: source.line,
      column: source.column,
      pointer: source.pointer,
    };
    expect(JSON.stringify(source)).toBe(JSON.stringify(plain));
    expect(Object.keys(source)).toEqual(["file", "line", "column", "pointer"]);
    expect(Object.getPrototypeOf(source)).toBe(Object.prototype);
    expect({ ...source }).toEqual(plain);
    expect(structuredClone(source)).toEqual(plain);
  });
});
