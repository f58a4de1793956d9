import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { addScript } from "./package-script.js";

const dir = mkdtempSync(join(tmpdir(), "apiloom-package-script-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SCRIPT = { name: "generate:api", command: "apiloom generate" };

/** Writes `text` as package.json, adds the script, returns the result and the new text. */
function edit(text: string) {
  const file = join(dir, "package.json");
  writeFileSync(file, text);
  const result = addScript(file, SCRIPT);
  return { result, text: readFileSync(file, "utf8") };
}

describe("adding the npm script to package.json", () => {
  it("inserts one line into scripts and keeps every other byte (4-space indent, no final newline)", () => {
    const before =
      '{\n    "name": "demo",\n    "scripts": {\n        "test": "vitest"\n    },\n    "private": true\n}';
    const { result, text } = edit(before);
    expect(result).toEqual({ added: true, name: "generate:api" });
    expect(text).toBe(
      '{\n    "name": "demo",\n    "scripts": {\n        "test": "vitest",\n        "generate:api": "apiloom generate"\n    },\n    "private": true\n}',
    );
  });

  it("adds scripts when there is none, with the file's CRLF line ends and tabs", () => {
    const before = '{\r\n\t"name": "demo",\r\n\t"deps": { "a": "{}" }\r\n}\r\n';
    const { text } = edit(before);
    expect(text).toBe(
      '{\r\n\t"name": "demo",\r\n\t"deps": { "a": "{}" },\r\n\t"scripts": {\r\n\t\t"generate:api": "apiloom generate"\r\n\t}\r\n}\r\n',
    );
  });

  it("fills an empty scripts object, and is not fooled by braces and keys inside strings", () => {
    const before =
      '{\n  "description": "a \\"scripts\\": { } trap",\n  "scripts": {},\n  "x": 1\n}\n';
    const { text } = edit(before);
    expect(JSON.parse(text)).toEqual({
      description: 'a "scripts": { } trap',
      scripts: { "generate:api": "apiloom generate" },
      x: 1,
    });
    expect(text).toContain('  "x": 1\n}\n');
  });

  it("names a script that already runs generate instead of adding one", () => {
    const before = '{ "scripts": { "api": "apiloom generate" } }';
    const { result, text } = edit(before);
    expect(result).toEqual({ added: false, name: "api" });
    expect(text).toBe(before);
  });

  it("leaves a taken name and a broken file alone, saying why", () => {
    const taken = '{ "scripts": { "generate:api": "other" } }';
    expect(edit(taken).text).toBe(taken);
    expect(edit(taken).result.reason).toMatch(/already has a script/);
    const broken = '{ "name": ';
    expect(edit(broken).text).toBe(broken);
    expect(edit(broken).result.reason).toMatch(/not valid JSON/);
    const odd = '{ "scripts": ["x"] }';
    expect(edit(odd).text).toBe(odd);
  });
});
