import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative } from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import YAML from "yaml";
import { parseYamlStream, FullPositions } from "./yaml.js";
import { indexYamlLines, keyOf } from "./yaml-lines.js";
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

  it.each([
    ["a note", "release notes\n"],
    [
      "a flow mapping",
      "# the old API\n{openapi: 3.0.0, info: {title: Old,\n  version: '1'}, paths: {}}\n",
    ],
  ])(
    "places keys in their own document behind %s the line index sees no key in",
    (_, lead) => {
      const api = (title: string, header: string) =>
        `openapi: 3.0.0\ninfo:\n  title: ${title}\npaths:\n  /a:\n    get:\n      parameters:\n        - in: header\n          name: "${header}"\n`;
      const text = `${lead}---\n${api("A", "tok(en)")}---\n${api("B", "X-Ok")}`;
      const docs = parseYamlStream(text, "s.yaml");
      const exact = new FullPositions(text);
      const name = ["paths", "/a", "get", "parameters", 0, "name"];
      for (const i of [0, 1, 2])
        for (const path of [[], ["info", "title"], name])
          expect(docs[i]!.locate(path)).toEqual(exact.locate(i, path));
    },
  );

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

describe("the line index across flow collections", () => {
  it("finds a path inside a flow collection from its own lines, not by parsing the whole text again", () => {
    const yaml = createRequire(import.meta.url)("yaml") as typeof YAML;
    const parse = vi.spyOn(yaml, "parseAllDocuments");
    try {
      const text =
        "components:\n  schemas:\n    Id: { type: string, pattern: '^[a-z]+$' }\n    Ids:\n      type: array\n      items: [\n        {a: 1},\n        {b: 2}]\n";
      const [doc] = parseYamlStream(text, "f.yaml");
      const id = ["components", "schemas", "Id", "pattern"];
      const b = ["components", "schemas", "Ids", "items", 1, "b"];
      expect(doc!.locate(id)).toEqual({ line: 3, column: 25 });
      expect(doc!.locate(b)).toEqual({ line: 8, column: 10 });
      expect(parse.mock.calls.map(([t]) => t.length < text.length)).toEqual([
        true,
        true,
      ]);
      const exact = new FullPositions(text);
      expect([exact.locate(0, id), exact.locate(0, b)]).toEqual([
        doc!.locate(id),
        doc!.locate(b),
      ]);
    } finally {
      parse.mockRestore();
    }
  });

  it("parses one flow collection once for the places asked in it one after another", () => {
    // an operation written on one line, as js-yaml's flowLevel writes it (80 KB lines in
    // gsmtasks.com's 900 KB document, whose 265 places took 155 s)
    const yaml = createRequire(import.meta.url)("yaml") as typeof YAML;
    const parse = vi.spyOn(yaml, "parseAllDocuments");
    try {
      const op = (n: number) =>
        `  /t${n}:\n    get: {parameters: [{in: query, name: a, schema: {type: string, pattern: "a+"}}, {in: query, name: b}], responses: {"200": {description: ok}}}\n`;
      const text = `paths:\n${op(1)}${op(2)}`;
      const [doc] = parseYamlStream(text, "f.yaml");
      const get = (n: number) => ["paths", `/t${n}`, "get"];
      const places = [1, 2].flatMap((n) => [
        [...get(n), "parameters", 0, "schema", "pattern"],
        [...get(n), "parameters", 1, "name"],
        [...get(n), "responses", "200"],
      ]);
      const exact = new FullPositions(text);
      const want = places.map((path) => exact.locate(0, path));
      parse.mockClear();
      expect(places.map((path) => doc!.locate(path))).toEqual(want);
      expect(parse).toHaveBeenCalledTimes(2);
    } finally {
      parse.mockRestore();
    }
  });

  it.each([
    ["an apostrophe in a plain scalar", "  enum: [won't fix, used in tests]"],
    [
      "a quote after a space in a plain scalar",
      '  values: [ 10.0 " (Size 50) ]',
    ],
    [
      "a quote after a colon in a plain scalar",
      '  x: { description: the "From:" header, type: string }',
    ],
    [
      "a quote inside a flow mapping's plain value",
      "  x: {description: It's 6\" wide}",
    ],
    ["a quoted scalar holding a bracket", `  enum: ["a ] b", 'it''s [', c]`],
  ])("keeps reading keys after %s", (_, flowLine) => {
    const text = `a:\n${flowLine}\n  y: 1\nb: 2\n`;
    const [index] = indexYamlLines(text.split("\n"), { maxDepth: 3 });
    expect(index!.get(keyOf(["a", "y"]))).toEqual({ line: 3, column: 3 });
    expect(index!.get(keyOf(["b"]))).toEqual({ line: 4, column: 1 });
  });
});

describe("YAML positions against the yaml package, for any text", () => {
  it("agree on every path of documents with flow collections and quotes anywhere", () => {
    const words = fc.constantFrom(
      "a",
      "it's",
      'say "hi"',
      "x: y",
      "[b]",
      "{c}",
      "d, e",
      "#f",
      "'g'",
      "won't fix",
      "-",
      "?",
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        words,
        fc.array(tie("node"), { maxLength: 3 }),
        fc.dictionary(words, tie("node"), { maxKeys: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(
        fc.dictionary(words, value, { minKeys: 1, maxKeys: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(20, 80),
        (root, flowFrom, lineWidth) => {
          const doc = new YAML.Document(root);
          YAML.visit(doc, (_, node, path) => {
            if (
              (YAML.isMap(node) || YAML.isSeq(node)) &&
              path.length >= flowFrom * 2
            )
              node.flow = true;
          });
          const text = doc.toString({ lineWidth, minContentWidth: 0 });
          const [parsed] = parseYamlStream(text, "p.yaml");
          const exact = new FullPositions(text);
          for (const path of paths(parsed!.value, [], 8))
            expect({ path, at: parsed!.locate(path) }).toEqual({
              path,
              at: exact.locate(0, path),
            });
        },
      ),
      { seed: 20261128, numRuns: 300 },
    );
  });
});

describe("YAML positions against the yaml package, with comments and escaped keys", () => {
  it("agree on every path, in a list at the top or behind another document", () => {
    // `"\0"` beside `"0"`, a plain `?a`, comments before keys and after an item's dash
    const key = fc.constantFrom("0", "\0", "b", "\b", "?a", "é", "x y");
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.constantFrom("v", "# w"),
        fc.array(tie("node"), { maxLength: 3 }),
        fc.dictionary(key, tie("node"), { maxKeys: 3 }),
      ),
    })).node;
    fc.assert(
      fc.property(
        fc.dictionary(key, value, { minKeys: 1, maxKeys: 4 }),
        fc.constantFrom("", "a note\n---\n"),
        fc.boolean(),
        (root, lead, list) => {
          const doc = new YAML.Document(list ? [root, { ...root }] : root);
          YAML.visit(doc, {
            Pair: (_, pair) =>
              void ((pair.key as YAML.Node).commentBefore = " k"),
            Seq: (_, seq) =>
              seq.items.forEach((item) => {
                (item as YAML.Node).commentBefore = " item";
              }),
          });
          const text = lead + doc.toString();
          const docs = parseYamlStream(text, "c.yaml");
          const at = docs.length - 1;
          const exact = new FullPositions(text);
          for (const path of [[], ...paths(docs[at]!.value, [], 8)])
            expect({ path, at: docs[at]!.locate(path) }).toEqual({
              path,
              at: exact.locate(at, path),
            });
        },
      ),
      { seed: 20261202, numRuns: 200 },
    );
  });
});
