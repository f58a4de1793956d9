import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJson } from "./json.js";
import { ParseError } from "./parsed-document.js";

const text = [
  "{",
  '  "swagger": "2.0",',
  '  "paths": {',
  '    "/pets/{id}": {',
  '      "get": {',
  '        "parameters": [',
  '          { "name": "id", "in": "path" },',
  '          { "name": "q\\"x", "in": "query", "schema": { "type": "string" } }',
  "        ]",
  "      }",
  "    }",
  "  }",
  "}",
].join("\n");

describe("parseJson", () => {
  it("locates members and elements by path, at any depth", () => {
    const doc = parseJson(text, "a.json");
    expect(doc.locate([])).toEqual({ line: 1, column: 1 });
    expect(doc.locate(["paths", "/pets/{id}", "get"])).toEqual({
      line: 5,
      column: 7,
    });
    expect(doc.locate(["paths", "/pets/{id}", "get", "parameters", 1])).toEqual(
      { line: 8, column: 11 },
    );
    expect(
      doc.locate([
        "paths",
        "/pets/{id}",
        "get",
        "parameters",
        1,
        "schema",
        "type",
      ]),
    ).toEqual({ line: 8, column: 56 });
  });

  it("points a missing member at its nearest existing parent", () => {
    const doc = parseJson(text, "a.json");
    expect(doc.locate(["paths", "/pets/{id}", "get", "responses"])).toEqual({
      line: 5,
      column: 7,
    });
  });

  it("counts lines the same with CRLF line ends", () => {
    const doc = parseJson(text.replace(/\n/g, "\r\n"), "a.json");
    expect(doc.locate(["paths", "/pets/{id}", "get", "parameters", 1])).toEqual(
      { line: 8, column: 11 },
    );
  });

  it.each([
    ['{\n  "a": 1,\n  "b": }', 3, 8, /expected a value/],
    ['{\n  "a": 1,\n}', 3, 1, /trailing comma/],
    ['{\n  "a": "x\n"}', 2, 10, /control character/],
    ["{\n  a: 1\n}", 2, 3, /property name/],
    ['{"a": [1, 2}', 1, 12, /expected ',' or '\]'/],
    // objects and arrays, nested in each other, each fault said in its own words
    ["[1,\n]", 2, 1, /^invalid JSON: trailing comma before '\]'$/],
    ['[1, {"x": [true, null,]}]', 1, 23, /: trailing comma before '\]'$/],
    ['{"a": [], "b": {}, }', 1, 20, /: trailing comma before '\}'$/],
    ['{"a" 1}', 1, 6, /: expected ':' after a property name, found "1"$/],
    [
      '{"a": 1 "b": 2}',
      1,
      9,
      /: expected ',' or '\}' in an object, found "\\""$/,
    ],
    [
      '{"a": {"b": 1]}',
      1,
      14,
      /: expected ',' or '\}' in an object, found "\]"$/,
    ],
    ["[[], {} 1]", 1, 9, /: expected ',' or '\]' in an array, found "1"$/],
  ])(
    "reports a syntax error at its line and column: %j",
    (bad, line, column, message) => {
      let error: unknown;
      try {
        parseJson(bad, "bad.json");
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ParseError);
      const e = error as ParseError;
      expect({ file: e.file, line: e.line, column: e.column }).toEqual({
        file: "bad.json",
        line,
        column,
      });
      expect(e.message).toMatch(message);
    },
  );

  it("reports a syntax error 200,000 levels deep: its checker keeps them on a stack, not the call stack", () => {
    for (const [bad, column, message] of [
      [
        "[".repeat(200_000) + "x",
        200_001,
        /: unexpected "x": expected a value$/,
      ],
      ['{"a":'.repeat(100_000) + "}", 500_001, /: unexpected "\}"/],
    ] as const) {
      const error = (() => {
        try {
          parseJson(bad, "deep.json");
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(ParseError);
      expect((error as ParseError).column).toBe(column);
      expect((error as ParseError).message).toMatch(message);
    }
  });

  it("rejects a text exactly when JSON.parse does (fast-check: JSON texts, cut and spliced)", () => {
    const texts = fc
      .tuple(
        fc.json(),
        fc.nat(),
        fc.nat(),
        fc.constantFrom("", ",", "]", "}", ":", '"', "[", "{", " 1"),
      )
      .map(([json, at, cut, splice]) => {
        const i = at % (json.length + 1);
        return json.slice(0, i) + splice + json.slice(i + (cut % 3));
      });
    fc.assert(
      fc.property(texts, (text) => {
        let parsed = true;
        try {
          JSON.parse(text);
        } catch {
          parsed = false;
        }
        let read = true;
        try {
          parseJson(text, "t.json");
        } catch (e) {
          expect(e).toBeInstanceOf(ParseError);
          read = false;
        }
        expect(read).toBe(parsed);
      }),
      { numRuns: 3000 },
    );
  });
});
