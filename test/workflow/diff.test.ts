import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { unifiedDiff } from "../../src/workflow/output/diff.js";

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("unifiedDiff as patch(1) reads it", () => {
  // GNU patch is the oracle: the diff, applied to the text on disk, gives what apiloom makes
  const dir = mkdtempSync(join(tmpdir(), "apiloom-diff-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("turns the text on disk into the text made, a missing last newline either side too", () => {
    const rand = random(42);
    const text = () => {
      const pick = () => "abcde"[Math.floor(rand() * 5)]!;
      const lines = Array.from({ length: Math.floor(rand() * 14) }, pick);
      return lines.join("\n") + (rand() < 0.8 ? "\n" : "");
    };
    for (let round = 0; round < 120; round++) {
      const [before, after] = [text(), text()];
      const diff = unifiedDiff("f.txt", before, after, { maxLines: Infinity });
      if (before === after) {
        expect(diff).toBe("");
        continue;
      }
      writeFileSync(join(dir, "f.txt"), before);
      execFileSync("patch", ["-s", "-p1", "--no-backup-if-mismatch"], {
        cwd: dir,
        input: diff,
      });
      expect(readFileSync(join(dir, "f.txt"), "utf8"), diff).toBe(after);
    }
  });

  it("gives up past its edit bound instead of running long", () => {
    const lines = (p: string) =>
      Array.from({ length: 3000 }, (_, i) => `${p}${i}\n`).join("");
    expect(unifiedDiff("x", lines("a"), lines("b"))).toContain(
      "@@ too many changes to show: 3000 lines before, 3000 after @@",
    );
  });
});

describe("unifiedDiff", () => {
  it("prints hunks with three lines of context and merges close changes", () => {
    const before =
      "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n17\n18\n19\n20\n";
    const after = before
      .replace("2\n", "two\n")
      .replace("5\n", "five\n")
      .replace("18\n", "eighteen\n");
    expect(unifiedDiff("n.txt", before, after)).toBe(
      [
        "--- a/n.txt",
        "+++ b/n.txt",
        "@@ -1,8 +1,8 @@",
        " 1",
        "-2",
        "+two",
        " 3",
        " 4",
        "-5",
        "+five",
        " 6",
        " 7",
        " 8",
        "@@ -15,6 +15,6 @@",
        " 15",
        " 16",
        " 17",
        "-18",
        "+eighteen",
        " 19",
        " 20",
        "",
      ].join("\n"),
    );
  });

  it("marks a missing final newline", () => {
    expect(unifiedDiff("x", "a\nb", "a\nb\n")).toBe(
      "--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n",
    );
  });

  it("is empty for equal texts and caps long output", () => {
    expect(unifiedDiff("x", "same\n", "same\n")).toBe("");
    const big = Array.from({ length: 100 }, (_, i) => `${i}\n`).join("");
    const diff = unifiedDiff("x", undefined, big, { maxLines: 10 });
    expect(diff.split("\n")).toHaveLength(11);
    expect(diff).toContain("... 94 more diff lines");
  });
});

describe("data lines (issue 46)", () => {
  it("show as one line saying the data changed: a page embedding base64 as a whole, a line past 500 characters alone", () => {
    const record = (data: string) =>
      `<!-- apiloom changes ${Buffer.from(data).toString("base64")} -->`;
    const diff = unifiedDiff(
      "docs/changes.md",
      `# Changes\n\nNone.\n${record('{"kind":"first"}')}\n`,
      `# Changes\n\n- a change\n${record(`{"kind":"changes","x":"${"y".repeat(3000)}"}`)}\n`,
    );
    // the page is made from its record: one line for the whole page
    expect(diff).toBe("~ docs/changes.md: its data changed\n");
    // the record alone changed (the readable lines the same): the same one line
    expect(
      unifiedDiff(
        "docs/changes.md",
        `# Changes\n${record('{"kind":"first"}')}\n`,
        `# Changes\n${record('{"kind":"other"}')}\n`,
      ),
    ).toBe("~ docs/changes.md: its data changed\n");
    const long = "x".repeat(501);
    expect(unifiedDiff("a.json", "a\n", `${long}\n`)).toMatch(
      /^~ a\.json: its data changed \(line 1; not shown\)$/m,
    );
  });
});
