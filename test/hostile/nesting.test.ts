import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { typeCheck } from "../server/generated.js";
import {
  expectNoCrash,
  expectRejected,
  generateInto,
  markedOutDir,
  outDir,
  REPO,
  type Run,
} from "./cli.js";

/**
 * Class 2 of issue 10: extreme nesting. Values deeper than 256 levels are rejected where they are
 * parsed (JSON and YAML alike); schemas deeper than 128 are read as any value with a warning.
 * The fixtures are generated: thousands of levels are no reading matter.
 */
const HEAD = '{"openapi":"3.1.0","info":{"title":"deep","version":"1"},';

/** Writes `text` into a fresh input folder and returns its path relative to the repository. */
function input(name: string, text: string): string {
  const dir = outDir(`input-${name}`);
  writeFileSync(join(dir, name), text);
  return join("test/hostile/out", `input-${name}`, name);
}

/** 1-based column of the bracket that opens nesting level `depth` (a one-line text, no brackets in strings). */
function columnAtDepth(text: string, depth: number): number {
  let level = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "{" || text[i] === "[") level++;
    else if (text[i] === "}" || text[i] === "]") level--;
    if (level === depth) return i + 1;
  }
  throw new Error(`the text does not nest ${depth} levels`);
}

/** Peak memory of a run is not visible from here; wall time is, and is only printed. */
function note(label: string, run: Run): void {
  process.stdout.write(
    `  ${label}: exit ${run.code}, ${Math.round(run.ms)} ms\n`,
  );
}

describe("extreme nesting", () => {
  it("rejects a schema nested 5,000 levels through properties (JSON) at the first level too deep", () => {
    const text =
      HEAD +
      '"paths":{},"components":{"schemas":{"Deep":' +
      '{"type":"object","properties":{"p":'.repeat(5000) +
      '{"type":"string"}' +
      "}}".repeat(5000) +
      "}}}";
    const file = input("deep-properties.json", text);
    const out = markedOutDir("deep-properties");
    const run = generateInto(out, file);
    note("5,000 levels of properties", run);
    const column = columnAtDepth(text, 257);
    expectRejected(run, out, { file, line: 1, column, code: "parse/too-deep" });
    expect(run.stderr).toContain("deeper than 256 levels");
  });

  it("rejects 5,000 levels of YAML flow collections at the place", () => {
    const text =
      "openapi: 3.1.0\ninfo: {title: deep, version: '1'}\npaths: {}\ncomponents:\n  schemas:\n    F:\n      example: " +
      "[".repeat(5000) +
      "]".repeat(5000) +
      "\n";
    const file = input("deep-flow.yaml", text);
    const out = markedOutDir("deep-flow");
    const run = generateInto(out, file);
    note("5,000 levels of YAML flow", run);
    expectRejected(run, out, { file, line: 7, code: "parse/too-deep" });
  });

  it("rejects 2,000 nested Postman folders at the place", () => {
    let item =
      '[{"name":"leaf","request":{"method":"GET","url":"https://x.example.test/a"}}]';
    for (let i = 0; i < 2000; i++) item = `[{"name":"f${i}","item":${item}}]`;
    const text = `{"info":{"name":"folders","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":${item}}`;
    const file = input("folders.postman.json", text);
    const out = markedOutDir("folders");
    const run = generateInto(out, file);
    note("2,000 Postman folders", run);
    expectRejected(run, out, { file, line: 1, code: "parse/too-deep" });
  });

  it("reads 100 nested Postman folders (under the limit) as usual", () => {
    let item =
      '[{"name":"leaf","request":{"method":"GET","url":"https://x.example.test/a"}}]';
    for (let i = 0; i < 100; i++) item = `[{"name":"f${i}","item":${item}}]`;
    const text = `{"info":{"name":"folders","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":${item}}`;
    const out = outDir("folders-100");
    const run = generateInto(out, input("folders-100.postman.json", text));
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
  });

  it("types a schema nested 200 levels through items as unknown below level 128, with a warning; the output compiles", () => {
    const text =
      HEAD +
      '"paths":{"/a":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Deep"}}}}}}}},"components":{"schemas":{"Deep":' +
      '{"type":"array","items":'.repeat(200) +
      '{"type":"string"}' +
      "}".repeat(200) +
      "}}}";
    const file = input("deep-items.json", text);
    const out = outDir("deep-items");
    const run = generateInto(out, file);
    note("200 levels of items", run);
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    // the 129th schema of the chain is the value of the 128th `items`: the warning names its key
    const column = text.split('"items"', 128).join('"items"').length + 1;
    expect(run.stderr).toContain(
      `${file}:1:${column}: warning schema/too-deep`,
    );
    expect(typeCheck(out).output).toBe("");
  });

  it("follows a chain of 3,000 $refs without nesting a conversion per link", () => {
    const defs = Array.from(
      { length: 3000 },
      (_, i) =>
        `"S${i}":{"type":"object","properties":{"next":{"$ref":"#/components/schemas/S${i + 1}"}}}`,
    );
    defs.push('"S3000":{"type":"string"}');
    const text =
      HEAD +
      '"paths":{"/a":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":{"$ref":"#/components/schemas/S0"}}}}}}}},"components":{"schemas":{' +
      defs.join(",") +
      "}}}";
    const out = outDir("ref-chain");
    const run = generateInto(
      out,
      "-a",
      "openapi",
      input("ref-chain.json", text),
    );
    note("3,000 chained $refs", run);
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain("too-deep");
  });
});
