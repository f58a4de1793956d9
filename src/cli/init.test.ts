import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findSpecs, runInit } from "./init.js";
import {
  describeSeeds,
  SEEDS_DIR,
  SEEDS_FILES,
} from "../../test/shared-corpus.js";

const dirs: string[] = [];
afterAll(() =>
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true })),
);

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-init-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function sink() {
  let text = "";
  return {
    write: (t: string) => (text += t),
    get text() {
      return text;
    },
  };
}

const OPENAPI =
  "openapi: 3.0.3\ninfo: { title: Pets, version: '1' }\npaths: {}\n";
const SWAGGER =
  '{ "swagger": "2.0", "info": { "title": "T", "version": "1" }, "paths": {} }';
const POSTMAN =
  '{ "info": { "name": "C", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json" }, "item": [] }';

describe("apiloom init", () => {
  it("finds specs by content, not by name, and passes over everything else", () => {
    const dir = project({
      "api/pets.yaml": OPENAPI,
      "docs/legacy.txt.json": SWAGGER,
      "collections/c.json": POSTMAN,
      "config/settings.yaml": "item: 3\nopenapi: no\n",
      "broken.yaml": "openapi: [",
      "node_modules/dep/openapi.yaml": OPENAPI,
      ".hidden/openapi.yaml": OPENAPI,
      // by content: a spec quoted in prose is not a spec
      "notes.md": "# Notes\n\n```yaml\n" + OPENAPI + "```\n",
    });
    symlinkSync(join(dir, "api"), join(dir, "linked"));
    expect(findSpecs(dir)).toEqual([
      { path: "api/pets.yaml", format: "openapi3.0" },
      { path: "collections/c.json", format: "postman2.1" },
      { path: "docs/legacy.txt.json", format: "swagger2" },
    ]);
  });

  it("writes a TypeScript config, adds the script and prints the next command", async () => {
    const dir = project({
      "package.json": '{\n  "name": "demo"\n}\n',
      "tsconfig.json": "{}",
      "src/index.ts": "",
      "spec/pets.yaml": OPENAPI,
    });
    const stdout = sink();
    expect(await runInit([], { cwd: dir, stdout, stderr: sink() })).toBe(0);
    // loading it runs the TypeScript compiler (seconds): the packed-tarball test does that
    const config = readFileSync(join(dir, "apiloom.config.ts"), "utf8");
    expect(config).toMatch(
      /^import \{ defineConfig \} from "apiloom-gen\/config";$/m,
    );
    expect(config).toContain('inputs: [\n    "spec/pets.yaml",\n  ],');
    expect(config).toContain('out: "src/api",');
    expect(config).not.toContain("importExtension");
    expect(JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))).toEqual(
      {
        name: "demo",
        scripts: { "generate:api": "apiloom generate" },
      },
    );
    expect(stdout.text).toMatch(
      /found 1 API description: spec\/pets\.yaml \(openapi3\.0\)/,
    );
    expect(stdout.text.trimEnd().split("\n").at(-1)).toBe(
      "next: npm run generate:api",
    );
  });

  it("gives a project whose tsconfig lets imports name .ts files .ts imports", async () => {
    for (const flag of [
      "allowImportingTsExtensions",
      "rewriteRelativeImportExtensions",
    ]) {
      const dir = project({
        "tsconfig.json": `{\n  // run unbuilt\n  "compilerOptions": { "${flag}": true }\n}\n`,
        "openapi.yaml": OPENAPI,
      });
      expect(
        await runInit([], { cwd: dir, stdout: sink(), stderr: sink() }),
      ).toBe(0);
      expect(readFileSync(join(dir, "apiloom.config.ts"), "utf8")).toContain(
        'importExtension: ".ts",\n});',
      );
    }
  });

  it("writes JSON without a tsconfig.json, and never overwrites a config", async () => {
    const dir = project({
      "openapi.json": JSON.stringify({ openapi: "3.1.0", info: {}, paths: {} }),
    });
    expect(
      await runInit(["--out", "api"], {
        cwd: dir,
        stdout: sink(),
        stderr: sink(),
      }),
    ).toBe(0);
    const written = readFileSync(join(dir, "apiloom.config.json"), "utf8");
    expect(JSON.parse(written)).toEqual({
      inputs: ["openapi.json"],
      out: "api",
    });
    const stderr = sink();
    expect(await runInit([], { cwd: dir, stdout: sink(), stderr })).toBe(1);
    expect(stderr.text).toMatch(
      /apiloom\.config\.json already exists; nothing written/,
    );
    expect(readFileSync(join(dir, "apiloom.config.json"), "utf8")).toBe(
      written,
    );
  });

  it("offers openapi-typescript's equivalents to a project whose npm script runs it", async () => {
    const dir = project({
      "package.json": JSON.stringify({
        scripts: {
          build: "tsc",
          types:
            "npx openapi-typescript ./specs/api.yaml -o src/lib/schema.d.ts && prettier --write src/lib",
        },
      }),
      "tsconfig.json": "{}",
      "specs/api.yaml": OPENAPI,
      "fixtures/other.yaml": OPENAPI,
      "src/index.ts": "",
    });
    const stdout = sink();
    expect(await runInit([], { cwd: dir, stdout, stderr: sink() })).toBe(0);
    const config = readFileSync(join(dir, "apiloom.config.ts"), "utf8");
    expect(config).toContain('inputs: [\n    "specs/api.yaml",\n  ],');
    expect(config).toContain('artifacts: ["paths"],');
    // openapi-typescript 7's default: a member with a default is required where it is read
    expect(config).toContain("paths: { defaultNonNullable: true },");
    expect(stdout.text).toContain(
      'the npm script "types" runs openapi-typescript on specs/api.yaml: the config makes src/api/paths.ts (its types) and src/api/client/openapi-fetch.ts',
    );
    expect(stdout.text).toContain("in place of src/lib/schema.d.ts");
  });

  it("maps the script's --read-write-markers and --default-non-nullable false to the paths options", async () => {
    const dir = project({
      "package.json": JSON.stringify({
        scripts: {
          types:
            // a flag named like an Object.prototype member is no option of ours
            "openapi-typescript --read-write-markers --default-non-nullable false --constructor --to-string api.yaml -o schema.ts",
        },
      }),
      "api.yaml": OPENAPI,
    });
    expect(
      await runInit([], { cwd: dir, stdout: sink(), stderr: sink() }),
    ).toBe(0);
    expect(
      JSON.parse(readFileSync(join(dir, "apiloom.config.json"), "utf8")),
    ).toEqual({
      inputs: ["api.yaml"],
      out: "generated",
      artifacts: ["paths"],
      paths: { readWriteMarkers: true },
    });
  });

  it("writes no artifacts without openapi-typescript in the scripts", async () => {
    const dir = project({
      "package.json": JSON.stringify({
        scripts: { types: "openapi-typescript-helpers" },
      }),
      "openapi.yaml": OPENAPI,
    });
    expect(
      await runInit([], { cwd: dir, stdout: sink(), stderr: sink() }),
    ).toBe(0);
    expect(
      JSON.parse(readFileSync(join(dir, "apiloom.config.json"), "utf8")),
    ).toEqual({ inputs: ["openapi.yaml"], out: "generated" });
  });

  it("refuses an unknown argument with exit 2", async () => {
    const stderr = sink();
    expect(
      await runInit(["--bogus"], { cwd: project({}), stdout: sink(), stderr }),
    ).toBe(2);
    expect(stderr.text).toMatch(/unknown argument "--bogus"/);
  });
});

describeSeeds(
  "init finds descriptions by content, like generate (issue 46)",
  () => {
    it("finds the Stride seeds as shipped (.txt) and lists them in the config", async () => {
      const seeds = SEEDS_DIR;
      const files = [...SEEDS_FILES];
      expect(files.length).toBeGreaterThan(0);
      const dir = project(
        Object.fromEntries(
          files.map((f) => [
            `specs/${f}`,
            readFileSync(join(seeds, f), "utf8"),
          ]),
        ),
      );
      writeFileSync(join(dir, "package.json"), "{}\n");
      writeFileSync(join(dir, "notes.txt"), "an item on the list\n");
      const found = findSpecs(dir);
      expect(found.map((s) => s.path)).toEqual(files.map((f) => `specs/${f}`));
      expect(new Set(found.map((s) => s.format))).toEqual(
        new Set(["postman2.0", "swagger2"]),
      );
      const stdout = sink();
      expect(await runInit([], { cwd: dir, stdout, stderr: sink() })).toBe(0);
      expect(stdout.text).toMatch(/found 5 API descriptions: specs\/000_/);
      const config = JSON.parse(
        readFileSync(join(dir, "apiloom.config.json"), "utf8"),
      );
      expect(config.inputs).toEqual(files.map((f) => `specs/${f}`));
    });

    it("reads a spec without an extension, and passes over code that names the keys", () => {
      const dir = project({
        "api/pets": OPENAPI,
        "src/client.ts": "const openapi = 3; // swagger item\n",
      });
      expect(findSpecs(dir)).toEqual([
        { path: "api/pets", format: "openapi3.0" },
      ]);
    });
  },
);
