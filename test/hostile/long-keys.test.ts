import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { apiloom, outDir } from "./cli.js";

/**
 * A 1 MB path template over 3,000 parameters, and a 1 MB schema name over 3,000 properties: a
 * 3.4 MB description. Each fact below a key is placed by a JSON pointer through it; a pointer
 * copied per fact took 1 MB each, and the run died of V8's out-of-memory past 4 GB.
 */
function longKeys(): object {
  const parameters: object[] = Array.from({ length: 3000 }, (_, i) => ({
    name: `q${i}`,
    in: "query",
    schema: { type: "string" },
  }));
  // one fault below the long key, to show its place is still found
  parameters[1500] = {
    name: "c",
    in: "cookie",
    style: "matrix",
    schema: { type: "string" },
  };
  const name = "S" + "b".repeat(1_000_000);
  const properties = Object.fromEntries(
    Array.from({ length: 3000 }, (_, i) => [`p${i}`, { type: "string" }]),
  );
  const json = {
    "application/json": { schema: { $ref: `#/components/schemas/${name}` } },
  };
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      ["/" + "a".repeat(1_000_000)]: {
        get: {
          operationId: "longPath",
          parameters,
          responses: { "200": { description: "ok", content: json } },
        },
      },
    },
    components: { schemas: { [name]: { type: "object", properties } } },
  };
}

const ALL = "types,client,server,validators,docs,openapi,query,mocks,mcp,paths";

/** `file:line:column` of the first `needle` in `text`. */
function placeOf(file: string, text: string, needle: string): string {
  const at = text.indexOf(needle);
  const before = text.slice(0, at).split("\n");
  return `${file}:${before.length}:${before.at(-1)!.length + 1}`;
}

describe("keys of a megabyte over thousands of facts", () => {
  const spec = longKeys();
  it.each([
    ["long.json", JSON.stringify(spec, null, 1), '"style": "matrix"'],
    ["long.yaml", stringify(spec, { lineWidth: 0 }), "style: matrix"],
  ])(
    "%s generates every artifact in a 384 MB heap, its warning at its place",
    (file, text, needle) => {
      const out = outDir(`long-keys-${file}`);
      const input = join(out, "..", file);
      writeFileSync(input, text);
      const run = apiloom(
        [
          "generate",
          file,
          "-o",
          out,
          "-a",
          ALL,
          "--verbose",
          "--no-config",
          "--no-lock",
        ],
        join(out, ".."),
        { NODE_OPTIONS: "--max-old-space-size=384" },
      );
      const said = run.stderr.slice(-2000);
      expect(run.code, said).toBe(0);
      expect(said).not.toMatch(/internal error|RangeError|out of memory/i);
      const warning = run.stderr
        .split("\n")
        .find((l) => l.includes(" openapi3/invalid-style "));
      expect(warning?.slice(0, 200)).toMatch(
        new RegExp(`^${placeOf(file, text, needle)}: warning`),
      );
    },
    60_000,
  );
});
