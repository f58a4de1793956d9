import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { architectureSection } from "./readme.js";
import { foldersBelow, REPO, SRC } from "./source-tree.js";

/** What the map names: folders (ending in `/`) and files, as paths from the repository root. */
interface MapEntry {
  path: string;
  line: number;
  /** Files its description names (`convert.ts`), as paths from the repository root. */
  mentions: string[];
}

/**
 * Reads the folder map, the first code block of ARCHITECTURE.md "Folder map". A line names one or more
 * folders or files (each ending in `/` or `.ext`, separated by one space) and then, after two
 * spaces or more, says what they hold; its indent (two spaces a level) puts it inside the last
 * folder one level up. A line that does not start with such names continues a description.
 */
function readMap(): MapEntry[] {
  const section = architectureSection("Folder map");
  const block = /```\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error("ARCHITECTURE.md has no folder map");
  const entries: MapEntry[] = [];
  const parents: string[] = [];
  let last: MapEntry[] = [];
  block.split("\n").forEach((text, i) => {
    const indent = /^ */.exec(text)![0].length;
    const [head = "", ...rest] = text.slice(indent).split(/ {2,}/);
    const names = head.split(" ");
    const isNames =
      head !== "" &&
      indent % 2 === 0 &&
      names.every((n) => /^[\w.-]+(\/|\.[a-z]+)$/.test(n));
    const description = isNames ? rest.join(" ") : text;
    if (isNames) {
      const depth = indent / 2;
      parents.length = depth;
      const base = parents.join("");
      last = names.map((name) => ({
        path: base + name,
        line: i + 1,
        mentions: [],
      }));
      entries.push(...last);
      if (names.length === 1 && names[0]!.endsWith("/"))
        parents[depth] = names[0]!;
    }
    // files a description names by a bare name live in the folder it describes (or beside the file)
    for (const entry of last) {
      const folder = entry.path.endsWith("/")
        ? entry.path
        : entry.path.slice(0, entry.path.lastIndexOf("/") + 1);
      for (const m of description.matchAll(/(?<![\w/.-])([\w-]+\.ts)\b/g))
        entry.mentions.push(folder + m[1]);
    }
  });
  return entries;
}

describe("the folder map of ARCHITECTURE.md", () => {
  const entries = readMap();
  const named = new Set(entries.map((e) => e.path));

  it("names only what exists", () => {
    const missing = entries.flatMap((e) => [
      ...(existsSync(join(REPO, e.path))
        ? []
        : [`${e.path} (map line ${e.line})`]),
      ...e.mentions
        .filter((m) => !existsSync(join(REPO, m)))
        .map((m) => `${m}, named on map line ${e.line}`),
    ]);
    expect(missing).toEqual([]);
  });

  it("names every folder of src/, every folder of test/ and every file at the top of src/", () => {
    const unnamed = [
      ...foldersBelow(SRC).map((f) => `src/${f}/`),
      ...foldersBelow(join(REPO, "test"), 1).map((f) => `test/${f}/`),
      ...readdirSync(SRC)
        .filter((f) => f.endsWith(".ts"))
        .map((f) => `src/${f}`),
    ].filter((path) => !named.has(path));
    expect(unnamed).toEqual([]);
  });

  it("is read as a tree, as a newcomer reads it", () => {
    // a guard on the reader above: these lines of the map must come out as these paths
    expect(named).toContain("src/ingest/openapi-common/");
    expect(named).toContain("src/emit/validators/");
    expect(named).toContain("src/pipeline.ts");
    expect(named).toContain("test/hostile/");
    expect(named).toContain("templates/docs/");
  });
});
