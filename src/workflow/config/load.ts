import {
  existsSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import {
  basename,
  dirname,
  extname,
  isAbsolute,
  join,
  resolve,
} from "node:path";
import { slashedRelative } from "../sources/real-path.js";
import { fileURLToPath, pathToFileURL } from "node:url";
import {
  CONFIG_FILE_NAMES,
  type ApiloomConfig,
  type ConfigLocator,
} from "./types.js";
import { validateConfig } from "./validate.js";
import type {
  ParseError,
  ParsedDocument,
} from "../../ingest/parse/parsed-document.js";
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
    // a throw names the place of the user's file it came from; Node names no line for a syntax
    // error in an ES module: the TypeScript parser says where (or JSON's and YAML's readers)
    const where =
      thrownAt(error, abs) ??
      (dataKind(abs)
        ? await dataErrorPosition(error, abs)
        : /\.[cm]?js$/.test(abs)
          ? await syntaxErrorPosition(abs)
          : "");
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
    const text = readText(file);
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

/** A config's text without the byte-order mark Windows editors write (Node drops it too). */
const readText = (file: string) =>
  readFileSync(file, "utf8").replace(/^\uFEFF/, "");

async function readConfigValue(file: string): Promise<unknown> {
  const kind = dataKind(file);
  if (kind === "json") return JSON.parse(readText(file));
  if (kind === "yaml") return (await import("yaml")).parse(readText(file));
  // its imports are resolved from where it is, as Node does: a symbolic link's target
  if (/\.[cm]?ts$/.test(file)) return importTypeScript(realpathSync(file));
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
 * `apiloom-gen/config` import pointed at SELF_MODULE, and run from a temporary file beside it (so
 * `import.meta` and its imports are its own), each TypeScript file it imports (`./plugin.ts`, or
 * `./plugin.js` naming it) transpiled the same way, beside itself. Their source maps place a throw
 * in the user's files; the temporary files go once the config has loaded or failed, or when the
 * run is stopped (Ctrl-C) meanwhile.
 */
async function importTypeScript(file: string): Promise<unknown> {
  const temps = new Map<string, string>();
  const removeTemps = () =>
    temps.forEach((temp) => rmSync(temp, { force: true }));
  const onStop = (signal: NodeJS.Signals) => {
    removeTemps();
    if (!process.listenerCount(signal)) process.kill(process.pid, signal);
  };
  const stops = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  stops.forEach((signal) => process.once(signal, onStop));
  // Node before 20.7 has no `sourceMapsEnabled`
  const sourceMaps = process.sourceMapsEnabled ?? false;
  process.setSourceMapsEnabled(true);
  try {
    const code = await transpiledTree(file, temps);
    const temp = tempBeside(file);
    temps.set(file, temp);
    writeFileSync(temp, code);
    return await defaultExport(await importModule(pathToFileURL(temp).href));
  } catch (error) {
    // Node's message names the file it was loading (`Cannot find module … imported from`); the
    // stack is written now, while the source maps place its frames
    if (error instanceof Error)
      temps.forEach((temp, source) => {
        error.message = error.message.replaceAll(temp, source);
        error.stack = error.stack?.replaceAll(temp, source);
      });
    throw error;
  } finally {
    process.setSourceMapsEnabled(sourceMaps);
    stops.forEach((signal) => process.off(signal, onStop));
    removeTemps();
  }
}

/** A temporary name beside `file`, for its transpiled copy (CommonJS for a `.cts`). */
function tempBeside(file: string): string {
  return join(
    dirname(file),
    `.${basename(file)}.${process.pid}.${Date.now()}.${file.endsWith(".cts") ? "c" : "m"}js`,
  );
}

/**
 * The JavaScript of `file`, its imports pointed at SELF_MODULE and at transpiled copies (`temps`).
 */
async function transpiledTree(
  file: string,
  temps: Map<string, string>,
): Promise<string> {
  const { code, imports } = await transpiledConfig(file);
  let out = code;
  // the transpiler's own list of specifiers: none read from a string or a comment
  for (const [start, end] of imports.reverse()) {
    const specifier = code.slice(start + 1, end - 1);
    let to: string | undefined;
    if (/^apiloom(?:-gen)?(?:\/config)?$/.test(specifier)) to = SELF_MODULE;
    const target = /^\.\.?\//.test(specifier)
      ? typeScriptTarget(resolve(dirname(file), specifier))
      : undefined;
    if (target) {
      let temp = temps.get(target);
      if (temp === undefined) {
        temp = tempBeside(target);
        temps.set(target, temp);
        writeFileSync(temp, await transpiledTree(target, temps));
      }
      const relative = slashedRelative(dirname(file), temp);
      to = /^\.\.\//.test(relative) ? relative : `./${relative}`;
    }
    if (to !== undefined)
      out = out.slice(0, start) + JSON.stringify(to) + out.slice(end);
  }
  return out;
}

/** The TypeScript file an import names (`x.ts`, `x.mts`, or `x.js` when only `x.ts` exists). */
function typeScriptTarget(path: string): string | undefined {
  if (/\.[cm]?ts$/.test(path))
    return existsSync(path) ? realpathSync(path) : undefined;
  const js = /\.([cm]?)js$/.exec(path);
  if (!js || existsSync(path)) return undefined;
  const ts = `${path.slice(0, -js[0].length)}.${js[1]}ts`;
  return existsSync(ts) ? realpathSync(ts) : undefined;
}

/**
 * The config's JavaScript and where its import specifiers are (`[start, end)`, quotes included),
 * kept in the project's cache by a hash of its path, its text and apiloom: loading the TypeScript
 * compiler costs more than a whole run in which nothing changed.
 */
async function transpiledConfig(
  file: string,
): Promise<{ code: string; imports: [number, number][] }> {
  const source = readFileSync(file, "utf8");
  const cacheDir = projectCacheDir(dirname(file));
  const cached = cacheDir
    ? join(
        cacheDir,
        `config-${sha256Bytes(`${apiloomIdentity()}\0${file}\0${source}`).slice(0, 32)}.json`,
      )
    : undefined;
  if (cached && existsSync(cached))
    return JSON.parse(readFileSync(cached, "utf8"));
  const { ts, outputText, problem, where } = await transpiled(source, file);
  if (problem)
    throw new ConfigError(
      `${basename(file)}${where}: ${ts.flattenDiagnosticMessageText(problem.messageText, "\n")}`,
    );
  const imports = ts
    .preProcessFile(outputText, true, true)
    .importedFiles.map(({ pos }): [number, number] => [
      pos,
      outputText.indexOf(outputText[pos]!, pos + 1) + 1,
    ]);
  // a read-only node_modules: transpile every time
  if (cached)
    writeCacheFile(cached, JSON.stringify({ code: outputText, imports }));
  return { code: outputText, imports };
}

const SELF_FILE = fileURLToPath(import.meta.url);

const SELF_MODULE = `data:text/javascript,${encodeURIComponent(
  "export function defineConfig(config) { return config; }\nexport function definePlugin(plugin) { return plugin; }",
)}`;

/** `export default {…}`, or a function returning it (sync or async). */
async function defaultExport(module: unknown): Promise<unknown> {
  const value = (module as { default?: unknown }).default;
  return typeof value === "function" ? await (value as () => unknown)() : value;
}

/**
 * `source` transpiled by ts-morph's TypeScript as an ES module (CommonJS from a `.cts`), with an
 * inline source map, its first error and where that is (`:line:column`, or "").
 */
async function transpiled(source: string, fileName: string) {
  const { ts } = await import("ts-morph");
  const output = ts.transpileModule(source, {
    fileName,
    compilerOptions: {
      module: fileName.endsWith(".cts")
        ? ts.ModuleKind.CommonJS
        : ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      verbatimModuleSyntax: false,
      inlineSourceMap: true,
      sourceRoot: `${pathToFileURL(dirname(fileName)).href}/`,
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

/**
 * Where in the user's files (`:line:column` in the config, `: file:line:column` in another)
 * `error` was thrown: its stack's first frame there, or undefined.
 */
function thrownAt(error: unknown, config: string): string | undefined {
  // the first frame with a place (not Node's own), when it is a module of the user's: not a
  // package's, nor apiloom's (JSON.parse's caller; the CLI's bundle under its cache's relative
  // name); a source map names the TypeScript file
  const frame = String((error as Error | undefined)?.stack)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("at "))
    .map((line) =>
      line.endsWith(")")
        ? line.slice(line.indexOf("(") + 1, -1)
        : line.slice(3),
    )
    .find((place) => place.includes(":") && !place.startsWith("node:"));
  if (!frame || frame.includes("/node_modules/")) return undefined;
  const [column, line, ...rest] = frame.split(":").reverse();
  const url = rest.reverse().join(":").split("?")[0]!;
  const file = url.startsWith("file:") ? fileURLToPath(url) : url;
  if (!isAbsolute(file) || file === SELF_FILE) return undefined;
  const real = realpathSync(config);
  return file === real
    ? `:${line}:${column}`
    : `: ${slashedRelative(dirname(real), file)}:${line}:${column}`;
}

/** Where a JSON or YAML config's syntax error is (`:line:column`), or "". */
async function dataErrorPosition(error: unknown, file: string) {
  const yaml = (error as { linePos?: { line: number; col: number }[] }).linePos;
  if (yaml) return `:${yaml[0]!.line}:${yaml[0]!.col}`;
  const { parseJson } = await import("../../ingest/parse/json.js");
  try {
    parseJson(readText(file), basename(file));
  } catch (problem) {
    const { line, column } = problem as ParseError;
    if (line) return `:${line}:${column}`;
  }
  return "";
}
