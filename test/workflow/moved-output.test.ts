import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiloom, PETSTORE } from "../cli/run.js";

/*
 * Issue 46: a one-API config moved to `apis` (its output now in generated/pets) leaves the old
 * output folder, its name lock and a handlers file importing the old folder. The run names the
 * folder and the lock with the command that removes them, and warns at the stale import's line;
 * the command, run as printed, removes only what apiloom made.
 */
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "apiloom-moved-"));
  writeFileSync(join(dir, "package.json"), "{}\n");
  // the project's cache (node_modules/.cache/apiloom) keeps what the config wrote
  mkdirSync(join(dir, "node_modules"));
  mkdirSync(join(dir, "spec"));
  cpSync(PETSTORE, join(dir, "spec/pets.json"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const config = (value: unknown) =>
  writeFileSync(join(dir, "apiloom.config.json"), JSON.stringify(value));

describe("an output folder that moved", () => {
  let moved: ReturnType<typeof apiloom>;

  beforeAll(() => {
    config({
      inputs: ["spec/pets.json"],
      out: "generated",
      server: { handlers: "src/handlers.ts" },
    });
    const first = apiloom(["generate"], dir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).not.toMatch(/left-behind/);
    expect(existsSync(join(dir, "apiloom.lock.json"))).toBe(true);
    // a hand-made file in the old folder is not apiloom's to remove
    writeFileSync(join(dir, "generated/NOTES.md"), "mine\n");
    config({
      apis: [
        {
          name: "pets",
          inputs: ["spec/pets.json"],
          out: "generated/pets",
          server: { handlers: "src/handlers.ts" },
        },
      ],
    });
    moved = apiloom(["generate"], dir);
  });

  it("names the old folder apiloom's manifest marks as its own, its lock, and the command", () => {
    expect(moved.code, moved.stderr).toBe(0);
    const line = moved.stderr
      .split("\n")
      .find((l) => l.includes("output/left-behind"));
    expect(line, moved.stderr).toMatch(
      /^apiloom\.config\.json:1:1: warning output\/left-behind generated\/ is no longer an output folder of this config, but apiloom's manifest marks it as its own and its name lock apiloom\.lock\.json: .* Remove them: rm -r -- generated\/client .*generated\/server .*generated\/types\.ts .*generated\/\.apiloom-manifest\.json apiloom\.lock\.json$/,
    );
    // nothing of the new output, nor the hand-made file, is in the command
    expect(line).not.toMatch(/generated\/pets|NOTES|rm -r -- generated /);
  });

  it("warns at the handlers file's import of the old folder", () => {
    const handlers = readFileSync(join(dir, "src/handlers.ts"), "utf8");
    const lineNo =
      handlers
        .split("\n")
        .findIndex((l) => l.includes('"../generated/server/index.js"')) + 1;
    expect(lineNo).toBeGreaterThan(0);
    expect(moved.stderr).toMatch(
      new RegExp(
        `src/handlers\\.ts:${lineNo}:\\d+: warning scaffold/stale-output-import imports \\.\\./generated/server/index\\.js, from generated/, an output folder this API no longer generates \\(it writes generated/pets/ now\\)`,
      ),
    );
  });

  it("removes only what apiloom made when the command runs, and says nothing after", () => {
    const line = moved.stderr
      .split("\n")
      .find((l) => l.includes("output/left-behind"))!;
    const args = line.slice(line.indexOf("rm -r -- ") + 9).split(" ");
    const rm = spawnSync("rm", ["-r", "--", ...args], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(rm.status, rm.stderr).toBe(0);
    expect(readFileSync(join(dir, "generated/NOTES.md"), "utf8")).toBe(
      "mine\n",
    );
    expect(existsSync(join(dir, "generated/pets/client/index.ts"))).toBe(true);
    expect(existsSync(join(dir, "apiloom.pets.lock.json"))).toBe(true);
    expect(existsSync(join(dir, "generated/.apiloom-manifest.json"))).toBe(
      false,
    );
    const again = apiloom(["generate", "--force"], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).not.toMatch(/left-behind/);
  });
});

describe("a planted record of earlier output folders", () => {
  it("never names a folder outside the project, whatever manifest it holds", () => {
    const project = mkdtempSync(join(tmpdir(), "apiloom-planted-"));
    const outside = mkdtempSync(join(tmpdir(), "apiloom-outside-"));
    try {
      writeFileSync(join(project, "package.json"), "{}\n");
      mkdirSync(join(project, "node_modules"));
      cpSync(PETSTORE, join(project, "pets.json"));
      writeFileSync(
        join(project, "apiloom.config.json"),
        JSON.stringify({ inputs: ["pets.json"], out: "gen" }),
      );
      expect(apiloom(["generate"], project).code).toBe(0);
      // a folder elsewhere made to look like apiloom's, and the record pointed at it
      cpSync(join(project, "gen"), outside, { recursive: true });
      const records = join(project, "node_modules/.cache/apiloom/outputs");
      for (const name of readdirSync(records))
        writeFileSync(
          join(records, name),
          JSON.stringify({ places: [{ out: outside }] }),
        );
      const run = apiloom(["generate", "--force"], project);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toMatch(/left-behind/);
    } finally {
      rmSync(project, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
