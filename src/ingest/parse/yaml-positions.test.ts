import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parseYamlStream, FullPositions } from "./yaml.js";
import type { Path } from "../../model/pointer.js";
import { CORPUS_DIR, CORPUS_PRESENT } from "../../../test/shared-corpus.js";

/** The seeds, and YAML documents of the shared corpus when it is beside the repository. */
const FILES = [
  "specs/stride-messaging.swagger.yaml",
  "specs/stride-conversations.swagger.yaml",
  "specs/stride-messages.swagger.yaml",
  ...(CORPUS_PRESENT
    ? [
        "swagger2/netlify.yml",
        "swagger2/uber.yaml",
        "oas30/link-example.yaml",
        "oas31/redocly-museum.yaml",
      ].map((f) => relative(".", join(CORPUS_DIR, f)))
    : []),
];

function* paths(value: unknown, prefix: Path, depth: number): Generator<Path> {
  if (depth === 0 || value === null || typeof value !== "object") return;
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value);
  for (const [key, child] of entries) {
    const path = [...prefix, key];
    yield path;
    yield* paths(child, path, depth - 1);
  }
}

describe("YAML positions from the line index", () => {
  it.each(FILES)(
    "agree with the yaml package's document nodes in %s",
    (file) => {
      const text = readFileSync(file, "utf8");
      const docs = parseYamlStream(text, file);
      const exact = new FullPositions(text);
      let compared = 0;
      docs.forEach((doc, i) => {
        for (const path of paths(doc.value, [], 7)) {
          const want = exact.locate(i, path);
          const got = doc.locate(path);
          if (got.line !== want.line || got.column !== want.column)
            expect({ path, got }).toEqual({ path, got: want });
          compared++;
        }
      });
      expect(compared).toBeGreaterThan(10);
    },
  );

  it("places keys right where strict YAML 1.2 gives up (docker-engine's under-indented strings)", () => {
    const file = "test/fixtures/yaml/under-indented.swagger.yaml";
    const text = readFileSync(file, "utf8");
    const [doc] = parseYamlStream(text, file);
    const lines = text.split("\n");
    const items = [
      "definitions",
      "HostConfig",
      "allOf",
      1,
      "properties",
      "SecurityOpt",
      "items",
    ];
    const at = doc!.locate(items);
    expect(lines[at.line - 1]!.slice(at.column - 1)).toBe("items:");
    expect(lines[at.line - 2]).toContain("processes, one string each.");
  });

  it("places keys of a multi-document stream in their own document", () => {
    const text =
      "---\na: 1\nb:\n  - x: 1\n  -\n    y: 2\n---\n---\nc: |\n  text\n  d: not a key\ne: 3\n";
    const docs = parseYamlStream(text, "s.yaml");
    expect(docs.map((d) => d.value)).toEqual([
      { a: 1, b: [{ x: 1 }, { y: 2 }] },
      { c: "text\nd: not a key\n", e: 3 },
    ]);
    expect(docs[0]!.locate(["b", 1, "y"])).toEqual({ line: 6, column: 5 });
    expect(docs[0]!.locate(["b", 1])).toEqual({ line: 6, column: 5 });
    expect(docs[1]!.locate(["e"])).toEqual({ line: 12, column: 1 });
    expect(docs[1]!.locate([])).toEqual({ line: 9, column: 1 });
  });

  it("falls back to exact positions for flow mappings the line index does not model", () => {
    const text =
      "paths:\n  /a: {get: {responses: {'200': {description: ok}}}}\n";
    const [doc] = parseYamlStream(text, "f.yaml");
    expect(doc!.locate(["paths", "/a", "get", "responses"])).toEqual({
      line: 2,
      column: 14,
    });
  });
});
