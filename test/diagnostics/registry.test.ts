import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { DIAGNOSTIC_CODES } from "../../src/diagnostic-codes.js";
import { generate } from "../../src/generate.js";
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
      // the codes each layer declares (codes.ts)
      e.name !== "codes.ts"
      ? [full]
      : [];
  });
}

interface Use {
  code: string;
  where: string;
}

/**
 * The codes src/ names, read from its text: full literals (`"merge/schema-conflict"`), and the
 * codes the readers name without their prefix, `reading.code("ref-cycle")`,
 * `reading.report("invalid-tag", …)` and paths.ts' `skip("invalid-operation", …)`: in openapi-common/ they stand for `swagger2/ref-cycle` and
 * `openapi3/ref-cycle`, in swagger2/ or openapi3/ for that reader's code.
 * Every report call takes a DiagnosticCode, so tsc has already refused any code not registered
 * and the severity is the registry's by construction; what the text can still tell is whether
 * a registered code is reported anywhere at all.
 */
function usesInSource(): Use[] {
  const uses: Use[] = [];
  const full = new RegExp(`"((?:${PREFIXES.join("|")})/[a-z0-9-]+)"`, "g");
  const shared = /(?:\.code\(|\.report\(|\bskip\()\s*"([a-z0-9-]+)"/g;
  for (const file of sourceFiles("src")) {
    const text = readFileSync(file, "utf8");
    const rel = relative(".", file);
    const line = (index: number) => text.slice(0, index).split("\n").length;
    for (const m of text.matchAll(full))
      uses.push({ code: m[1]!, where: `${rel}:${line(m.index)}` });
    const readers = file.includes("/openapi-common/")
      ? ["swagger2", "openapi3"]
      : ["swagger2", "openapi3"].filter((r) => file.includes(`/ingest/${r}/`));
    for (const m of text.matchAll(shared))
      for (const reader of readers)
        uses.push({
          code: `${reader}/${m[1]}`,
          where: `${rel}:${line(m.index)}`,
        });
  }
  return uses;
}

/** The codes each layer's codes.ts declares, read from their text, by file. */
function declaredCodes(dir: string): { code: string; file: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return declaredCodes(full);
    if (e.name !== "codes.ts") return [];
    const text = readFileSync(full, "utf8");
    const file = relative(".", full);
    // each family's codes, named without their prefix: `family("schema", { warning: { "too-deep":`;
    // openapi-common/codes.ts states the codes both readers share once, without a family
    const codesIn = (body: string) =>
      [...body.matchAll(/^ +"?([a-z0-9-]+)"?:\s+["']/gm)].map((m) => m[1]!);
    if (full.includes("/openapi-common/"))
      return codesIn(text).flatMap((code) =>
        ["swagger2", "openapi3"].map((r) => ({ code: `${r}/${code}`, file })),
      );
    return [...text.matchAll(/family\("([a-z0-9]+)",[^]*?\n *\}\)/g)].flatMap(
      (m) => codesIn(m[0]).map((code) => ({ code: `${m[1]}/${code}`, file })),
    );
  });
}

describe("the diagnostic code registry", () => {
  const uses = usesInSource();

  it("is every layer's codes, each declared by one layer only", () => {
    const declared = declaredCodes("src");
    const twice = declared.filter(
      (d, i) => declared.findIndex((e) => e.code === d.code) !== i,
    );
    expect(twice.map((d) => `${d.code} again in ${d.file}`)).toEqual([]);
    expect(declared.map((d) => d.code).sort()).toEqual(
      Object.keys(registry).sort(),
    );
  });

  it("knows every code the source names", () => {
    const unknown = uses.filter((u) => !(u.code in registry));
    expect(unknown.map((u) => `${u.where} ${u.code}`)).toEqual([]);
  });

  it("lists no code the source never reports", () => {
    const used = new Set(uses.map((u) => u.code));
    expect(Object.keys(registry).filter((c) => !used.has(c))).toEqual([]);
  });

  it("is the table of docs/diagnostics.md, row for row", () => {
    const rows = tableRows(readFileSync("docs/diagnostics.md", "utf8"));
    expect(
      rows,
      "docs/diagnostics.md lacks the diagnostics markers",
    ).toBeDefined();
    const expected = Object.entries(registry)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([code, { severity, meaning }]) => [code, severity, meaning]);
    expect(rows, "run npm run readme:diagnostics").toEqual(expected);
  });

  it("knows, with their severity, the codes real runs report (seeds, fixtures, corpus)", () => {
    // the Reporter takes the severity from the registry; this checks the runs end to end
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

describe("the docs' diagnostics page", () => {
  it("says, for each code a run reported, what the registry says it means", async () => {
    const inputs = readdirSync("specs").map((f) => join("specs", f));
    const result = await generate(inputs, { artifacts: ["docs"] });
    const page = result.files.find((f) => f.path === "docs/diagnostics.md")!;
    const codes = [...new Set(result.model.diagnostics.map((d) => d.code))];
    expect(codes.length).toBeGreaterThan(3);
    for (const code of codes) {
      const meaning = registry[code]!.meaning.replace(/\|/g, "\\|");
      // the code table's row: `code` | severity | count | meaning (cells padded to one width)
      const row = page.contents
        .split("\n")
        .map((line) => line.split(/(?<!\\)\|/).map((cell) => cell.trim()))
        .find((cells) => cells[1] === `\`${code}\``);
      expect(row, code).toBeDefined();
      expect(row![4], code).toBe(meaning);
    }
  });
});
