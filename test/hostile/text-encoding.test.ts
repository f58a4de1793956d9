import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  expectNoCrash,
  expectRejected,
  FIXTURES,
  generateInto,
  markedOutDir,
  outDir,
} from "./cli.js";

/**
 * Class 5 of issue 22: text is what it claims. Invalid UTF-8 is an error at the first bad byte
 * (never U+FFFD in a path and `listeCafS` in the code), UTF-16 in either byte order is read with
 * or without a BOM, and code frames never print control characters raw.
 */
const DIR = "test/fixtures/hostile/text-encoding";

describe("input that is not UTF-8", () => {
  it("Latin-1 `café` is an error at the first bad byte's line:column; nothing is written", () => {
    const out = markedOutDir("latin1");
    const run = generateInto(
      out,
      join(FIXTURES, "text-encoding/latin1.openapi.yaml"),
    );
    // line 2 is `info: { title: Caf\xE9, version: "1" }`: 0xE9 is the 19th character
    expectRejected(run, out, {
      file: `${DIR}/latin1.openapi.yaml`,
      line: 2,
      column: 19,
      code: "input/encoding",
    });
    expect(run.stderr).toContain("byte 0xE9");
    expect(run.stderr).not.toContain("listeCafS");
  });

  /** The UTF-8 file's API: title, paths and operationIds (read once). */
  let expected: string | undefined;
  const api = (out: string) => {
    const doc = JSON.parse(readFileSync(join(out, "openapi.json"), "utf8"));
    return JSON.stringify({
      title: doc.info.title,
      paths: Object.entries(doc.paths).map(([path, item]) => [
        path,
        (item as { get: { operationId: string } }).get.operationId,
      ]),
    });
  };

  it.each([
    "utf16le.openapi.yaml",
    "utf16be.openapi.yaml",
    "utf16le-bom.openapi.yaml",
    "utf16be-bom.openapi.yaml",
  ])(
    "%s (UTF-16, with or without a BOM) is read as the UTF-8 file is",
    (file) => {
      if (expected === undefined) {
        const utf8 = outDir("utf8-cafe");
        const run = generateInto(
          utf8,
          join(FIXTURES, "text-encoding/cafe.openapi.yaml"),
        );
        expect(run.code, run.stderr).toBe(0);
        expected = api(utf8);
        expect(expected).toContain('"Café"');
        expect(expected).toContain('"/café"');
      }
      const out = outDir(`utf16-${file}`);
      const run = generateInto(out, join(FIXTURES, "text-encoding", file));
      expectNoCrash(run);
      expect(run.code, run.stderr).toBe(0);
      expect(api(out)).toBe(expected);
    },
  );
});

describe("code frames", () => {
  it("show control characters escaped, the caret under the character the error names", () => {
    const out = markedOutDir("control-chars");
    const run = generateInto(
      out,
      join(FIXTURES, "text-encoding/control-chars.openapi.json"),
    );
    expectRejected(run, out, {
      file: `${DIR}/control-chars.openapi.json`,
      line: 3,
      column: 24,
      code: "parse/invalid-json",
    });
    // no control character but the line break reaches the terminal (NO_COLOR: no escapes either)
    expect(run.stderr).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f]/);
    const lines = run.stderr.split("\n");
    const framed = lines.findIndex((l) => l.startsWith("> 3 |"));
    expect(lines[framed]).toContain(String.raw`"t\x00\x1b[2J\x07x"`);
    const caret = lines[framed + 1]!.indexOf("^");
    expect(caret).toBe(lines[framed]!.indexOf(String.raw`\x00`));
  });
});
