import { spawnSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO } from "./run.js";

// Quiet by default: a run prints one summary line plus errors; warnings are counted and printed
// in full with --verbose, on a --check failure, and when new since the last run into the folder.

const root = mkdtempSync(join(tmpdir(), "apiloom-quiet-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
// the warning record lives in the cache: this test's own (no node_modules in the project)
const cache = join(root, "cache");

/** A spec whose numbers where text belongs are warnings (input/not-a-string), one per field. */
const spec = (fields: Record<string, string>) =>
  `openapi: 3.0.3
info:
${Object.entries({ title: "Pets", version: "'1'", ...fields })
  .map(([k, v]) => `  ${k}: ${v}`)
  .join("\n")}
paths:
  /pets:
    get:
      operationId: listPets
      responses: { "200": { description: ok } }
`;

function generate(
  dir: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = {},
) {
  const result = spawnSync(
    process.execPath,
    [
      join(REPO, "bin/apiloom.js"),
      "generate",
      "api.yaml",
      "-o",
      "out",
      ...args,
    ],
    {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: cache, ...env },
    },
  );
  return { code: result.status, stderr: result.stderr, stdout: result.stdout };
}

function project(name: string, text: string): string {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), "{}\n");
  writeFileSync(join(dir, "api.yaml"), text);
  return dir;
}

const lines = (text: string) => text.split("\n").filter((l) => l !== "");

describe("a default run", () => {
  const dir = project("pets", spec({ version: "1.10" }));

  it("prints its warnings on a first run, where all are new (issue 46), then one line", () => {
    const first = generate(dir);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(
      /^api\.yaml:4:\d+: warning input\/not-a-string /,
    );
    expect(first.stderr).toMatch(
      /\napiloom: 1 endpoint → out\/: \d+ written, 0 unchanged, 0 removed; 0 errors, 1 warning \(1 new, above\): apiloom inspect, or --verbose \(\d+\.\d\d s\)\n$/,
    );
    // one line for the warning (its frame with --verbose), one for the summary
    expect(lines(first.stderr)).toHaveLength(2);
    const again = generate(dir, ["--force"]);
    expect(lines(again.stderr)).toHaveLength(1);
    expect(again.stderr).toMatch(
      /0 errors, 1 warning: apiloom inspect, or --verbose/,
    );
  });

  it("lists a first run's warnings one line per code, with the count and the first place", () => {
    const many = project(
      "many",
      `${spec({})}${Array.from(
        { length: 14 },
        (_, i) =>
          `  /p${i}:\n    get:\n      summary: ${i + 1}\n      responses: { "200": { description: ok } }\n`,
      ).join("")}`,
    );
    const first = generate(many);
    expect(first.code, first.stderr).toBe(0);
    expect(lines(first.stderr)).toEqual([
      expect.stringMatching(
        /^api\.yaml:\d+:\d+: warning input\/not-a-string ×14, the first: /,
      ),
      expect.stringMatching(
        /0 errors, 14 warnings \(14 new, above\): apiloom inspect, or --verbose/,
      ),
    ]);
  });

  it("prints a warning in full when it is new since the last run, and only that one", () => {
    writeFileSync(
      join(dir, "api.yaml"),
      spec({ version: "1.10", description: "12" }),
    );
    const second = generate(dir);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(
      /api\.yaml:5:\d+: warning input\/not-a-string/,
    );
    expect(second.stderr).not.toMatch(/api\.yaml:4:\d+: warning/);
    expect(second.stderr).toMatch(
      /2 warnings \(1 new, above\): apiloom inspect, or --verbose/,
    );
    // the same warnings again: one line
    writeFileSync(
      join(dir, "api.yaml"),
      `# moved down a line\n${spec({ version: "1.10", description: "12" })}`,
    );
    expect(lines(generate(dir).stderr)).toHaveLength(1);
  });

  it("prints every warning with --verbose, nothing on success with --quiet", () => {
    const verbose = generate(dir, ["--verbose"]);
    expect(verbose.code).toBe(0);
    expect(verbose.stderr.match(/: warning input\/not-a-string/g)).toHaveLength(
      2,
    );
    expect(verbose.stderr).toMatch(/0 errors, 2 warnings \(/);
    const quiet = generate(dir, ["--quiet"]);
    expect(quiet).toMatchObject({ code: 0, stderr: "" });
    const forced = generate(dir, ["--quiet", "--force"]);
    expect(forced).toMatchObject({ code: 0, stderr: "" });
  });

  it("leads a failed --check with the verdict; -q then prints no warning", () => {
    writeFileSync(join(dir, "out/types.ts"), "// edited\n");
    const check = generate(dir, ["--check"]);
    expect(check.code).toBe(1);
    expect(check.stderr).not.toMatch(/: warning /);
    expect(lines(check.stderr)).toEqual([
      "apiloom: out/ is stale: it differs from what the inputs and options make now (an edit by hand, or another apiloom)",
      "  1 file to update:",
      "    M types.ts",
      "next: apiloom generate (the same options, without --check), then commit what it writes",
    ]);
    expect(check.stdout).toMatch(/^--- a\/out\/types\.ts\n/);
    const quiet = generate(dir, ["--check", "-q"]);
    expect(quiet.code).toBe(1);
    expect(quiet.stderr).not.toMatch(/warning/);
  });

  it("prints errors in full, and respects NO_COLOR over FORCE_COLOR", () => {
    const broken = project("broken", "openapi: 3.0.3\ninfo: [\n");
    const run = generate(broken, [], { FORCE_COLOR: "1" });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/api\.yaml:\d+:\d+: error parse\//);
    expect(run.stderr).not.toMatch(/\x1b\[/);
    const colored = generate(broken, ["--color"]);
    expect(colored.stderr).toMatch(/\x1b\[31m/);
  });
});

describe("the warning record, read back as untrusted", () => {
  it("is a file in the cache, and a planted or broken one reads as no record", () => {
    const dir = project("planted", spec({ version: "1.10" }));
    expect(generate(dir).code).toBe(0);
    const records = join(cache, "apiloom/warnings");
    const [record] = readdirSync(records);
    expect(record).toMatch(/^[0-9a-f]{32}\.json$/);
    for (const planted of [
      '{"keys": ["../../etc/passwd"]}',
      '{"keys": "all"}',
      "[",
    ]) {
      writeFileSync(join(records, record!), planted);
      const run = generate(dir, ["--force"]);
      expect(run.code).toBe(0);
      expect(lines(run.stderr), planted).toHaveLength(1);
    }
    // a record that is a device: refused before it is read (no hang), and replaced
    rmSync(join(records, record!));
    symlinkSync("/dev/zero", join(records, record!));
    const run = generate(dir, ["--force"]);
    expect(run.code).toBe(0);
    expect(lines(run.stderr)).toHaveLength(1);
  });
});
