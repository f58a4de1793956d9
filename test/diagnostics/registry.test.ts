import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES } from "../../src/model/diagnostic-codes.js";
import { loadModel } from "../../src/pipeline.js";
import { tableRows } from "../../scripts/diagnostics-table.mjs";
import { CORPUS_DIR, CORPUS_FILES } from "../shared-corpus.js";

const registry: Record<string, { severity: string; meaning: string }> =
  DIAGNOSTIC_CODES;
const PREFIXES = [
  ...new Set(Object.keys(registry).map((c) => c.split("/")[0])),
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith(".ts") &&
      !e.name.endsWith(".test.ts") &&
      e.name !== "test-helpers.ts" &&
      e.name !== "diagnostic-codes.ts"
      ? [full]
      : [];
  });
}

interface Use {
  code: string;
  severity?: string;
  where: string;
}

/**
 * The codes src/ reports, read from its text: full literals (`"merge/schema-conflict"`, with the
 * severity when it stands right before), and the readers' short codes, which SpecReading
 * prefixes with `swagger2/` or `openapi3/` by the folder they are reported from.
 */
function usesInSource(): Use[] {
  const uses: Use[] = [];
  const full = new RegExp(
    `(?:"(error|warning|info)",\\s*)?"((?:${PREFIXES.join("|")})/[a-z0-9-]+)"`,
    "g",
  );
  const short =
    /(?:reading|this)\.report\(\s*"(error|warning|info)",\s*"([a-z0-9-]+)"/g;
  for (const file of sourceFiles("src")) {
    const text = readFileSync(file, "utf8");
    const rel = relative(".", file);
    const line = (index: number) => text.slice(0, index).split("\n").length;
    for (const m of text.matchAll(full))
      uses.push({
        code: m[2]!,
        severity: m[1],
        where: `${rel}:${line(m.index)}`,
      });
    const readers = file.includes("/swagger2/")
      ? ["swagger2"]
      : file.includes("/openapi3/")
        ? ["openapi3"]
        : file.includes("/openapi-common/")
          ? ["swagger2", "openapi3"]
          : [];
    for (const m of text.matchAll(short))
      for (const reader of readers)
        uses.push({
          code: `${reader}/${m[2]}`,
          severity: m[1],
          where: `${rel}:${line(m.index)}`,
        });
  }
  return uses;
}

describe("the diagnostic code registry", () => {
  const uses = usesInSource();

  it("lists every code the source reports, at the severity it is reported with", () => {
    const unknown = uses.filter((u) => !(u.code in registry));
    expect(unknown.map((u) => `${u.where} ${u.code}`)).toEqual([]);
    const wrong = uses.filter(
      (u) => u.severity && u.severity !== registry[u.code]?.severity,
    );
    expect(
      wrong.map((u) => `${u.where} ${u.code} reported as ${u.severity}`),
    ).toEqual([]);
  });

  it("lists no code the source never reports", () => {
    const used = new Set(uses.map((u) => u.code));
    expect(Object.keys(registry).filter((c) => !used.has(c))).toEqual([]);
  });

  it("is the README's table, row for row", () => {
    const rows = tableRows(readFileSync("README.md", "utf8"));
    expect(rows, "README.md lacks the diagnostics markers").toBeDefined();
    const expected = Object.entries(registry)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([code, { severity, meaning }]) => [code, severity, meaning]);
    expect(rows, "run npm run readme:diagnostics").toEqual(expected);
  });

  it("knows, with their severity, the codes real runs report (seeds, fixtures, corpus)", () => {
    const fixtures = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = join(dir, e.name);
        if (e.isDirectory()) return fixtures(full);
        return /\.(json|ya?ml)$/.test(e.name) ? [full] : [];
      });
    const runs = [
      readdirSync("specs").map((f) => join("specs", f)),
      ...fixtures("test/fixtures").map((f) => [f]),
      ...CORPUS_FILES.map((f) => [join(CORPUS_DIR, f)]),
    ];
    const seen = new Map<string, string>();
    for (const files of runs)
      for (const d of loadModel(files).diagnostics)
        seen.set(`${d.code} ${d.severity}`, d.file);
    const problems = [...seen]
      .filter(([key]) => {
        const [code, severity] = key.split(" ");
        return registry[code!]?.severity !== severity;
      })
      .map(([key, file]) => `${key} (${file})`);
    expect(problems).toEqual([]);
    // the runs do reach a good part of the registry, so the check above means something
    expect(seen.size).toBeGreaterThan(20);
  });
});
