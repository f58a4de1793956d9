import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiloom, REPO } from "../cli/run.js";

/*
 * docs/plugins.md's example is a test (issue 44, item 7): its plugin, copied from the page as it
 * is, in a package of its own in a project outside src/ (test/fixtures/user-plugin), configured
 * by the config the page's last lines give. It imports only apiloom-gen/config and
 * apiloom-gen/plugin. The real CLI generates its client wrapper, tsc compiles it under strict
 * with a user's program that calls it, and `--check` sees a change of its option. (Its option
 * is set in the config; the command-line `flag` of a config plugin is another helper's work.)
 */

const PAGE = readFileSync(join(REPO, "docs/plugins.md"), "utf8");

/** The page's code block that is the plugin package. */
const PLUGIN = [...PAGE.matchAll(/^```js\n([\s\S]*?)^```$/gm)]
  .map((m) => m[1]!)
  .find((block) => block.includes("apiloom-plugin-readonly/index.js"))!;

/** The config the block's last comment lines give (`// apiloom.config.mjs: …`). */
function pageConfig(): string {
  const lines = PLUGIN.trimEnd().split("\n");
  const at = lines.findIndex((l) => l.startsWith("// apiloom.config.mjs: "));
  return (
    lines
      .slice(at)
      .map((l) => l.replace(/^\/\/ (apiloom\.config\.mjs: )?/, ""))
      .join("\n") + "\n"
  );
}

const TSC = join(REPO, "node_modules/typescript/bin/tsc");

let dir: string;
const run = (...args: string[]) => apiloom(["generate", ...args], dir);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "apiloom-readonly-"));
  cpSync(join(REPO, "test/fixtures/user-plugin"), dir, { recursive: true });
  renameSync(join(dir, "program.ts.txt"), join(dir, "program.ts"));
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  const pkg = join(dir, "node_modules/apiloom-plugin-readonly");
  mkdirSync(pkg, { recursive: true });
  symlinkSync(REPO, join(dir, "node_modules/apiloom-gen"));
  writeFileSync(
    join(pkg, "package.json"),
    JSON.stringify({
      name: "apiloom-plugin-readonly",
      version: "1.0.0",
      type: "module",
      exports: "./index.js",
    }),
  );
  writeFileSync(join(pkg, "index.js"), PLUGIN);
  writeFileSync(join(dir, "apiloom.config.mjs"), pageConfig());
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the plugin of docs/plugins.md, in a project of its own", () => {
  it("is the page's block, importing only the config and the toolkit", () => {
    const imports = [
      ...PLUGIN.matchAll(/^import [^;]*? from "([^"]+)";/gm),
    ].map((m) => m[1]);
    expect(imports.sort()).toEqual([
      "apiloom-gen/config",
      "apiloom-gen/plugin",
    ]);
    expect(pageConfig()).toContain("plugins: [readonly]");
  });

  it("generates its client wrapper, which compiles under strict with a user's program", () => {
    const first = run("--verbose");
    expect(first.code, first.stderr).toBe(0);
    // its warning for the endpoint it leaves out, at the endpoint's place
    expect(first.stderr).toMatch(
      /specs\/pets\.yaml:\d+:\d+: warning plugin\/warning readonly leaves out POST \/pets/,
    );
    const wrapper = readFileSync(
      join(dir, "generated/readonly/index.ts"),
      "utf8",
    );
    expect(wrapper).toContain(
      'import { createClient } from "../client/index.js";',
    );
    expect(wrapper).toMatch(/^export function reader\(/m);
    expect(wrapper).toContain("listPets: client.listPets");
    expect(wrapper).not.toContain("createPet");
    const tsc = spawnSync(process.execPath, [TSC, "-p", dir], {
      cwd: dir,
      encoding: "utf8",
    });
    expect(`${tsc.stdout}${tsc.stderr}`).toBe("");
    expect(tsc.status).toBe(0);
  }, 120_000);

  it("is up to date for --check, which sees a change of its option", () => {
    expect(run().code).toBe(0);
    const clean = run("--check");
    expect(clean.code, clean.stdout + clean.stderr).toBe(0);
    const config = join(dir, "apiloom.config.mjs");
    writeFileSync(
      config,
      readFileSync(config, "utf8").replace('"reader"', '"readPets"'),
    );
    const stale = run("--check");
    expect(stale.code).toBe(1);
    expect(stale.stdout + stale.stderr).toMatch(/readonly\/index\.ts/);
  });
  it('still works as the page once wrote it, with `places: "none"` (apiloom\'s own business now)', () => {
    const index = join(dir, "node_modules/apiloom-plugin-readonly/index.js");
    writeFileSync(
      index,
      PLUGIN.replace(
        '  path: "readonly",\n',
        '  path: "readonly",\n  places: "none",\n',
      ),
    );
    expect(readFileSync(index, "utf8")).toContain('places: "none"');
    const result = run("--force", "--verbose");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /specs\/pets\.yaml:\d+:\d+: warning plugin\/warning readonly leaves out POST \/pets/,
    );
    expect(
      readFileSync(join(dir, "generated/readonly/index.ts"), "utf8"),
    ).toContain("listPets: client.listPets");
  });
});

describe("a plugin whose emit returns malformed files", () => {
  const BAD: Record<string, string> = {
    "null contents": '[{ path: "bad/a.txt", contents: null }]',
    "no contents": '[{ path: "bad/a.txt" }]',
    bytes: '[{ path: "bad/a.txt", contents: new Uint8Array([65]) }]',
    "no list": "null",
    "a file that is null": "[null]",
  };

  it.each(Object.keys(BAD))(
    "is a plugin/error naming the plugin and the file, exit 1, nothing written (%s)",
    (kind) => {
      const project = mkdtempSync(join(tmpdir(), "apiloom-bad-plugin-"));
      try {
        cpSync(
          join(REPO, "test/fixtures/user-plugin/specs"),
          join(project, "specs"),
          {
            recursive: true,
          },
        );
        writeFileSync(
          join(project, "apiloom.config.mjs"),
          `export default {
  inputs: ["specs/*"],
  artifacts: ["bad"],
  plugins: [{ name: "bad", version: "1", description: "bad/", path: "bad", emit: () => ${BAD[kind]} }],
};
`,
        );
        const result = apiloom(["generate", "--no-lock"], project);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(
          /plugin\/error: the plugin "bad" returned/,
        );
        if (kind.endsWith("contents") || kind === "bytes")
          expect(result.stderr).toContain('"bad/a.txt"');
        expect(result.stderr).not.toMatch(/^\s+at /m); // no stack trace
        expect(existsSync(join(project, "generated"))).toBe(false);
      } finally {
        rmSync(project, { recursive: true, force: true });
      }
    },
  );
});
