import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, posix } from "node:path";
import { ts } from "ts-morph";
import { describe, expect, it } from "vitest";
import {
  ARTIFACTS,
  BUILT_IN_PLUGINS,
  placesPrinted,
} from "../../src/emit/registry.js";
import { SRC, sourceFiles } from "./source-tree.js";

/*
 * The plugin folders of src/emit/ (each a folder with a plugin.ts) are plugins like a user's
 * (issue 44): a folder imports its own files, the plugin API (emit/artifact.ts), the toolkit
 * (emit/toolkit.ts, exported as apiloom-gen/plugin) and the model's public vocabulary, its types
 * (model/types.ts, type-only). Never another plugin's files, never the model's internals, never
 * the shared code under the toolkit (emit/shared/, emit/type-index/): what a built-in needs of
 * it, a plugin of the config gets too, through the toolkit.
 */

/** Files every plugin folder may import. */
const PUBLIC = new Set(["emit/artifact.ts", "emit/toolkit.ts"]);

/**
 * The specs of the options two plugins share (`emit/shared/options.ts`), which a plugin's
 * definition (its plugin.ts, or the options.ts it reads its specs from) may import directly: the
 * toolkit loads the modules that write code, and a run that skips emitting (nothing changed)
 * loads the plugins' definitions only.
 */
const OPTION_SPEC = /^emit\/shared\/options\.ts$/;
const isOptionSpec = (i: PluginImport) =>
  /\/(plugin|options)\.ts$/.test(i.file) && OPTION_SPEC.test(i.to);

/** The model's public part: its types, imported as types only. */
const MODEL_TYPES = "model/types.ts";

/** The folders of src/emit/ that hold a plugin.ts. */
const PLUGIN_FOLDERS = readdirSync(join(SRC, "emit"), { withFileTypes: true })
  .filter(
    (d) =>
      d.isDirectory() && existsSync(join(SRC, "emit", d.name, "plugin.ts")),
  )
  .map((d) => d.name)
  .sort();

interface PluginImport {
  file: string;
  line: number;
  to: string;
  typeOnly: boolean;
}

/** Every relative import of a folder's files (not its tests): static, dynamic and re-exports. */
function importsOf(folder: string): PluginImport[] {
  const out: PluginImport[] = [];
  for (const file of sourceFiles(false)) {
    if (!file.startsWith(`emit/${folder}/`)) continue;
    const text = readFileSync(join(SRC, file), "utf8");
    for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
      if (!imported.fileName.startsWith(".")) continue;
      const to = posix
        .normalize(posix.join(posix.dirname(file), imported.fileName))
        .replace(/\.js$/, ".ts");
      // the statement up to the specifier: `import type {…} from` or every name `type x`
      const head = text.slice(
        Math.max(
          text.lastIndexOf("import ", imported.pos),
          text.lastIndexOf("export ", imported.pos),
        ),
        imported.pos,
      );
      const names = /\{([^}]*)\}/.exec(head)?.[1];
      const typeOnly =
        /^(import|export) type\b/.test(head) ||
        (names !== undefined &&
          names
            .split(",")
            .map((n) => n.trim())
            .filter(Boolean)
            .every((n) => n.startsWith("type ")));
      const line = text.slice(0, imported.pos).split("\n").length;
      out.push({ file, line, to, typeOnly });
    }
  }
  return out;
}

describe("plugin folders (src/emit/<name>/ with a plugin.ts)", () => {
  it("are the registry's built-ins, a folder each, named for the artifact", () => {
    expect(PLUGIN_FOLDERS).toEqual([...ARTIFACTS].sort());
  });

  it.each(PLUGIN_FOLDERS)(
    "%s/ imports no other plugin's files and none of the model's internals",
    (folder) => {
      const wrong: string[] = [];
      for (const i of importsOf(folder)) {
        if (i.to.startsWith(`emit/${folder}/`) || PUBLIC.has(i.to)) continue;
        if (isOptionSpec(i)) continue;
        if (i.to === MODEL_TYPES && i.typeOnly) continue;
        wrong.push(`src/${i.file}:${i.line} imports src/${i.to}`);
      }
      expect(wrong, "import it through emit/toolkit.ts or the context").toEqual(
        [],
      );
    },
  );
});

describe("the shared code under the toolkit (emit/shared/, emit/type-index/, emit/toolkit.ts)", () => {
  it("imports no plugin folder's files: the plugins build on it, never the other way", () => {
    const wrong: string[] = [];
    for (const file of sourceFiles(false)) {
      if (!/^emit\/(shared\/|type-index\/|toolkit\.ts$)/.test(file)) continue;
      const text = readFileSync(join(SRC, file), "utf8");
      for (const { fileName } of ts.preProcessFile(text, true, true)
        .importedFiles) {
        if (!fileName.startsWith(".")) continue;
        const to = posix.normalize(posix.join(posix.dirname(file), fileName));
        const folder = /^emit\/([\w-]+)\//.exec(to)?.[1];
        if (folder && PLUGIN_FOLDERS.includes(folder))
          wrong.push(`src/${file} imports src/${to}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});

describe("the built-ins' plugin API (issue 44, item 1)", () => {
  const texts = sourceFiles(false).map((file) => ({
    file,
    text: readFileSync(join(SRC, file), "utf8"),
  }));

  it("has no EmitOptions and no Emitter type: every built-in's emit reads its context", () => {
    const found = texts
      .filter(({ text }) => /\b(EmitOptions|Emitter)\b/.test(text))
      .map(({ file }) => file);
    expect(found).toEqual([]);
  });

  it("builds the type index in one place (the run's context), with no module-level cache", () => {
    const calls = texts.flatMap(({ file, text }) =>
      text
        .split("\n")
        // calls, not the declaration nor a comment naming it
        .filter((line) => /\bcreateTypeIndex\(/.test(line))
        .filter((line) => !/^\s*(\*|\/\/|export function)/.test(line))
        .map(() => file),
    );
    expect(calls).toEqual(["emit/run.ts"]);
    const index = texts.find(
      (t) => t.file === "emit/type-index/type-index.ts",
    )!;
    expect(index.text).not.toMatch(/^const \w+ = new (Weak)?Map/m);
  });

  it("keeps no module-global cache in emit/validators", () => {
    const caches = texts
      .filter(({ file }) => file.startsWith("emit/validators/"))
      .flatMap(({ file, text }) =>
        [...text.matchAll(/^(?:const|let) (\w+)\b[^=]*= new (?:Weak)?Map\b/gm)]
          // a map something adds to: a fixed table built from constants is none
          .filter((m) => text.includes(`${m[1]}.set(`))
          .map((m) => `${file}: ${m[1]}`)
          // the keyword families' fixed table, filled once when the module loads
          .filter((entry) => entry !== "emit/validators/body.ts: FAMILIES"),
      );
    expect(caches).toEqual([]);
  });

  it("defines every built-in with definePlugin, as a user's plugin is: there is no other way", () => {
    expect(texts.filter(({ text }) => /defineBuiltIn/.test(text))).toEqual([]);
    for (const folder of PLUGIN_FOLDERS)
      expect(
        texts.find((t) => t.file === `emit/${folder}/plugin.ts`)!.text,
      ).toMatch(/^export default definePlugin\(\{$/m);
  });

  it("keeps `places` (which source positions a run must find) apiloom's own: a config's plugin prints any", () => {
    const [types, docs] = [BUILT_IN_PLUGINS[0], BUILT_IN_PLUGINS[4]];
    expect([types.name, docs.name]).toEqual(["types", "docs"]);
    expect(placesPrinted([types])).toBe("none");
    expect(placesPrinted([types, docs])).toBe("endpoints");
    // what docs/plugins.md once told a plugin to say: it has no effect now
    const mine = { ...types, name: "mine", version: "1", places: "none" };
    expect(placesPrinted([types, mine])).toBe("any");
    expect(Object.keys(types)).not.toContain("places");
  });
});
