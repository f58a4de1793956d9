import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseGenerateArgs } from "../../src/cli/generate-options.js";
import { ARTIFACTS, BUILT_IN_PLUGINS } from "../../src/emit/registry.js";
import {
  findConfigFile,
  loadConfigFile,
} from "../../src/workflow/config/load.js";
import { CONFIG_DEFAULTS } from "../../src/workflow/config/types.js";
import { resolveSettings } from "../../src/workflow/config/settings.js";
import { removeDir } from "./harness.js";

const dirs: string[] = [];
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-config-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
afterAll(() => dirs.forEach(removeDir));

const TS_CONFIG = `import { defineConfig } from "apiloom-gen/config";
import type { ApiloomConfig } from "apiloom";

const out: string = "build/api";
export default defineConfig({
  inputs: ["specs/*.yaml"],
  out,
  artifacts: ["openapi", "client"],
  baseUrl: "https://api.example.com",
  names: { "GET /pets": "allPets" },
  merge: { allowExternalRefs: true },
  server: { handlers: "src/handlers.ts" },
} satisfies ApiloomConfig);
`;

describe("config files", () => {
  it("loads a TypeScript config that imports defineConfig", async () => {
    const dir = folder({ "apiloom.config.ts": TS_CONFIG });
    const { config } = await loadConfigFile(join(dir, "apiloom.config.ts"));
    expect(config).toEqual({
      inputs: ["specs/*.yaml"],
      out: "build/api",
      artifacts: ["openapi", "client"],
      baseUrl: "https://api.example.com",
      names: { "GET /pets": "allPets" },
      merge: { allowExternalRefs: true },
      server: { handlers: "src/handlers.ts" },
    });
  });

  it("loads a config that imports the package's earlier name, apiloom/config", async () => {
    const dir = folder({
      "apiloom.config.ts":
        'import { defineConfig } from "apiloom/config";\nexport default defineConfig({ inputs: ["a.yaml"], out: "o" });\n',
    });
    const { config } = await loadConfigFile(join(dir, "apiloom.config.ts"));
    expect(config).toEqual({ inputs: ["a.yaml"], out: "o" });
  });

  it("loads a TypeScript config that imports a sibling module", async () => {
    const dir = folder({
      "apiloom.config.mts":
        'import { inputs } from "./inputs.mjs";\nexport default { inputs, out: "o" };\n',
      "inputs.mjs": 'export const inputs = ["a.yaml"];\n',
    });
    const { config } = await loadConfigFile(join(dir, "apiloom.config.mts"));
    expect(config).toEqual({ inputs: ["a.yaml"], out: "o" });
  });

  it.each([
    ["apiloom.config.json", '{ "inputs": ["x.json"], "strict": true }'],
    ["apiloom.config.yaml", "inputs:\n  - x.json\nstrict: true\n"],
    [
      "apiloom.config.mjs",
      'export default { inputs: ["x.json"], strict: true };\n',
    ],
    [
      "apiloom.config.js",
      'export default async () => ({ inputs: ["x.json"], strict: true });\n',
    ],
  ])("loads %s", async (name, text) => {
    const dir = folder({ [name]: text, "package.json": '{"type":"module"}' });
    const { config } = await loadConfigFile(join(dir, name));
    expect(config).toEqual({ inputs: ["x.json"], strict: true });
  });

  it.each([
    ['{ "input": ["x"] }', 'unknown option "input" (known: inputs, out,'],
    ['{ "out": 3 }', "apiloom.config.json:1:3: out must be a non-empty string"],
    ['{ "artifacts": ["sdk"] }', 'unknown artifact "sdk"'],
    [
      '{ "merge": { "allowExternalRefs": "yes" } }',
      "apiloom.config.json:1:14: merge.allowExternalRefs must be true or false",
    ],
    ["[1]", "the config must be an object"],
    [
      '{ "lock": true }',
      "apiloom.config.json:1:3: lock must be a file path, or false for no lock",
    ],
  ])("rejects %s clearly", async (text, message) => {
    const dir = folder({ "apiloom.config.json": text });
    await expect(
      loadConfigFile(join(dir, "apiloom.config.json")),
    ).rejects.toThrow(message);
  });

  it.each([
    [
      "apiloom.config.ts",
      'export default {\n  out: "x",\n  strict: ,\n};\n',
      "apiloom.config.ts:3:11: Expression expected.",
    ],
    [
      "apiloom.config.mjs",
      'export default {\n  out: "x",\n  strict: ;\n};\n',
      "cannot load apiloom.config.mjs:3:11: ",
    ],
  ])(
    "names the line and column of a syntax error in %s",
    async (name, text, message) => {
      const dir = folder({ [name]: text });
      await expect(loadConfigFile(join(dir, name))).rejects.toThrow(message);
    },
  );

  it("is found from a subfolder, but not past the project root", () => {
    const dir = folder({
      "apiloom.config.yaml": "inputs: [a.yaml]\n",
      "project/package.json": "{}",
      "project/sub/deeper/.keep": "",
      "loose/sub/.keep": "",
    });
    expect(findConfigFile(join(dir, "loose/sub"))).toBe(
      join(dir, "apiloom.config.yaml"),
    );
    expect(findConfigFile(join(dir, "project/sub/deeper"))).toBeUndefined();
  });
});

describe("settings: config paths are relative to the config, flag paths to the working folder", () => {
  it("resolves the config's paths and lets flags override them", async () => {
    const dir = folder({
      "apiloom.config.ts": TS_CONFIG,
      "package.json": "{}",
    });
    mkdirSync(join(dir, "specs"));
    const fromConfig = await resolveSettings(
      parseGenerateArgs([]),
      join(dir, "specs"),
    );
    expect(fromConfig).toMatchObject({
      baseDir: dir,
      inputs: ["specs/*.yaml"],
      out: join(dir, "build/api"),
      emit: {
        // the config asks for client and openapi; the client needs the types
        artifacts: ["types", "client", "openapi"],
        options: { client: { baseUrl: "https://api.example.com" } },
      },
      model: { names: { "GET /pets": "allPets" }, allowExternalRefs: true },
      serverHandlers: join(dir, "src/handlers.ts"),
      lock: join(dir, CONFIG_DEFAULTS.lock),
      strict: false,
    });
    const flagged = await resolveSettings(
      parseGenerateArgs([
        "a.yaml",
        "-o",
        "gen",
        "--name",
        "GET /pets=pets",
        "--no-lock",
        "--strict",
        "-a",
        "docs",
      ]),
      join(dir, "specs"),
    );
    expect(flagged).toMatchObject({
      inputs: ["specs/a.yaml"],
      out: join(dir, "specs/gen"),
      emit: { artifacts: ["docs"] },
      model: { names: { "GET /pets": "pets" } },
      strict: true,
    });
    expect(flagged.lock).toBeUndefined();
    expect(Object.isFrozen(flagged)).toBe(true);
    expect(Object.isFrozen(flagged.emit.options.client)).toBe(true);
  });

  it("works from flags alone and needs inputs", async () => {
    const dir = folder({ "package.json": "{}" });
    const settings = await resolveSettings(
      parseGenerateArgs(["x.yaml", "--out", "o"]),
      dir,
    );
    expect(settings).toMatchObject({
      baseDir: dir,
      inputs: ["x.yaml"],
      out: join(dir, "o"),
      // every artifact but the opt-in query and mocks
      emit: {
        artifacts: [
          "types",
          "client",
          "server",
          "validators",
          "docs",
          "openapi",
        ],
      },
      lock: join(dir, CONFIG_DEFAULTS.lock),
    });
    expect(settings.configFile).toBeUndefined();
    await expect(
      resolveSettings(parseGenerateArgs(["x.yaml", "-a", "client,sdk"]), dir),
    ).rejects.toThrow('--artifacts: unknown artifact "sdk"');
    await expect(resolveSettings(parseGenerateArgs([]), dir)).rejects.toThrow(
      "no inputs",
    );
  });

  it("--no-config leaves the lock beside the ignored config alone unless --lock names one", async () => {
    const dir = folder({ "apiloom.config.json": "{}", "package.json": "{}" });
    const flagsOnly = await resolveSettings(
      parseGenerateArgs(["x.yaml", "--out", "o", "--no-config"]),
      dir,
    );
    expect(flagsOnly.lock).toBeUndefined();
    const named = await resolveSettings(
      parseGenerateArgs(["x.yaml", "--no-config", "--lock", "names.json"]),
      dir,
    );
    expect(named.lock).toBe(join(dir, "names.json"));
  });

  it("refuses an output or templates folder that is a file, and a templates folder that is missing", async () => {
    const dir = folder({ "package.json": "{}", "file.txt": "x" });
    const settings = (args: string[]) =>
      resolveSettings(parseGenerateArgs(["x.yaml", ...args]), dir);
    await expect(settings(["--out", "file.txt"])).rejects.toThrow(
      `--out: ${join(dir, "file.txt")} is a file, not a folder`,
    );
    await expect(settings(["--out", "file.txt/gen"])).rejects.toThrow(
      "is inside a file, not a folder",
    );
    await expect(settings(["--templates", "tpl"])).rejects.toThrow(
      `--templates: the folder ${join(dir, "tpl")} does not exist`,
    );
    await expect(settings(["--templates", "file.txt"])).rejects.toThrow(
      "is a file, not a folder",
    );
    // an output folder that does not exist yet is made by the run
    await expect(settings(["--out", "new/gen"])).resolves.toMatchObject({
      out: join(dir, "new/gen"),
    });
  });

  it("takes server adapters from the config or --server-adapters (which replaces them), none by default", async () => {
    const dir = folder({
      "apiloom.config.json": JSON.stringify({
        inputs: ["x.yaml"],
        server: { adapters: ["fastify"] },
      }),
      "package.json": "{}",
      "tpl/server/express.ts": "// mine\n",
    });
    const settings = (args: string[]) =>
      resolveSettings(parseGenerateArgs(args), dir);
    const adapters = async (args: string[]) =>
      (await settings(args)).emit.options.server!.adapters;
    expect(await adapters([])).toEqual(["fastify"]);
    expect(
      await adapters([
        "--server-adapters",
        "express, fastify",
        "--templates",
        "tpl",
      ]),
    ).toEqual(["express", "fastify"]);
    expect(await adapters(["x.yaml", "--no-config"])).toEqual([]);
    expect(await adapters(["--server-adapters", "express,hono"])).toEqual([
      "express",
      "hono",
    ]);
    await expect(settings(["--server-adapters", "koa"])).rejects.toThrow(
      '--server-adapters: unknown server adapter "koa": apiloom has express, fastify, hono; for another, put server/koa.ts in your templates folder',
    );
    const bad = folder({
      "apiloom.config.json": JSON.stringify({
        inputs: ["x.yaml"],
        server: { adapters: ["koa"] },
      }),
      "package.json": "{}",
    });
    await expect(resolveSettings(parseGenerateArgs([]), bad)).rejects.toThrow(
      `"server.adapters" in ${join(bad, "apiloom.config.json")}: unknown server adapter "koa"`,
    );
  });

  it("knows the same artifacts as the plugin registry, in the same order", () => {
    expect(BUILT_IN_PLUGINS.map((p) => p.name)).toEqual([...ARTIFACTS]);
  });

  it.each([
    ["server", ["types", "server", "validators"]],
    ["validators", ["types", "validators"]],
    ["types", ["types"]],
    ["openapi,docs", ["docs", "openapi"]],
  ])(
    "-a %s makes what it asks for and what that imports",
    async (list, expected) => {
      const dir = folder({ "package.json": "{}" });
      const settings = await resolveSettings(
        parseGenerateArgs(["x.yaml", "-a", list]),
        dir,
      );
      expect(settings.emit.artifacts).toEqual(expected);
    },
  );
});

describe("flags", () => {
  it("parses values in both --flag value and --flag=value forms", () => {
    expect(
      parseGenerateArgs([
        "a",
        "--out=x",
        "--name",
        "GET /a=first",
        "--name=POST /a=second",
        "--max-diagnostics=3",
        "--",
        "--weird",
      ]),
    ).toMatchObject({
      inputs: ["a", "--weird"],
      out: "x",
      names: { "GET /a": "first", "POST /a": "second" },
      maxDiagnostics: 3,
    });
  });

  it.each([
    [["--out"], "--out needs a value"],
    [["--check=yes"], "--check takes no value"],
    [["--name", "getPets"], '--name expects "METHOD /path=name"'],
    [["-a", ","], "--artifacts needs at least one artifact"],
    [["--max-diagnostics", "many"], "--max-diagnostics expects a whole number"],
  ])("rejects %j", (args, message) => {
    expect(() => parseGenerateArgs(args)).toThrow(message);
  });
});
