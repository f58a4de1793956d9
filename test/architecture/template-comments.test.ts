import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, sourceFiles } from "./source-tree.js";

const TEMPLATES = join(REPO, "templates");

/**
 * What a comment of shipped code may not say: a timing measured on our machines (µs, ns, "Nx
 * slower"), the engine it was measured on, or one of our issue numbers. Users read these files
 * in their own repositories, where none of it means anything; docs/benchmark.md holds the
 * figures. A limit's size ("1 MiB by default") is a fact of the code and may stay.
 */
const BENCH_TALK =
  /\d\s*(?:µs|ns)\b|\bV8\b|\d+(?:\.\d+)?\s*[x×]\s*(?:faster|slower)|\bissue \d+/;

function commentLines(text: string): { line: number; text: string }[] {
  const found: { line: number; text: string }[] = [];
  let inBlock = false;
  text.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    const start = inBlock ? 0 : line.search(/\/\*|\/\/|^\*/);
    if (
      inBlock ||
      line.startsWith("/*") ||
      line.startsWith("*") ||
      line.startsWith("//")
    )
      found.push({ line: i + 1, text: line });
    else if (start > 0 && /\s\/\/\s/.test(line))
      found.push({ line: i + 1, text: line.slice(line.indexOf("//")) });
    if (line.includes("/*") && !line.includes("*/")) inBlock = true;
    else if (inBlock && line.includes("*/")) inBlock = false;
  });
  return found;
}

describe("the comments of templates/", () => {
  it("cite no benchmark figure, engine or issue number", () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(false, TEMPLATES, true))
      for (const c of commentLines(readFileSync(join(TEMPLATES, file), "utf8")))
        if (BENCH_TALK.test(c.text))
          offenders.push(`templates/${file}:${c.line}: ${c.text}`);
    expect(offenders).toEqual([]);
  });

  it("sees a figure in a line comment, a block comment and a doc comment", () => {
    const text =
      "a();\n// costs V8 1 µs\n/**\n * 3x faster\n */\nb(); // see issue 45\n";
    expect(
      commentLines(text)
        .filter((c) => BENCH_TALK.test(c.text))
        .map((c) => c.line),
    ).toEqual([2, 4, 6]);
  });
});
