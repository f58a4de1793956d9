import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { slashedRelative } from "../sources/real-path.js";
import { pathToFileURL } from "node:url";
import {
  CONFIG_FILE_NAMES,
  type ApiloomConfig,
  type ConfigLocator,
} from "./types.js";
import { validateConfig } from "./validate.js";
import type { ParsedDocument } from "../../ingest/parse/parsed-document.js";
import { projectCacheDir, writeCacheFile } from "../records/cache-dir.js";
import { importModule } from "../../emit/import-module.js";
import { apiloomIdentity, sha256Bytes } from "../identity.js";
import { ConfigError } from "./error.js";

export type LoadedConfig = Awaited<ReturnType<typeof loadConfigFile>>;

/** The config file the flags name (`--config`, `--no-config`), or the one found from `cwd`. */
export async function loadConfig(
  flags: { config?: string | false },
  cwd: string,
): Promise<LoadedConfig | undefined> {
  const configFile =
    flags.config === false
      ? undefined
      : flags.config !== undefined
        ? resolve(cwd, flags.config)
        : findConfigFile(cwd);
  return configFile ? await loadConfigFile(configFile) : undefined;
}

/** The config file in `cwd` or a parent, not past the project root (package.json or .git). */
export function findConfigFile(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    const found = CONFIG_FILE_NAMES.map((name) => join(dir, name)).find(
      (file) => existsSync(file),
    );
    if (found || isProjectRoot(dir) || dirname(dir) === dir) return found;
  }
}

export function isProjectRoot(dir: string): boolean {
  return existsSync(join(dir, "package.json")) || existsSync(join(dir, ".git"));
}

/**
 * The config at `file`, validated; `file` absolute, and `dir` its folder, where the config's
 * relative paths and the display paths of inputs start.
 */
export async function loadConfigFile(file: string) {
  const abs = resolve(file);
  let raw: unknown;
  try {
    raw = await readConfigValue(abs);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    // Node names no line for a syntax error in an ES module: ask the TypeScript parser where
    // (it finds none when the error was something else, and then none is named)
    const where = /\.[cm]?js$/.test(abs) ? await syntaxErrorPosition(abs) : "";
    throw new ConfigError(
      `cannot load ${basename(abs)}${where}: ${(error as Error).message}`,
    );
  }
  let config: ApiloomConfig;
  try {
    config = validateConfig(raw, basename(abs));
  } catch (error) {
    // the readers' position scanners are loaded only for a config with problems (a run in which
    // nothing changed must not pay for them): checked again, each problem is placed
    const locate = error instanceof ConfigError && (await positionsOf(abs));
    if (!locate) throw error;
    config = validateConfig(raw, basename(abs), locate);
  }
  return { file: abs, dir: dirname(abs), config };
}

/** Where a key of a JSON or YAML config is, looked up only for a problem; none for code configs. */
export async function positionsOf(
  file: string,
): Promise<ConfigLocator | undefined> {
  const kind = dataKind(file);
  if (!kind) return undefined;
  const { parseJson } = await import("../../ingest/parse/json.js");
  const { parseYamlStream } = await import("../../ingest/parse/yaml.js");
  let document: ParsedDocument | undefined;
  try {
    const text = readFileSync(file, "utf8");
    document =
      kind === "json"
        ? parseJson(text, basename(file))
        : parseYamlStream(text, basename(file))[0];
  } catch {
    // unreadable, or not JSON or YAML: no positions
  }
  return (path) => document?.locate(path);
}

/** A JSON or YAML config, by its extension; undefined for code. */
function dataKind(file: string): "json" | "yaml" | undefined {
  const ext = extname(file);
  if (ext === ".json") return "json";
  return ext === ".yaml" || ext === ".yml" ? "yaml" : undefined;
}

async function readConfigValue(file: string): Promise<unknown> {
  const kind = dataKind(file);
  if (kind === "json") return JSON.parse(readFileSync(file, "utf8"));
  if (kind === "yaml")
    return (await import("yaml")).parse(readFileSync(file, "utf8"));
  if ([".ts", ".mts"].includes(extname(file))) return importTypeScript(file);
  // a fresh URL per load: modules are cached by URL, and two loads can fall in one millisecond
  return defaultExport(
    await importModule(
      `${pathToFileURL(file).href}?t=${Date.now()}-${++loads}`,
    ),
  );
}

let loads = 0;

/**
 * Node 20 cannot run TypeScript: the config is transpiled with ts-morph's TypeScript, its
 * `apiloom-gen/config` import pointed at SELF_MODULE. A config without other imports runs from a
 * data: URL; one with imports from a temporary file beside it, each TypeScript file it imports
 * (`./plugin.ts`, or `./plugin.js` naming it) transpiled the same way, beside itself.
 */
async function importTypeScript(file: string): Promise<unknown> {
  const temps = new Map<string, string>();
  try {
    const code = await transpiledTree(file, temps);
    if (
      !/\bfrom\s*["']|\bimport\s*\(|\bimport\s+["']/.test(
        code.replaceAll(JSON.stringify(SELF_MODULE), ""),
      )
    )
      return defaultExport(
        await importModule(`data:text/javascript,${encodeURIComponent(code)}`),
      );
    const temp = tempBeside(file);
    temps.set(temp, temp);
    writeFileSync(temp, code);
    return defaultExport(await importModule(pathToFileURL(temp).href));
  } finally {
    for (const temp of temps.values()) rmSync(temp, { force: true });
  }
}

/** A temporary name beside `file`, for its transpiled copy. */
function tempBeside(file: string): string {
  return join(
    dirname(file),
    `.${basename(file)}.${process.pid}.${Date.now()}.mjs`,
  );
}

/** The JavaScript of `file`, its imports pointed at SELF_MODULE and at transpiled copies (`temps`). */
async function transpiledTree(file: string, temps: Map<string, string>) {
  const code = (await transpiledConfig(file)).replace(
    /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])apiloom(?:-gen)?(?:\/config)?\2/g,
    (_all, lead: string) => `${lead}${JSON.stringify(SELF_MODULE)}`,
  );
  const imports = code.matchAll(
    /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])(\.{1,2}\/[^"'\n]*)\2/g,
  );
  let out = code;
  for (const [whole, lead, quote, specifier] of imports) {
    const target = typeScriptTarget(resolve(dirname(file), specifier!));
    if (!target) continue;
    let temp = temps.get(target);
    if (temp === undefined) {
      temp = tempBeside(target);
      temps.set(target, temp);
      writeFileSync(temp, await transpiledTree(target, temps));
    }
    const to = slashedRelative(dirname(file), temp);
    out = out.replace(
      whole,
      `${lead}${quote}${to.startsWith("../") ? to : `./${to}`}${quote}`,
    );
  }
  return out;
}

/** The TypeScript file an import names (`x.ts`, `x.mts`, or `x.js` when only `x.ts` exists). */
function typeScriptTarget(path: string): string | undefined {
  if (/\.[cm]?ts$/.test(path)) return existsSync(path) ? path : undefined;
  const js = /\.([cm]?)js$/.exec(path);
  if (!js || existsSync(path)) return undefined;
  const ts = `${path.slice(0, -js[0].length)}.${js[1]}ts`;
  return existsSync(ts) ? ts : undefined;
}

/**
 * The config's JavaScript, kept in the project's cache by a hash of its text and of apiloom:
 * loading the TypeScript compiler costs more than a whole run in which nothing changed.
 */
async function transpiledConfig(file: string): Promise<string> {
  const source = readFileSync(file, "utf8");
  const cacheDir = projectCacheDir(dirname(file));
  const cached = cacheDir
    ? join(
        cacheDir,
        `config-${sha256Bytes(`${apiloomIdentity()}\0${file}\0${source}`).slice(0, 32)}.mjs`,
      )
    : undefined;
  if (cached && existsSync(cached)) return readFileSync(cached, "utf8");
  const { ts, outputText, problem, where } = await transpiled(source, file);
  if (problem)
    throw new ConfigError(
      `${basename(file)}${where}: ${ts.flattenDiagnosticMessageText(problem.messageText, "\n")}`,
    );
  // a read-only node_modules: transpile every time
  if (cached) writeCacheFile(cached, outputText);
  return outputText;
}

const SELF_MODULE = `data:text/javascript,${encodeURIComponent(
  "export function defineConfig(config) { return config; }\nexport function definePlugin(plugin) { return plugin; }",
)}`;

/** `export default {…}`, or a function returning it (sync or async). */
async function defaultExport(module: unknown): Promise<unknown> {
  const value = (module as { default?: unknown }).default;
  return typeof value === "function" ? await (value as () => unknown)() : value;
}

/**
 * `source` transpiled by ts-morph's TypeScript as an ES module, with its first error and where
 * that is (`:line:column`, or "").
 */
async function transpiled(source: string, fileName: string) {
  const { ts } = await import("ts-morph");
  const output = ts.transpileModule(source, {
    fileName,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: false,
    },
    reportDiagnostics: true,
  });
  const problem = output.diagnostics?.find(
    (d) => d.category === ts.DiagnosticCategory.Error,
  );
  const at =
    problem?.file && problem.start !== undefined
      ? problem.file.getLineAndCharacterOfPosition(problem.start)
      : undefined;
  const where = at ? `:${at.line + 1}:${at.character + 1}` : "";
  return { ts, outputText: output.outputText, problem, where };
}

/** Where the first syntax error of a JavaScript config is (`:line:column`), or "". */
async function syntaxErrorPosition(file: string): Promise<string> {
  try {
    const source = readFileSync(file, "utf8");
    return (await transpiled(source, file.replace(/\.[cm]?js$/, ".ts"))).where;
  } catch {
    return "";
  }
}
