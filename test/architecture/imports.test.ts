import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { architectureSection } from "./readme.js";
import {
  findCircles,
  importGraph,
  SRC,
  sourceFiles,
  type Import,
} from "./source-tree.js";

/**
 * The layers as ARCHITECTURE.md "Layers" states them, in order: each item's names before its " — ".
 * A file may import files of its own group and of earlier layers, never of a later layer nor of
 * another folder of its own layer (ingest/ and emit/ do not import each other); the entry
 * points at the top of src/, one layer, may import each other.
 */
function readmeLayers(): { groups: string[][]; merge: RegExp[] } {
  const after = architectureSection("Layers");
  const items = after
    .slice(after.search(/^1\. /m))
    .split("\n\n")[0]!
    .split(/\n(?=\d+\. )/)
    .filter((item) => /^\d+\. /.test(item));
  const groups = items.map((item) =>
    [...item.split(" — ")[0]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
  );
  // the model's merge: the files named in "the merge (…)" of the first item
  const merge = /the merge \(([^)]*)\)/.exec(items[0] ?? "")?.[1] ?? "";
  const patterns = [...merge.matchAll(/`([^`]+)`/g)].map(
    (m) =>
      new RegExp(
        `^model/${m[1]!.replace(/\./g, "\\.").replace(/\*/g, "[^/]*")}$`,
      ),
  );
  return { groups, merge: patterns };
}

/**
 * Today's circles, by their files (relative to src/, sorted, one space apart), each with the
 * slice that removes it. Both sit in files that slice is rewriting; an entry whose circle is
 * gone fails the test.
 */
const KNOWN_CIRCLES: Readonly<Record<string, string>> = {};

/** A file's group: its folder below src/ (`emit/`) or, at the top of src/, its own name. */
function groupOf(file: string): string {
  const slash = file.indexOf("/");
  return slash === -1 ? file : file.slice(0, slash + 1);
}

const where = (i: Import) => `src/${i.from}:${i.line} imports src/${i.to}`;

describe("the import graph of src/", () => {
  const graph = importGraph();
  const { groups, merge } = readmeLayers();
  const layerOf = new Map(
    groups.flatMap((names, layer) => names.map((name) => [name, layer])),
  );

  it("has ARCHITECTURE.md's layers, and every group of src/ is in one", () => {
    expect(groups.length).toBeGreaterThanOrEqual(5);
    const unplaced = [...new Set(sourceFiles(false).map(groupOf))].filter(
      (group) => !layerOf.has(group),
    );
    expect(unplaced, "name these in ARCHITECTURE.md, Layers").toEqual([]);
    for (const group of layerOf.keys())
      expect(existsSync(join(SRC, group)), `src/${group}`).toBe(true);
    // each file ARCHITECTURE.md counts as the merge exists (a stale name fails)
    expect(merge.length).toBeGreaterThan(0);
    for (const pattern of merge)
      expect(
        sourceFiles(false).some((f) => pattern.test(f)),
        `${pattern} names no file of src/model/`,
      ).toBe(true);
  });

  it("has no arrow pointing up: a file imports only its own group and earlier layers", () => {
    const wrong: string[] = [];
    for (const imports of graph.values())
      for (const i of imports) {
        if (i.to.startsWith("../")) continue; // package.json and the like
        const from = groupOf(i.from);
        const to = groupOf(i.to);
        if (from === to) continue;
        // the entry points (files, not folders) of one layer may import each other
        const sameLayer = layerOf.get(to) === layerOf.get(from);
        const up =
          (layerOf.get(to)! > layerOf.get(from)! ||
            (sameLayer && from.endsWith("/"))) &&
          // pipeline.ts collects the files with the rules every output path obeys
          !(
            i.from === "pipeline.ts" &&
            i.to === "workflow/output/output-files.ts"
          );
        const readerUsesMerge =
          from === "ingest/" && merge.some((pattern) => pattern.test(i.to));
        if (up || readerUsesMerge) wrong.push(where(i));
      }
    expect(wrong).toEqual([]);
  });

  it("has no import circle (type-only and dynamic imports count), but for the ones listed", () => {
    const circles = findCircles(graph);
    const key = (files: readonly string[]) => [...files].sort().join(" ");
    const found = new Set(circles.map((c) => key(c.map((i) => i.from))));
    const unlisted = circles.filter(
      (c) => !(key(c.map((i) => i.from)) in KNOWN_CIRCLES),
    );
    expect(unlisted.map((c) => c.map(where).join("\n  → "))).toEqual([]);
    // an entry whose circle is gone fails: delete it when the fix lands
    expect(Object.keys(KNOWN_CIRCLES).filter((k) => !found.has(k))).toEqual([]);
  });

  it("runs one pipeline: only src/pipeline.ts calls the stages", () => {
    const stages = ["ingestFiles", "ingestTexts", "buildModel", "emitPlugins"];
    const defined = new Set([
      "ingest/index.ts",
      "model/merge/build.ts",
      "emit/run.ts",
      "pipeline.ts",
    ]);
    const callers: string[] = [];
    for (const file of sourceFiles(false)) {
      // test helpers are test code (tsconfig.build.json leaves them out of dist/), like *.test.ts
      if (defined.has(file) || file.endsWith("test-helpers.ts")) continue;
      const text = readFileSync(join(SRC, file), "utf8");
      for (const stage of stages)
        if (new RegExp(`\\b${stage}\\s*\\(`).test(text))
          callers.push(`src/${file} calls ${stage}`);
    }
    expect(callers).toEqual([]);
  });
});
