import { describe, expect, it } from "vitest";
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
