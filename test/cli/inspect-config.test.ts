import { cpSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { apiloom, outDir, PETSTORE } from "./run.js";

// A run's summary points to `apiloom inspect` for the warnings it only counts: in a project whose
// config lists one API, that command inspects the config's inputs (issue 61).
const dir = outDir("inspect-config");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("apiloom inspect, without files, inspects the config's one API", () => {
  cpSync(PETSTORE, join(dir, "pets.json"));
  writeFileSync(
    join(dir, "apiloom.config.json"),
    JSON.stringify({ inputs: ["pets.json"], out: "out" }),
  );
  const run = apiloom(["inspect"], dir);
  expect(run.stderr).toBe("");
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^\S.*: \d+ endpoints\n\nMETHOD +PATH/);
  expect(run.stdout).not.toMatch(/^API /);
});

it("apiloom inspect, without files, reports a config that does not load or lists no inputs", () => {
  writeFileSync(join(dir, "apiloom.config.json"), '{"inputs": [');
  const broken = apiloom(["inspect"], dir);
  expect(broken.code).toBe(2);
  expect(broken.stderr).toMatch(/^apiloom inspect: .*apiloom\.config\.json/);
  expect(broken.stderr).not.toContain("name at least one input file");
  writeFileSync(
    join(dir, "apiloom.config.json"),
    JSON.stringify({ out: "out" }),
  );
  const empty = apiloom(["inspect"], dir);
  expect(empty.code).toBe(2);
  expect(empty.stderr).toMatch(/apiloom\.config\.json: no inputs/);
});
