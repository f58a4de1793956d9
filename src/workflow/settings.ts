import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { ArtifactName, DocsGroupBy } from "../emit/artifact.js";
import { ARTIFACTS, withNeeds } from "../emit/artifact.js";
import { adapterProblem } from "../emit/server/adapters.js";
import { ConfigError } from "./config-error.js";
import { findConfigFile, loadConfigFile } from "./config-load.js";
import type { InfoOverride } from "../model/build.js";
import { fileStart, Reporter } from "../model/reporter.js";
import type { Diagnostic } from "../model/types.js";
import type { TagOverrides } from "../model/tag-overrides.js";
import { CONFIG_DEFAULTS, type ApiloomConfig } from "./config-types.js";

/** Everything one generate run needs, config and flags merged, paths made absolute. */
export interface GenerateSettings {
  /**
   * The config's folder, or without one the output folder's project (see projectFolder): inputs
   * are shown relative to it.
   */
  baseDir: string;
  configFile?: string;
  /** Input patterns relative to baseDir (or absolute). */
  inputs: string[];
  out: string;
  artifacts: ArtifactName[];
  templates?: string;
  baseUrl?: string;
  /** The config's `info`: laid over the merged model's. */
  info?: InfoOverride;
  /** The config's `tags`: renamed, merged, described. */
  tags?: TagOverrides;
  /** How the docs group endpoints (config `docs.groupBy`, flag `--group-by`). */
  docsGroupBy?: DocsGroupBy;
  names: Record<string, string>;
  allowExternalRefs: boolean;
  /** Preferred sources as paths relative to baseDir with `/` (how the model shows input files). */
  prefer: string[];
  serverHandlers?: string;
  /** Server framework adapters to emit (`fastify`, or the user's own templates); may be empty. */
  serverAdapters?: string[];
  validateResponses: boolean;
  /** Absolute lock file path, or undefined when locking is off. */
  lock?: string;
  strict: boolean;
  /** The config's files that this one-off run leaves alone (see replacesConfigInputs). */
  notApplied?: string[];
  /** Settings that take no effect in this run (`config/ignored-option`), reported with the run's diagnostics. */
  warnings?: Diagnostic[];
}

/**
 * What a caller (the command line, a test, a build tool) sets over the config; undefined means
 * "not given", so the config's value or the default applies.
 */
export interface SettingsOverrides {
  /** Input patterns relative to the working folder; when any are given they replace the config's. */
  inputs: string[];
  out?: string;
  artifacts?: ArtifactName[];
  templates?: string;
  baseUrl?: string;
  docsGroupBy?: DocsGroupBy;
  /** Endpoint names by "METHOD /path", laid over the config's. */
  names: Record<string, string>;
  allowExternalRefs?: boolean;
  prefer?: string[];
  serverHandlers?: string;
  /** Replaces the config's `server.adapters`. */
  serverAdapters?: string[];
  validateResponses?: boolean;
  /** A lock file path, or false to neither read nor write the name lock. */
  lock?: string | false;
  /** A config file path, or false to read no config (and no lock beside one). */
  config?: string | false;
  strict?: boolean;
}

/** Loads the config (unless `config` is false) and lays the overrides over it. */
export async function resolveSettings(
  flags: SettingsOverrides,
  cwd: string,
): Promise<GenerateSettings> {
  const configFile =
    flags.config === false
      ? undefined
      : flags.config !== undefined
        ? resolve(cwd, flags.config)
        : findConfigFile(cwd);
  const loaded = configFile ? await loadConfigFile(configFile) : undefined;
  const config: ApiloomConfig = loaded?.config ?? {};
  const baseDir =
    loaded?.dir ??
    projectFolder(resolve(cwd, flags.out ?? CONFIG_DEFAULTS.out), cwd);
  const fromConfig = (path: string) => resolve(baseDir, path);
  const fromCwd = (path: string) => resolve(cwd, path);
  const patternFromCwd = (pattern: string) =>
    relativePattern(baseDir, cwd, pattern);

  const inputs =
    flags.inputs.length > 0
      ? flags.inputs.map(patternFromCwd)
      : (config.inputs ?? []);
  if (inputs.length === 0)
    throw new ConfigError(
      loaded
        ? `${loaded.file}: no inputs; list spec files or globs under "inputs"`
        : "no inputs: give spec files (apiloom generate specs/*.yaml --out generated) or write an apiloom.config.ts",
    );
  // The config's lock and handlers file belong to the config's inputs: a one-off run with other
  // inputs on the command line must not rewrite them, so it locks nothing and keeps no handlers
  // file unless --lock / --server-handlers say where. The same for --no-config, which ignores
  // the project's config and so the lock kept beside it.
  const configFilesApply = !replacesConfigInputs(flags, config);
  const lockOption =
    flags.lock ??
    (configFilesApply && flags.config !== false ? config.lock : false);
  const out = flags.out
    ? fromCwd(flags.out)
    : loaded
      ? fromConfig(config.out ?? CONFIG_DEFAULTS.out)
      : fromCwd(CONFIG_DEFAULTS.out);
  checkFolder(out, flags.out ? "--out" : `"out" in ${loaded?.file}`, false);
  const templates = flags.templates
    ? fromCwd(flags.templates)
    : config.templates
      ? fromConfig(config.templates)
      : undefined;
  if (templates !== undefined)
    checkFolder(
      templates,
      flags.templates ? "--templates" : `"templates" in ${loaded?.file}`,
      true,
    );
  const serverAdapters = [
    ...new Set(flags.serverAdapters ?? config.server?.adapters ?? []),
  ];
  for (const adapter of serverAdapters) {
    const problem = adapterProblem(adapter, templates);
    if (problem)
      throw new ConfigError(
        `${flags.serverAdapters ? "--server-adapters" : `"server.adapters" in ${loaded?.file}`}: ${problem}`,
      );
  }
  const baseUrl = flags.baseUrl ?? config.baseUrl;
  if (baseUrl !== undefined)
    checkBaseUrl(
      baseUrl,
      flags.baseUrl !== undefined
        ? "--base-url"
        : `"baseUrl" in ${loaded?.file}`,
    );
  const serverHandlers = flags.serverHandlers
    ? fromCwd(flags.serverHandlers)
    : config.server?.handlers && configFilesApply
      ? fromConfig(config.server.handlers)
      : undefined;
  if (serverHandlers !== undefined && isInside(serverHandlers, out))
    throw new ConfigError(
      `${flags.serverHandlers ? "--server-handlers" : `"server.handlers" in ${loaded?.file}`}: ${serverHandlers} is inside the output folder ${out}, which apiloom owns; keep your handlers outside it`,
    );
  // what the run makes: the artifacts asked for and those they need
  const artifacts = withNeeds(flags.artifacts ?? config.artifacts ?? ARTIFACTS);
  const reporter = new Reporter();
  if (serverAdapters.length > 0 && !artifacts.includes("server")) {
    const from = flags.serverAdapters
      ? "--server-adapters"
      : (loaded?.file ?? "server.adapters");
    reporter.report(
      "config/ignored-option",
      `server adapters (${serverAdapters.join(", ")}) are given but the server is not generated (artifacts: ${artifacts.join(", ")}): they are ignored`,
      fileStart(from),
    );
  }
  const warnings = reporter.diagnostics;
  return {
    baseDir,
    configFile: loaded?.file,
    inputs,
    out,
    artifacts,
    templates,
    baseUrl,
    info: config.info,
    tags: config.tags,
    docsGroupBy: flags.docsGroupBy ?? config.docs?.groupBy,
    names: { ...config.names, ...flags.names },
    allowExternalRefs:
      flags.allowExternalRefs ?? config.merge?.allowExternalRefs ?? false,
    prefer: (flags.prefer
      ? flags.prefer.map(fromCwd)
      : (config.merge?.prefer ?? []).map(fromConfig)
    ).map((path) => relative(baseDir, path).split(sep).join("/")),
    serverHandlers,
    serverAdapters,
    validateResponses:
      flags.validateResponses ?? config.server?.validateResponses ?? false,
    lock:
      lockOption === false
        ? undefined
        : flags.lock
          ? fromCwd(flags.lock)
          : fromConfig(config.lock || CONFIG_DEFAULTS.lock),
    strict: flags.strict ?? config.strict ?? false,
    ...(warnings.length > 0 ? { warnings } : {}),
    ...(configFilesApply ? {} : { notApplied: notApplied(flags, config) }),
  };
}

/**
 * Whether the command line's inputs replace the config's: a one-off run, to which the files the
 * config keeps for its own inputs (the name lock, `server.handlers`) do not apply.
 */
export function replacesConfigInputs(
  flags: Pick<SettingsOverrides, "inputs">,
  config: ApiloomConfig,
): boolean {
  return flags.inputs.length > 0 && (config.inputs?.length ?? 0) > 0;
}

/** What a one-off run does not use of the config, as the config names it. */
function notApplied(flags: SettingsOverrides, config: ApiloomConfig): string[] {
  return [
    ...(config.server?.handlers && !flags.serverHandlers
      ? ["server.handlers"]
      : []),
    ...(config.lock !== false && flags.lock === undefined ? ["lock"] : []),
  ];
}

/** The client's base URL: an absolute http(s) URL, or a path on the client's own origin. */
function checkBaseUrl(value: string, what: string): void {
  if (value.startsWith("/") && !value.startsWith("//")) return;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url && (url.protocol === "http:" || url.protocol === "https:")) return;
  throw new ConfigError(
    `${what}: ${JSON.stringify(value)} is not a base URL; give an absolute http(s) URL (https://api.example.com/v1) or a path starting with / (/api)`,
  );
}

/** Whether `path` is `folder` or lies under it. */
function isInside(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

/** A folder setting must not name a file; `mustExist` for folders apiloom only reads. */
function checkFolder(path: string, what: string, mustExist: boolean): void {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTDIR")
      throw new ConfigError(`${what}: ${path} is inside a file, not a folder`);
    if (code === "ENOENT" && mustExist)
      throw new ConfigError(`${what}: the folder ${path} does not exist`);
    return;
  }
  if (!isFolder)
    throw new ConfigError(`${what}: ${path} is a file, not a folder`);
}

/**
 * Without a config, the folder paths in the output (sources, the docs' client import) and the
 * name lock are relative to: the output folder's project, the nearest folder at or above it with
 * a package.json or .git (where a config would be looked for), so the output does not depend on
 * the working folder; with none there, the working folder.
 */
function projectFolder(out: string, cwd: string): string {
  for (let dir = out; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) || existsSync(join(dir, ".git")))
      return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}

/** A pattern typed relative to the working folder, rewritten relative to baseDir. */
function relativePattern(
  baseDir: string,
  cwd: string,
  pattern: string,
): string {
  if (isAbsolute(pattern)) return pattern;
  const rel = relative(baseDir, resolve(cwd, pattern));
  return rel.split(sep).join("/") || ".";
}
