import { describe, expect, it } from "vitest";
import * as yamlPackage from "yaml";
import { parseText } from "../load.js";
import { ParseError } from "./parsed-document.js";

describe("parseText (YAML)", () => {
  it("reads a stream that starts and ends with --- as its non-empty documents", () => {
    const docs = parseText(
      "---\nswagger: '2.0'\npaths: {}\n---\nopenapi: 3.0.0\n---\n",
      "s.yaml",
    );
    expect(docs.map((d) => d.value)).toEqual([
      { swagger: "2.0", paths: {} },
      { openapi: "3.0.0" },
    ]);
    expect(docs[1]!.locate(["openapi"])).toEqual({ line: 5, column: 1 });
  });

  it("locates keys inside nested maps and sequences, with CRLF and a BOM", () => {
    const text =
      "\uFEFFpaths:\r\n  /a:\r\n    get:\r\n      parameters:\r\n        - name: x\r\n          in: query\r\n";
    const [doc] = parseText(text, "s.yaml");
    expect(doc!.locate(["paths", "/a", "get"])).toEqual({ line: 3, column: 5 });
    expect(doc!.locate(["paths", "/a", "get", "parameters", 0, "in"])).toEqual({
      line: 6,
      column: 11,
    });
  });

  it("reads a .yaml file written as one flow mapping as YAML, a .json one as JSON", () => {
    // js-yaml's dump with flowLevel 0; JSON.parse rejects its unquoted keys
    const text = "{openapi: 3.1.0, paths: {/a: {get: {responses: {}}}}}\n";
    const [doc] = parseText(text, "flow.yaml");
    expect(doc!.value).toEqual({
      openapi: "3.1.0",
      paths: { "/a": { get: { responses: {} } } },
    });
    expect(doc!.locate(["paths", "/a", "get"])).toEqual({
      line: 1,
      column: 31,
    });
    expect(() => parseText(text, "flow.json")).toThrow(/invalid JSON/);
  });

  it("reports a syntax error at the right line", () => {
    const bad = "swagger: '2.0'\npaths:\n  /a:\n    get: [unclosed\n  /b: {}\n";
    expect(() => parseText(bad, "bad.yaml")).toThrow(ParseError);
    try {
      parseText(bad, "bad.yaml");
    } catch (e) {
      expect((e as ParseError).file).toBe("bad.yaml");
      expect((e as ParseError).line).toBeGreaterThanOrEqual(4);
      expect((e as ParseError).line).toBeLessThanOrEqual(5);
    }
  });

  it("names both places of a duplicated key, the column when they share a line", () => {
    const error = (text: string) => {
      try {
        parseText(text, "dup.yaml");
      } catch (e) {
        return e as ParseError;
      }
      return expect.unreachable();
    };
    const why =
      "(YAML forbids a key twice in one mapping, and one of the two would be lost)";
    const first = error("a: 1\nb: 2\na: 3\n");
    expect(first.message).toBe(
      `duplicate key "a": it is also at line 1 ${why}`,
    );
    expect([first.line, first.column, first.code]).toEqual([
      3,
      1,
      "parse/duplicate-key",
    ]);
    expect(first.related).toEqual([{ line: 1, column: 1 }]);
    const flow = error("x: {k: 1, k: 2}\n");
    expect(flow.message).toBe(
      `duplicate key "k": it is also at line 1, column 5 ${why}`,
    );
    expect([flow.line, flow.column]).toEqual([1, 11]);
  });

  it("reads numbers as YAML 1.2's core schema has them, as the `yaml` package does", () => {
    // js-yaml's own int and float read `0b1010` and a signed hex or octal as numbers (YAML 1.1's),
    // and left `-.5` a string: a schema's `minimum: -.5` was no number, an `example: 0b1010` was 10
    const text =
      "minimum: -.5\nmaximum: +.5\nexample: [0b1010, +0x1F, -0o17, 0x1F, 0o17, 017, +12, 1., 1e3]\n" +
      "special: [.inf, -.Inf, 1e400, !!float 1, !!int 0x1F, 1_000, 1:20]\nenum: {0b1: a, -.5: b}\n";
    const value = parseText(text, "numbers.yaml")[0]!.value;
    expect(value).toEqual({
      minimum: -0.5,
      maximum: 0.5,
      example: ["0b1010", "+0x1F", "-0o17", 31, 15, 17, 12, 1, 1000],
      special: [Infinity, -Infinity, Infinity, 1, 31, "1_000", "1:20"],
      enum: { "0b1": "a", "-0.5": "b" },
    });
    const { parse } = yamlPackage;
    expect(value).toEqual(
      parse(text.replace("!!float 1", "!!float 1.0"), { merge: true }),
    );
  });

  it("reads more than 10,000 merged keys, and refuses a merge bomb as it does an alias bomb", () => {
    // js-yaml's default bound refused a spec whose operations merge their common members
    const operations = Array.from(
      { length: 1100 },
      (_, i) => `  /p${i}: {get: {<<: *common, operationId: op${i}}}\n`,
    ).join("");
    const keys = Array.from({ length: 10 }, (_, i) => `x-k${i}: ${i}`);
    const text = `x-common: &common {${keys.join(", ")}}\npaths:\n${operations}`;
    const value = parseText(text, "merged.yaml")[0]!.value as {
      paths: Record<string, { get: Record<string, unknown> }>;
    };
    expect(value.paths["/p1099"]!.get).toMatchObject({
      "x-k9": 9,
      operationId: "op1099",
    });
    // each map merges the one before and adds a key: merged keys grow with the square of the text
    let bomb = "m0: &m0 {k0: 0}\n";
    for (let i = 1; i < 2000; i++)
      bomb += `m${i}: &m${i} {<<: *m${i - 1}, k${i}: ${i}}\n`;
    const error = (() => {
      try {
        parseText(bomb, "bomb.yaml");
      } catch (e) {
        return e as ParseError;
      }
      return expect.unreachable();
    })();
    expect([error.code, error.line]).toEqual(["parse/alias-expansion", 1414]);
    expect(error.message).toMatch(
      /^YAML merge keys copy more than 1,000,000 members/,
    );
  });

  it("rejects an empty file and a file of comments", () => {
    for (const text of ["", "  \n\n", "# nothing\n---\n"]) {
      try {
        parseText(text, "empty.yaml");
        expect.unreachable();
      } catch (e) {
        expect((e as ParseError).code).toBe("parse/empty-file");
      }
    }
  });

  it("reads YAML that only lenient parsers accept", () => {
    // Docker's spec: a quoted string continued on a line indented like its key
    const text =
      'definitions:\n  A:\n    description: "A list of values for MLS\n    systems, such as SELinux."\n    type: string\n';
    const [doc] = parseText(text, "lenient.yaml");
    expect(doc!.value).toEqual({
      definitions: {
        A: {
          description: "A list of values for MLS systems, such as SELinux.",
          type: "string",
        },
      },
    });
    expect(doc!.locate(["definitions", "A", "type"])).toEqual({
      line: 5,
      column: 5,
    });
  });
});
