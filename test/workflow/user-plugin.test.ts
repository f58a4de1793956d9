import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ARTIFACTS } from "../../src/emit/registry.js";
import { REPO, removeDir, runCli, startCli, waitFor } from "./harness.js";

// Issue 23: a plugin in a package of its own (a folder with a package.json under the project's
// node_modules, importing definePlugin from "apiloom-gen/config"), named in the config, adds an
// artifact with options and a diagnostic; the real CLI (bin/apiloom.js, dist/) treats it like
// one of apiloom's: -a, the config check, the manifest, --check, the fingerprint and --watch.

const CLI = join(REPO, "bin/apiloom.js");
const SKIPPED = "nothing changed since the last run";

const PLUGIN = (
  version: string,
) => `import { definePlugin } from "apiloom-gen/config";

/** A page of notes per endpoint, and a warning for an endpoint without a summary. */
export default function notes() {
  return definePlugin({
    name: "notes",
    version: ${JSON.stringify(version)},
    description: "notes/: a page of notes",
    needs: ["types"],
    path: "notes",
    options: {
      heading: { type: "string", default: "Notes", help: "the page's heading", flag: "--notes-heading", placeholder: "<text>" },
      style: { type: ["list", "table"], default: "list", help: "how endpoints are shown", flag: "--notes-style" },
    },
    emit({ model, options, reporter, paths, imports }) {
      const lines = [];
      for (const e of model.endpoints) {
        if (!e.summary)
          reporter.report("plugin/warning", \`\${e.method.toUpperCase()} \${e.path} has no summary to note\`, e.sources[0]);
        lines.push(options.style === "table" ? \`| \${e.name} | \${e.path} |\` : \`- \${e.name}: \${e.path}\`);
      }
      const index = imports("notes/types.ts");
      index.add(paths.types, "ListPetsData", { type: true });
      return [
        { path: "notes/index.md", contents: \`# \${options.heading}\\n\\n\${lines.join("\\n")}\\n\` },
        { path: "notes/types.ts", contents: index.text() + "export type Listed = ListPetsData;\\n" },
      ];
    },
  });
}
`;

const SPEC = (extra = "") => `openapi: 3.0.3
info: { title: Pets, version: 1.0.0 }
paths:
  /pets:
    get:
      operationId: listPets
      summary: List the pets
      responses:
        "200":
          description: the pets
          content:
            application/json:
              schema: { type: array, items: { type: string } }
  /pets/{id}:
    get:
      operationId: getPet
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { "200": { description: one pet } }
${extra}`;

const CONFIG = (
  notes: Record<string, unknown>,
) => `import notes from "apiloom-plugin-notes";

export default {
  inputs: ["specs/*.yaml"],
  out: "out",
  plugins: [notes()],
  notes: ${JSON.stringify(notes)},
};
`;

let dir: string;
const generate = (...args: string[]) =>
  runCli(CLI, ["generate", ...args], { cwd: dir, fake: false });
const read = (path: string) => readFileSync(join(dir, path), "utf8");

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "apiloom-user-plugin-"));
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  mkdirSync(join(dir, "specs"));
  writeFileSync(join(dir, "specs/pets.yaml"), SPEC());
  mkdirSync(join(dir, "node_modules/apiloom-plugin-notes"), {
    recursive: true,
  });
  symlinkSync(REPO, join(dir, "node_modules/apiloom-gen"));
  writeFileSync(
    join(dir, "node_modules/apiloom-plugin-notes/package.json"),
    JSON.stringify({
      name: "apiloom-plugin-notes",
      version: "1.0.0",
      type: "module",
      exports: "./index.js",
    }),
  );
  writeFileSync(
    join(dir, "node_modules/apiloom-plugin-notes/index.js"),
    PLUGIN("1.0.0"),
  );
  writeFileSync(
    join(dir, "apiloom.config.mjs"),
    CONFIG({ heading: "Pet notes" }),
  );
});
afterAll(() => removeDir(dir));

describe("a plugin of the user's, in its own package", () => {
  it("adds an artifact with its options and a diagnostic, and --check, the fingerprint and -a treat it like apiloom's", async () => {
    const first = await generate("--verbose");
    expect(first.code, first.stderr).toBe(0);
    expect(read("out/notes/index.md")).toBe(
      "# Pet notes\n\n- listPets: /pets\n- getPet: /pets/{id}\n",
    );
    expect(read("out/notes/types.ts")).toBe(
      'import type { ListPetsData } from "../types.js";\nexport type Listed = ListPetsData;\n',
    );
    expect(first.stderr).toMatch(
      /specs\/pets\.yaml:\d+:\d+: warning plugin\/warning GET \/pets\/\{id\} has no summary to note/,
    );
    const manifest = JSON.parse(read("out/.apiloom-manifest.json"));
    expect(Object.keys(manifest.files)).toContain("notes/index.md");

    for (const args of [[], ["--check"]]) {
      const same = await generate(...args);
      expect(same.stderr).toContain(SKIPPED);
      expect(same.code).toBe(0);
    }

    // its option, changed in the config: --check finds the stale page, generate rewrites it
    writeFileSync(
      join(dir, "apiloom.config.mjs"),
      CONFIG({ heading: "Pet notes", style: "table" }),
    );
    const check = await generate("--check");
    expect(check.stderr).not.toContain(SKIPPED);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("M notes/index.md");
    expect((await generate()).code).toBe(0);
    expect(read("out/notes/index.md")).toContain("| listPets | /pets |");
    expect((await generate()).stderr).toContain(SKIPPED);

    // a new version of the plugin is a full run
    writeFileSync(
      join(dir, "node_modules/apiloom-plugin-notes/index.js"),
      PLUGIN("1.1.0"),
    );
    const upgraded = await generate();
    expect(upgraded.stderr).not.toContain(SKIPPED);
    expect(upgraded.code).toBe(0);

    // -a names it and brings what it needs; an unknown name lists it among the known
    const only = await generate("-a", "notes", "--out", "only");
    expect(only.code, only.stderr).toBe(0);
    expect(existsSync(join(dir, "only/notes/index.md"))).toBe(true);
    expect(existsSync(join(dir, "only/types.ts"))).toBe(true);
    expect(existsSync(join(dir, "only/client"))).toBe(false);
    const unknown = await generate("-a", "nope");
    expect(unknown.code).toBe(2);
    // apiloom's own (opt-in ones too), then the config's
    expect(unknown.stderr).toContain(
      `--artifacts: unknown artifact "nope" (known: ${[...ARTIFACTS, "notes"].join(", ")})`,
    );
  });

  it("has its options checked like apiloom's, naming the config entry", async () => {
    writeFileSync(join(dir, "apiloom.config.mjs"), CONFIG({ style: "grid" }));
    const bad = await generate("--check");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      'apiloom.config.mjs.notes.style must be one of "list", "table"',
    );
    writeFileSync(join(dir, "apiloom.config.mjs"), CONFIG({ colour: "red" }));
    const unknown = await generate("--check");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      'apiloom.config.mjs.notes: unknown option "colour" (known: heading, style)',
    );
  });

  it("takes its options' flags on the command line like apiloom's, over the config, and lists them in --help", async () => {
    writeFileSync(
      join(dir, "apiloom.config.mjs"),
      CONFIG({ heading: "From the config" }),
    );
    const flagged = await generate(
      "--notes-heading",
      "From a flag",
      "--notes-style=table",
      "--out",
      "flagged",
    );
    expect(flagged.code, flagged.stderr).toBe(0);
    expect(read("flagged/notes/index.md")).toBe(
      "# From a flag\n\n| listPets | /pets |\n| getPet | /pets/{id} |\n",
    );
    // checked like a config value, naming the flag
    const bad = await generate("--notes-style", "grid", "--out", "flagged");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '--notes-style expects one of list, table, got "grid"',
    );
    // without the config, the flag is no flag
    const none = await generate(
      "--no-config",
      "--notes-heading",
      "x",
      "specs/pets.yaml",
    );
    expect(none.code).toBe(2);
    expect(none.stderr).toContain("unknown option --notes-heading");
    const help = await generate("--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--notes-heading <text> +the page's heading/);
    expect(help.stdout).toMatch(
      /--notes-style <value> +how endpoints are shown/,
    );
  });

  it("--watch makes it again when a spec changes", async () => {
    writeFileSync(
      join(dir, "apiloom.config.mjs"),
      CONFIG({ heading: "Watched" }),
    );
    const run = startCli(CLI, ["generate", "--watch"], {
      cwd: dir,
      fake: false,
    });
    const watching = "apiloom: watching for changes";
    const count = () => run.output().split(watching).length - 1;
    try {
      await waitFor(() => count() === 1, "the first run", 60_000);
      expect(read("out/notes/index.md")).toContain("# Watched");
      writeFileSync(
        join(dir, "specs/pets.yaml"),
        SPEC(`  /owners:
    get:
      operationId: listOwners
      summary: The owners
      responses: { "200": { description: the owners } }
`),
      );
      await waitFor(() => count() === 2, "a run after the spec change", 60_000);
      expect(read("out/notes/index.md")).toContain("- listOwners: /owners");
    } finally {
      run.child.kill("SIGINT");
    }
    expect((await run.done).code).toBe(0);
  });
});
