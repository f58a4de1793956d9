import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { goals, loadLines, median, ratio } from "../bench/report.mjs";

/** The arithmetic and wording `npm run bench` prints (bench/report.mjs), without running it. */
describe("the bench's report", () => {
  it("takes the median of odd and even counts, unsorted, and NaN of none", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it("prints a ratio to the peer, and n/a when the peer is missing or zero", () => {
    expect(ratio(1, 4)).toBe("0.25×");
    expect(ratio(1, 0)).toBe("n/a");
    expect(ratio(NaN, 2)).toBe("n/a");
  });

  it("prints the load at start and end, and warns only when the last minute's load is above the cores", () => {
    expect(loadLines("start", [1.5, 0.5, 0.25], 2)).toEqual([
      "bench: load average at start: 1.50, 0.50, 0.25 (1, 5, 15 min) on 2 cores",
    ]);
    expect(loadLines("end", [2, 9, 9], 2)).toHaveLength(1);
    const busy = loadLines("end", [2.01, 0, 0], 2);
    expect(busy).toHaveLength(2);
    expect(busy[1]).toMatch(
      /WARNING: the load \(2\.01\) is above the core count \(2\)/,
    );
  });

  const row = (ms: number, cpu: number, rss: number, label = "") => ({
    label,
    medianMs: ms,
    cpuMs: cpu,
    rssMb: rss,
  });

  it("judges each goal met only when every figure is within it", () => {
    const results = [
      {
        input: { name: "github" },
        full: row(1000, 1500, 180),
        types: row(5000, 5000, 400, "openapi-typescript 7.0.0 (types)"),
        clientOnly: row(800, 900, 100),
        client: row(3000, 4000, 300, "oazapfts 6.0.0 (client)"),
      },
      { input: { name: "synthetic-1k" }, full: row(100, 100, 50) },
      { input: { name: "synthetic-10k" }, full: row(900, 900, 251) },
      { input: { name: "synthetic-16k" }, full: row(1600, 1800, 300) },
    ];
    expect(goals(results)).toEqual([
      "github, all artifacts ≤ 0.25× openapi-typescript 7.0.0 (types): wall 0.20×, CPU 0.30×: not met",
      "github, client only ≤ 0.25× oazapfts 6.0.0 (client): wall 0.27×, CPU 0.23×: not met",
      "github, all artifacts, peak RSS ≤ 200 MiB: 180 MiB: met",
      "synthetic 16k / 1k ≤ 17× (16× is linear): wall 16.00×, CPU 18.00×: not met",
      "synthetic 10k operations, peak RSS ≤ 250 MiB: 251 MiB: not met",
    ]);
  });

  it("judges GitHub on Node 24 against the same goals, its peak against 250 MiB (issue 46)", () => {
    const results = [
      {
        input: { name: "github" },
        full: row(1000, 1500, 180),
        types: row(5000, 8000, 400, "openapi-typescript 7.0.0 (types)"),
        clientOnly: row(800, 900, 100),
        client: row(3000, 4000, 300, "oazapfts 6.0.0 (client)"),
        nodes: [
          { ...row(1200, 1600, 240), major: 22 },
          { ...row(1100, 1900, 260), major: 24 },
        ],
      },
    ];
    expect(goals(results).filter((l) => l.includes("Node 24"))).toEqual([
      "github on Node 24, all artifacts ≤ 0.25× openapi-typescript 7.0.0 (types): wall 0.22×, CPU 0.24×: met",
      "github on Node 24, all artifacts, peak RSS ≤ 250 MiB: 260 MiB: not met",
    ]);
  });

  it("does not judge a goal on a case whose every run failed", () => {
    const failed = { ...row(100, 100, 10), failed: true };
    expect(
      goals([
        { input: { name: "synthetic-1k" }, full: row(100, 100, 50) },
        { input: { name: "synthetic-16k" }, full: failed },
      ]),
    ).toEqual([
      "synthetic 16k / 1k ≤ 17× (16× is linear): wall n/a, CPU n/a: not measured",
    ]);
  });

  it("leaves out the goals whose cases were not run, and says when a figure is missing", () => {
    expect(
      goals([{ input: { name: "synthetic-1k" }, full: row(1, 1, 1) }]),
    ).toEqual([]);
    expect(
      goals([{ input: { name: "synthetic-10k" }, full: row(1, 1, NaN) }]),
    ).toEqual([
      "synthetic 10k operations, peak RSS ≤ 250 MiB: n/a: not measured",
    ]);
  });
});

/**
 * The scripts that run only when named (validators, directory…) load apiloom's modules by path
 * (`dist("emit/…/x.js")`): a module moved or renamed breaks them without a test failing. Each
 * such path must be a module of src/ that exports the names the script takes from it.
 */
describe("the bench's imports of apiloom's modules", () => {
  const benchDir = new URL("../bench/", import.meta.url);
  const scripts = readdirSync(benchDir).filter((f) => f.endsWith(".mjs"));
  const loads = scripts.flatMap((script) =>
    [
      ...readFileSync(new URL(script, benchDir), "utf8").matchAll(
        /const \{([^}]*)\} = await dist\("([^"]+)\.js"\)/g,
      ),
    ].map((m) => ({
      script,
      module: `src/${m[2]}.ts`,
      names: m[1]!.split(",").map((n) => n.split(":")[0]!.trim()),
    })),
  );

  it("are found (the validators bench loads several)", () => {
    expect(loads.filter((l) => l.script === "validators.mjs").length).toBe(4);
  });

  it.each(loads)(
    "$script: $module exports what it takes",
    ({ module, names }) => {
      const source = readFileSync(
        new URL(`../${module}`, import.meta.url),
        "utf8",
      );
      for (const name of names.filter(Boolean))
        expect(source, name).toMatch(
          new RegExp(`export (async )?(function|const|class) ${name}\\b`),
        );
    },
  );
});
