import { spawn, spawnSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { findConfigFile } from "../../src/workflow/config/load.js";
import { REPO } from "../cli/run.js";
import { removeDir } from "./harness.js";

/*
 * Configs as projects write them, each read as Node 24 reads it natively (the held-out config
 * hunt's oracle: `import(config)`, its default export called when a function) or, for what Node
 * cannot strip, as jiti does.
 */
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeDir));

/** A project folder (real path) holding `files`. */
function project(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "apiloom-config-load-")));
  dirs.push(dir);
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const DEFINE = 'import { defineConfig } from "apiloom-gen/config";\n';

/**
 * The config in `dir` as apiloom loads it, or the message it fails with: in a Node of its own, on
 * the build (vitest's module runner resolves and places what Node would not).
 */
async function load(dir: string, name = "apiloom.config.ts") {
  const run = spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `import { loadConfigFile } from ${JSON.stringify(pathToFileURL(join(REPO, "dist/workflow/config/load.js")).href)};
try { console.log(JSON.stringify((await loadConfigFile(process.argv[1])).config)); }
catch (error) { console.log(JSON.stringify(error.message)); }`,
      join(dir, name),
    ],
    { encoding: "utf8" },
  );
  return JSON.parse(run.stdout) as unknown;
}

describe("a TypeScript config runs as Node runs it", () => {
  it("reads import.meta without importing anything else", async () => {
    const dir = project({
      "apiloom.config.ts": `${DEFINE}export default defineConfig({
  inputs: [new URL("./specs/a.yaml", import.meta.url).pathname],
  out: import.meta.dirname + "/gen",
});
`,
    });
    expect(await load(dir)).toEqual({
      inputs: [join(dir, "specs/a.yaml")],
      out: join(dir, "gen"),
    });
  });

  it("keeps its helpers while its default export runs (a dynamic import in it)", async () => {
    const dir = project({
      "apis.ts": 'export const inputs: string[] = ["specs/a.yaml"];\n',
      "apiloom.config.ts": `${DEFINE}export default async () => {
  const { inputs } = await import("./apis.ts");
  return defineConfig({ inputs });
};
`,
    });
    expect(await load(dir)).toEqual({ inputs: ["specs/a.yaml"] });
  });

  it("rewrites its imports, not a string or a template that reads like one", async () => {
    const dir = project({
      "x.ts": 'export const x: string = "X";\n',
      "apiloom.config.ts": `${DEFINE}import { x } from "./x.ts";
const note = 'copied from "./x.ts" once';
export default defineConfig({
  inputs: ["specs/a.yaml"],
  info: { title: note, description: \`from "./x.ts" \${x}\` },
});
`,
    });
    expect(await load(dir)).toEqual({
      inputs: ["specs/a.yaml"],
      info: {
        title: 'copied from "./x.ts" once',
        description: 'from "./x.ts" X',
      },
    });
  });

  it("through a symbolic link: imports and import.meta are the real file's", async () => {
    const dir = project({
      "real/apis.ts": 'export const out = "real-helper";\n',
      "real/apiloom.config.ts": `${DEFINE}import { out } from "./apis.ts";
export default defineConfig({ inputs: [import.meta.dirname], out });
`,
    });
    mkdirSync(join(dir, "link"));
    symlinkSync(
      join(dir, "real/apiloom.config.ts"),
      join(dir, "link/apiloom.config.ts"),
    );
    expect(await load(join(dir, "link"))).toEqual({
      inputs: [join(dir, "real")],
      out: "real-helper",
    });
  });

  it("as .cts (CommonJS), found as apiloom.config.cts, and a .cts helper", async () => {
    const dir = project({
      "h.cts": 'const out: string = "from-cts";\nmodule.exports = { out };\n',
      "apiloom.config.cts":
        'const { out } = require("./h.cts");\nmodule.exports = { inputs: ["specs/a.yaml"], out: out as string };\n',
      "sub/h.cts": 'const out: string = "sub";\nmodule.exports = { out };\n',
      "sub/apiloom.config.ts": `import h from "./h.cts";\nexport default { inputs: ["a.yaml"], out: h.out };\n`,
    });
    expect(findConfigFile(dir)).toBe(join(dir, "apiloom.config.cts"));
    expect(await load(dir, "apiloom.config.cts")).toEqual({
      inputs: ["specs/a.yaml"],
      out: "from-cts",
    });
    expect(await load(join(dir, "sub"))).toEqual({
      inputs: ["a.yaml"],
      out: "sub",
    });
  });

  it("a JSON config with a byte-order mark and CRLF lines, as Windows editors save it", async () => {
    const dir = project({
      "apiloom.config.json": '\uFEFF{\r\n  "inputs": ["specs/a.yaml"]\r\n}\r\n',
    });
    expect(await load(dir, "apiloom.config.json")).toEqual({
      inputs: ["specs/a.yaml"],
    });
  });
});

describe("a config that fails names the place", () => {
  it("of a throw: in the config, in a helper, in its default export, in a .mjs", async () => {
    const dir = project({
      "apiloom.config.ts": `${DEFINE}interface Keys {
  key: string;
}
const keys: Keys | undefined = process.env.NO_SUCH_VARIABLE as unknown as Keys;
export default defineConfig({ inputs: ["specs/a.yaml"], out: keys!.key });
`,
      "h/h.ts":
        'type T = string;\nexport function out(): T {\n  throw new Error("helper boom");\n}\n',
      "h/apiloom.config.ts": `${DEFINE}import { out } from "./h.ts";\nexport default defineConfig({ inputs: ["a.yaml"], out: out() });\n`,
      "f/apiloom.config.ts": `${DEFINE}export default async () => {\n  throw new Error("boom in fn");\n};\n`,
      "m/apiloom.config.mjs":
        'const x = undefined;\nexport default { inputs: ["a.yaml"], out: x.y };\n',
    });
    expect(await load(dir)).toBe(
      "cannot load apiloom.config.ts:6:68: Cannot read properties of undefined (reading 'key')",
    );
    expect(await load(join(dir, "h"))).toBe(
      "cannot load apiloom.config.ts: h.ts:3:9: helper boom",
    );
    expect(await load(join(dir, "f"))).toBe(
      "cannot load apiloom.config.ts:3:9: boom in fn",
    );
    expect(await load(join(dir, "m"), "apiloom.config.mjs")).toBe(
      "cannot load apiloom.config.mjs:2:45: Cannot read properties of undefined (reading 'y')",
    );
  });

  it("of a JSON or YAML syntax error; a missing helper by the config's name", async () => {
    const dir = project({
      "apiloom.config.json":
        '{\n  "inputs": ["specs/a.yaml"],\n  "out": "x",\n}\n',
      "y/apiloom.config.yaml": "inputs: [specs/a.yaml\nout: x\n",
      "n/apis.ts": "export const inputs = [];\n",
      "n/apiloom.config.ts":
        'import { inputs } from "./apis";\nexport default { inputs };\n',
    });
    expect(await load(dir, "apiloom.config.json")).toMatch(
      /^cannot load apiloom\.config\.json:4:1: /,
    );
    expect(await load(join(dir, "y"), "apiloom.config.yaml")).toMatch(
      /^cannot load apiloom\.config\.yaml:2:1: /,
    );
    // extensionless, as Node resolves an ES module's import: not found (Node 24 agrees)
    expect(await load(join(dir, "n"))).toBe(
      `cannot load apiloom.config.ts: Cannot find module '${join(dir, "n/apis")}' imported from ${join(dir, "n/apiloom.config.ts")}`,
    );
  });
});

describe("a TypeScript config's temporary files", () => {
  it("are gone after a run stopped by Ctrl-C while the config loads", async () => {
    const dir = project({
      "apis.ts": 'export const out = "gen";\n',
      "apiloom.config.ts": `${DEFINE}import { out } from "./apis.ts";
await new Promise((resolve) => setTimeout(resolve, 20_000));
export default defineConfig({ inputs: ["a.yaml"], out });
`,
    });
    const child = spawn(
      process.execPath,
      [join(REPO, "bin/apiloom.js"), "inspect"],
      {
        cwd: dir,
        stdio: "ignore",
      },
    );
    const files = () => readdirSync(dir).filter((f) => f.endsWith(".mjs"));
    while (files().length < 2) await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGINT");
    const code = await new Promise((r) =>
      child.on("exit", (c, s) => r(c ?? s)),
    );
    expect(code).toBe("SIGINT");
    expect(files()).toEqual([]);
  }, 30_000);
});
