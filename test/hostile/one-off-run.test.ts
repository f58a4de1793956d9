import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { apiloom, expectNoCrash, outDir } from "./cli.js";
import { USER_FILES, treeBytes, userProject } from "./user-files.js";

/**
 * A one-off run touches only what it was told: inputs on the command line replace the config's,
 * and with them the config's handlers file and name lock do not apply (unless --server-handlers
 * / --lock name them). The run says which config it loaded, and what of it it left alone.
 */

const ONE_OFF = ["generate", "other-api.yaml", "--out", "src/other"];

/** The tree without what the one-off run was told to write. */
const outsideOther = (dir: string) =>
  Object.fromEntries(
    Object.entries(treeBytes(dir)).filter(
      ([path]) => !/^src\/other(\/|$)/.test(path),
    ),
  );

it("leaves the config's handlers file and lock alone, and says so; the next normal run has nothing to warn about", () => {
  const dir = userProject("one-off", ["notes-v1.yaml"]);
  copyFileSync(join(USER_FILES, "other-api.yaml"), join(dir, "other-api.yaml"));
  // the config line is --verbose's, or said when part of the config is not used (below)
  const first = apiloom(["generate", "--verbose"], dir);
  expect(first.code, first.stderr).toBe(0);
  expect(first.stderr.split("\n")[0]).toBe(
    "apiloom: config apiloom.config.json",
  );
  const before = outsideOther(dir);

  const run = apiloom(ONE_OFF, dir);
  expectNoCrash(run);
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr.split("\n")[0]).toBe(
    "apiloom: config apiloom.config.json; its server.handlers and lock are not used with inputs from the command line",
  );
  expect(run.stderr).not.toContain("handler stub");
  expect(outsideOther(dir)).toEqual(before);
  expect(
    readFileSync(join(dir, "src/other/server/routes.ts"), "utf8"),
  ).toContain("getWeather");

  // a normal run finds nothing changed; made in full (--force), it warns of nothing either
  const skipped = apiloom(["generate"], dir);
  expect(skipped.code, skipped.stderr).toBe(0);
  expect(skipped.stderr).toContain("nothing changed since the last run");
  const next = apiloom(["generate", "--force"], dir);
  expect(next.code, next.stderr).toBe(0);
  expect(next.stderr).toMatch(/0 errors, 0 warnings/);
  expect(next.stderr).not.toContain("has no endpoint any more");
  for (const file of ["src/handlers.ts", "apiloom.lock.json"])
    expect(outsideOther(dir)[file]).toBe(before[file]);
});

it("--server-handlers and --lock given with the inputs are used, the config's are not", () => {
  const dir = userProject("one-off-explicit", ["notes-v1.yaml"]);
  copyFileSync(join(USER_FILES, "other-api.yaml"), join(dir, "other-api.yaml"));
  expect(apiloom(["generate"], dir).code).toBe(0);
  const handlers = readFileSync(join(dir, "src/handlers.ts"));
  const lock = readFileSync(join(dir, "apiloom.lock.json"));

  const run = apiloom(
    [
      ...ONE_OFF,
      "--server-handlers",
      "src/other-handlers.ts",
      "--lock",
      "other.lock.json",
      "--verbose",
    ],
    dir,
  );
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr.split("\n")[0]).toBe("apiloom: config apiloom.config.json");
  expect(run.stderr).toContain(
    "created src/other-handlers.ts with 2 handler stubs",
  );
  expect(readFileSync(join(dir, "other.lock.json"), "utf8")).toContain(
    "getWeather",
  );
  expect(readFileSync(join(dir, "src/handlers.ts")).equals(handlers)).toBe(
    true,
  );
  expect(readFileSync(join(dir, "apiloom.lock.json")).equals(lock)).toBe(true);
});

it("without a config, no config is named", () => {
  const dir = outDir("one-off-no-config");
  writeFileSync(join(dir, "package.json"), "{}\n"); // the project: no config is looked for above
  copyFileSync(join(USER_FILES, "other-api.yaml"), join(dir, "other-api.yaml"));
  const run = apiloom(
    [
      "generate",
      "other-api.yaml",
      "--out",
      "gen",
      "--no-lock",
      "--artifacts",
      "types",
    ],
    dir,
  );
  expect(run.code, run.stderr).toBe(0);
  expect(run.stderr).not.toContain("apiloom: config");
});
