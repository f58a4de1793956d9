import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Path } from "../../model/pointer.js";
import { parseJson } from "./json.js";
import {
  Scanner,
  skipBracketed,
  wantedChild,
  type WantedEntry,
} from "./json-scanner.js";

/**
 * Every path of a value (members and elements), plus missing members and elements below each,
 * and segments of the wrong kind (`"0"` in an array, `0` in an object, `-1`, `0.5`).
 */
function pathsOf(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) {
    value.forEach((v, i) => pathsOf(v, [...at, i], out));
    out.push(
      [...at, value.length],
      [...at, "x"],
      [...at, "0"],
      [...at, -1],
      [...at, 0.5],
      [...at, 0, "deeper"],
    );
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
    out.push([...at, "missing"], [...at, 0]);
  }
  return out;
}

/** Every path of a value that is there (members and elements). */
function presentPaths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value))
    value.forEach((v, i) => presentPaths(v, [...at, i], out));
  else if (value !== null && typeof value === "object")
    for (const [k, v] of Object.entries(value))
      presentPaths(v, [...at, k], out);
  return out;
}

const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.oneof(fc.integer(), fc.string(), fc.boolean(), fc.constant(null)),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.string({ maxLength: 4 }), tie("value"), { maxKeys: 4 }),
  ),
})).value;

describe("JsonDocument.locateAll", () => {
  it("answers as locate does, path by path, for present and missing paths at any depth", () => {
    fc.assert(
      fc.property(json, fc.integer({ min: 0, max: 3 }), (inner, indent) => {
        // nested past the index's depth, so that descents below it are compared too
        const value = { p: { q: [inner, { r: inner }] }, s: inner };
        const paths = pathsOf(value);
        const written = JSON.stringify(value, null, indent);
        // and once with a key written twice (`s`), where the walk stops at the index's depth
        for (const text of [written, `{"s": {"t": [1]},${written.slice(1)}`]) {
          const all = parseJson(text, "a.json").locateAll!(paths);
          const one = parseJson(text, "a.json");
          expect(all).toEqual(paths.map((p) => one.locate(p)));
        }
      }),
      { numRuns: 300 },
    );
  });

  it("answers as locate does for a few present paths, the walk stopping once it saw them all", () => {
    fc.assert(
      fc.property(
        json,
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
        (inner, indent, picks) => {
          const value = {
            p: { q: [inner, { r: inner }] },
            s: inner,
            t: [inner],
          };
          const present = presentPaths(value);
          const paths = picks.map((i) => present[i % present.length]!);
          const written = JSON.stringify(value, null, indent);
          for (const text of [
            written,
            `{"s": {"t": [1]},${written.slice(1)}`,
          ]) {
            const all = parseJson(text, "a.json").locateAll!(paths);
            const one = parseJson(text, "a.json");
            expect(all).toEqual(paths.map((p) => one.locate(p)));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("finds a key written twice where JSON.parse reads it, the last, at any depth", () => {
    // a response's description given twice, as hand-merged specs do, and a whole path item
    const lines = [
      '{"paths": {"/pets": {"get": {"responses": {"200": {"description": "ok",',
      '  "description": "the pets", "content": {}}}}},',
      '  "/pets": {"get": {"responses": {"200": {"description": "a list",',
      '    "description": "the pets, paged"}}}}}}',
    ];
    const text = lines.join("\n");
    const at = (line: number, key: string) => ({
      line,
      column: lines[line - 1]!.lastIndexOf(key) + 1,
    });
    const ok = ["paths", "/pets", "get", "responses", "200"];
    const paths: Path[] = [
      ["paths", "/pets"],
      [...ok, "description"],
      [...ok, "content"], // the earlier /pets's only: its parent, the later 200
      ok,
    ];
    const want = [
      at(3, '"/pets"'),
      at(4, '"description"'),
      at(3, '"200"'),
      at(3, '"200"'),
    ];
    expect(paths.map((p) => parseJson(text, "a.json").locate(p))).toEqual(want);
    expect(parseJson(text, "a.json").locateAll!(paths)).toEqual(want);
  });

  it("uses the index once one was built by a single lookup", () => {
    const doc = parseJson('{\n  "a": [1,\n    2]\n}', "a.json");
    expect(doc.locate(["a", 1])).toEqual({ line: 3, column: 5 });
    expect(doc.locateAll!([["a", 1], ["a"]])).toEqual([
      { line: 3, column: 5 },
      { line: 2, column: 3 },
    ]);
  });
});

describe("Scanner.indexWanted with a count of entries to see", () => {
  it("stops once it saw them all, and records each on the way", () => {
    const text = '{"a": {"b": [10, 20]}, "z": {"long": [1, 2, 3]}}';
    const root: WantedEntry = {};
    const b = wantedChild(wantedChild(root, "a", 0, true)!, "b", 1, true)!;
    const second = wantedChild(b, 1, 2, true)!;
    const scanner = new Scanner(text);
    scanner.unseen = 3;
    scanner.indexWanted(root, 0, Infinity);
    expect(second.offset).toBe(text.indexOf("20"));
    expect(scanner.pos).toBeLessThan(text.indexOf('"z"'));
    // without the count, the walk goes to the end
    const again = new Scanner(text);
    again.indexWanted(root, 0, Infinity);
    expect(again.pos).toBe(text.length);
  });
});

describe("Scanner.skipValue", () => {
  it("passes over exactly one value of any kind, strings with escapes and brackets included", () => {
    fc.assert(
      fc.property(
        fc.array(json, { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 3 }),
        (items, indent) => {
          const written = items.map((v) =>
            JSON.stringify(v ?? null, null, indent),
          );
          const text = `[ ${written.join(" ,\n ")} ]`;
          const scanner = new Scanner(text);
          scanner.pos = 1;
          for (const w of written) {
            scanner.skipWs();
            const start = scanner.pos;
            scanner.skipValue();
            expect(text.slice(start, scanner.pos)).toBe(w);
            scanner.skipWs();
            scanner.pos++; // ',' or ']'
          }
          expect(scanner.pos).toBe(text.length);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("skipBracketed", () => {
  /** Strings made of what the skip must tell apart: quotes, backslashes, brackets, escapes. */
  const tricky = fc
    .array(
      fc.constantFrom(
        '"',
        "\\",
        "{",
        "}",
        "[",
        "]",
        ":",
        ",",
        " ",
        "a",
        "\n",
        "é",
        "😀",
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.join(""));
  const value = fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.oneof(tricky, fc.integer(), fc.boolean(), fc.constant(null)),
      fc.array(tie("value"), { maxLength: 4 }),
      fc.dictionary(tricky, tie("value"), { maxKeys: 4 }),
    ),
  })).value;

  it("ends where each value JSON.stringify wrote ends, from the value's bracket", () => {
    fc.assert(
      fc.property(
        fc.array(value, { maxLength: 4 }),
        fc.integer({ min: 0, max: 2 }),
        (values, indent) => {
          // the values side by side in one array, each one's start and end known
          const parts = values.map((v) => JSON.stringify({ v }, null, indent));
          const text = `[${parts.join(", ")}]`;
          let at = 1;
          for (const part of parts) {
            expect(skipBracketed(text, at)).toBe(at + part.length);
            at += part.length + 2;
          }
          expect(skipBracketed(text, 0)).toBe(text.length);
        },
      ),
      { numRuns: 400 },
    );
  });

  it("skips an array of millions of strings", () => {
    const count = 3_000_000;
    const text = `{"a": [${'"x",'.repeat(count)}"]"], "b": 1}`;
    const end = text.indexOf(', "b"');
    expect(skipBracketed(text, text.indexOf("["))).toBe(end);
  });
});
