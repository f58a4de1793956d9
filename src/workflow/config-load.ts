import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { CONFIG_FILE_NAMES, type ApiloomConfig } from "./config-types.js";
import { validateConfig } from "./config-validate.js";

export { ConfigError } from "./config-error.js";
import { ConfigError } from "./config-error.js";

export interface LoadedConfig {
  /** Absolute path of the config file. */
  file: string;
  /** Its folder: the config's relative paths, and display paths of inputs, start here. */
  dir: string;
  config: ApiloomConfig;
}

/**
 * The config file that applies in `cwd`: the first of CONFIG_FILE_NAMES in `cwd` or a parent,
 * stopping at the project root (the first folder holding package.json or .git) so a stray
 * config higher up never leaks into an unrelated project.
 */
export function findConfigFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (existsSync(join(dir, "package.json")) || existsSync(join(dir, ".git")))
      return undefined;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export async function loadConfigFile(file: string): Promise<LoadedConfig> {
  const abs = resolve(file);
  let raw: unknown;
  try {
    raw = await readConfigValue(abs);
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(
      `cannot load ${basename(abs)}: ${(error as Error).message}`,
    );
  }
  const config = validateConfig(raw, basename(abs));
  return { file: abs, dir: dirname(abs), config };
}

async function readConfigValue(file: string): Promise<unknown> {
  const ext = extname(file);
  if (ext === ".json") return JSON.parse(readFileSync(file, "utf8"));
  if (ext === ".yaml" || ext === ".yml") {
    const { parse } = await import("yaml");
    return parse(readFileSync(file, "utf8"));
  }
  if (ext === ".ts" || ext === ".mts") return importTypeScript(file);
  return defaultExport(
    await import(`${pathToFileURL(file).href}?t=${Date.now()}`),
  );
}

/**
 * Node 20 cannot run TypeScript, so the config is transpiled (types erased, nothing checked)
 * with the TypeScript that ts-morph bundles. `import … from "apiloom"` or `"apiloom/config"`
 * is pointed at a one-line module, since defineConfig only exists for its type. A config that
 * imports nothing else runs from a data: URL; one with other imports runs from a temporary
 * file beside it so its relative imports resolve.
 */
async function importTypeScript(file: string): Promise<unknown> {
  const { ts } = await import("ts-morph");
  const output = ts.transpileModule(readFileSync(file, "utf8"), {
    fileName: file,
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
  if (problem)
    throw new ConfigError(
      `${basename(file)}: ${ts.flattenDiagnosticMessageText(problem.messageText, "\n")}`,
    );
  const code = output.outputText.replace(
    /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])apiloom(?:\/config)?\2/g,
    (_all, lead: string) => `${lead}${JSON.stringify(SELF_MODULE)}`,
  );
  if (
    !/\bfrom\s*["']|\bimport\s*\(|\bimport\s+["']/.test(
      code.replaceAll(JSON.stringify(SELF_MODULE), ""),
    )
  )
    return defaultExport(
      await import(`data:text/javascript,${encodeURIComponent(code)}`),
    );
  const temp = join(
    dirname(file),
    `.${basename(file)}.${process.pid}.${Date.now()}.mjs`,
  );
  writeFileSync(temp, code);
  try {
    return defaultExport(await import(pathToFileURL(temp).href));
  } finally {
    rmSync(temp, { force: true });
  }
}

const SELF_MODULE = `data:text/javascript,${encodeURIComponent(
  "export function defineConfig(config) { return config; }",
)}`;

/** `export default {…}`, or a function returning it (sync or async). */
async function defaultExport(module: unknown): Promise<unknown> {
  const value = (module as { default?: unknown }).default;
  return typeof value === "function" ? await (value as () => unknown)() : value;
}
