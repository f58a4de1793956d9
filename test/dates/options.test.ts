import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiloom, expectNoCrash, outDir } from "../cli/run.js";

/** The two options on the command line and in a config: each on its own, checked, off by default. */
const LEDGER = join(import.meta.dirname, "fixtures/ledger.yaml");

describe("--dates and --int64", () => {
  it("type date-times as Date and int64s as bigint, each on its own", () => {
    const types = (...flags: string[]) => {
      const out = outDir(`dates-options-${flags.join("-") || "off"}`);
      const run = apiloom([
        "generate",
        LEDGER,
        "--out",
        out,
        "--no-config",
        "--no-lock",
        "-a",
        "client",
        ...flags,
      ]);
      expect(run.code, run.stderr).toBe(0);
      const text = readFileSync(join(out, "types.ts"), "utf8");
      const entry = text.slice(text.indexOf("export interface Entry"));
      return entry.slice(0, entry.indexOf("\n}"));
    };
    const off = types();
    expect(off).toMatch(/amount: number;/);
    expect(off).toMatch(/at: string;/);
    const dates = types("--dates", "Date");
    expect(dates).toMatch(/amount: number;/);
    expect(dates).toMatch(/at: Date;/);
    expect(dates).toMatch(/day\?: Date \| null;/);
    const both = types("--dates", "Date", "--int64", "bigint");
    expect(both).toMatch(/amount: bigint;/);
    expect(both).toMatch(/small\?: number;/);
    expect(types("--dates", "string", "--int64", "number")).toBe(off);
  });

  it("refuses other values, on the command line and in a config", () => {
    const bad = apiloom([
      "generate",
      LEDGER,
      "--no-config",
      "--int64",
      "BigInt",
    ]);
    expectNoCrash(bad);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /--int64 expects number or bigint, got "BigInt"/,
    );
    const dir = outDir("dates-options-config");
    writeFileSync(join(dir, "package.json"), "{}\n");
    writeFileSync(
      join(dir, "apiloom.config.json"),
      JSON.stringify({ inputs: [LEDGER], dates: "date" }, null, 2),
    );
    const config = apiloom(["generate"], dir);
    expectNoCrash(config);
    expect(config.code).toBe(2);
    expect(config.stderr).toMatch(
      /apiloom\.config\.json:\d+:\d+: dates must be one of "string", "Date"/,
    );
  });
});
