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
import { afterAll, describe, expect, it } from "vitest";
import { apiloom, REPO } from "../cli/run.js";

// A config plugin that fails (throws in `emit` or in an option's `problem`, or makes a file
// outside its own path) is a `plugin/error` naming it: one line, no stack, exit 1, nothing
// written. A TypeScript plugin imported by a TypeScript config is transpiled as the config is.

const projects: string[] = [];
afterAll(() => {
  for (const dir of projects) rmSync(dir, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-plugin-failure-"));
  projects.push(dir);
  cpSync(join(REPO, "test/fixtures/user-plugin/specs"), join(dir, "specs"), {
    recursive: true,
  });
  writeFileSync(join(dir, "package.json"), '{ "name": "p" }\n');
  mkdirSync(join(dir, "node_modules"));
  for (const [name, text] of Object.entries(files))
    writeFileSync(join(dir, name), text);
  return dir;
}

/** A config (.mjs) whose one plugin is `plugin` (an object literal's members). */
const config = (plugin: string) => `export default {
  inputs: ["specs/*"],
  artifacts: ["bad"],
  plugins: [{ name: "bad", version: "1", description: "bad", path: "bad", ${plugin} }],
};
`;

const FAILURES: Record<string, { plugin: string; says: RegExp }> = {
  "emit throws an Error": {
    plugin: 'emit: () => { throw new Error("the model has no\\n  pets"); }',
    says: /^apiloom: plugin\/error: the plugin "bad" threw: the model has no pets$/m,
  },
  "emit rejects with a string": {
    plugin: 'emit: async () => { throw "not today"; }',
    says: /^apiloom: plugin\/error: the plugin "bad" threw: not today$/m,
  },
  "an option's problem throws": {
    plugin:
      'options: { level: { type: "number", default: 1, help: "how loud", problem: () => { throw new TypeError("cannot check"); } } }, emit: () => []',
    says: /^apiloom: plugin\/error: the plugin "bad" threw checking "bad\.level" in \S*apiloom\.config\.mjs: cannot check$/m,
  },
  "a file outside its path": {
    plugin: 'emit: () => [{ path: "client/index.ts", contents: "x" }]',
    says: /^apiloom: plugin\/error: the plugin "bad" returned the path "client\/index\.ts", outside its own path "bad"/m,
  },
  "an unsafe path": {
    plugin: 'emit: () => [{ path: "../../escape.ts", contents: "x" }]',
    says: /^apiloom: plugin\/error: the plugin "bad" returned the path "\.\.\/\.\.\/escape\.ts"/m,
  },
};

describe("a config plugin that fails", () => {
  it.each(Object.keys(FAILURES))(
    "is a plugin/error naming it, one line, exit 1, nothing written (%s)",
    (kind) => {
      const { plugin, says } = FAILURES[kind]!;
      const extra = kind.startsWith("an option")
        ? config(plugin).replace("plugins:", "bad: { level: 2 },\n  plugins:")
        : config(plugin);
      const dir = project({ "apiloom.config.mjs": extra });
      const result = apiloom(["generate", "--no-lock"], dir);
      expect(result.stderr).toMatch(says);
      expect(result.stderr).not.toMatch(/internal error|^\s+at /m);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.code).toBe(1);
      expect(existsSync(join(dir, "generated"))).toBe(false);
      expect(existsSync(join(dir, "..", "escape.ts"))).toBe(false);
    },
  );
});

describe("a TypeScript plugin imported by a TypeScript config", () => {
  const PLUGIN = `import { definePlugin } from "apiloom-gen/config";
import { countOf } from "./count.ts";

type Model = { endpoints: readonly unknown[] };
export default definePlugin({
  name: "notes",
  version: "1",
  description: "notes",
  path: "notes",
  emit: ({ model }: { model: Model }) => [
    { path: "notes/count.txt", contents: countOf(model.endpoints) },
  ],
});
`;
  const COUNT = `export const countOf = (list: readonly unknown[]): string =>
  \`\${list.length satisfies number} endpoints\\n\`;
`;

  it.each([
    ["./notes.ts", "notes.ts"],
    ["./notes.js", "notes.ts"],
  ])("works when the config imports it as %s", (specifier, file) => {
    const dir = project({
      [file]: PLUGIN,
      "count.ts": COUNT,
      "apiloom.config.ts": `import { defineConfig } from "apiloom-gen/config";
import notes from "${specifier}";

export default defineConfig({
  inputs: ["specs/*"],
  artifacts: ["notes"],
  plugins: [notes],
});
`,
    });
    const result = apiloom(["generate", "--no-lock"], dir);
    expect(result.stderr).not.toMatch(/Unknown file extension|cannot load/);
    expect(result.code).toBe(0);
    expect(
      readFileSync(join(dir, "generated/notes/count.txt"), "utf8"),
    ).toMatch(/^\d+ endpoints\n$/);
    // the transpiled copies are gone
    expect(readdirSync(dir).filter((f) => f.endsWith(".mjs"))).toEqual([]);
  });
});
