import { statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import {
  PluginError,
  thrownMessage,
  type ArtifactPlugin,
  type PluginOption,
} from "../../emit/artifact.js";
import { outputLayout, type OutputLayout } from "../../emit/layout.js";
import {
  BUILT_IN_PLUGINS,
  frozen,
  placesPrinted,
  withNeeds,
} from "../../emit/registry.js";
import type { PluginRun } from "../../emit/run.js";
import { ConfigError } from "./error.js";
import { isProjectRoot, loadConfig, type LoadedConfig } from "./load.js";
import { apiConfigs, checkApiFiles, pickApis, type ApiConfig } from "./apis.js";
import { isInsideReal, projectRelative } from "../sources/real-path.js";
import { optionPath, unknownArtifact } from "./validate.js";
import { valueAt } from "../../ingest/reader.js";
import type { InfoOverride } from "../../model/merge/build.js";
import { fileStart } from "../../model/diagnostics/reporter.js";
import { WorkflowReporter as Reporter } from "../codes.js";
import type { Diagnostic } from "../../model/types.js";
import type { ScalarChoices } from "../../model/scalar-choices.js";
import { modelScalars } from "../../model/schema/scalars.js";
import type { TagOverrides } from "../../model/merge/tag-overrides.js";
import { CONFIG_DEFAULTS, type ApiloomConfig } from "./types.js";
import { DEFAULT_MAX_INPUT_MIB, MIB } from "../../ingest/read-source.js";
import { overlaySettings, type OverlaySetting } from "./overlay-settings.js";
import { isUrlInput } from "../../model/source-url.js";
import {
  remoteSettings,
  type RemoteOverrides,
  type RemoteSettings,
} from "./remote-settings.js";

/** One run's config, flags and defaults resolved once into a frozen value, paths absolute. */
export interface GenerateSettings {
  /** The API's name, for a config that lists several (`apis`). */
  readonly api?: string;
  /** The config's folder, or the output folder's project (projectFolder): inputs are shown from it. */
  readonly baseDir: string;
  readonly configFile?: string;
  /** Input patterns relative to baseDir (or absolute), and URLs. */
  readonly inputs: readonly string[];
  readonly remote: RemoteSettings;
  readonly out: string;
  readonly model: ModelSettings;
  readonly emit: EmitSettings;
  /** Which source places the files made print (see placesPrinted): the rest may wait unfound. */
  readonly placesPrinted: ReturnType<typeof placesPrinted>;
  readonly serverHandlers?: string;
  /** Absolute lock file path, or undefined when locking is off. */
  readonly lock?: string;
  readonly strict: boolean;
  /** Largest input or `$ref`'d file read, in bytes (`merge.maxInputSize` MiB; default 100 MiB). */
  readonly maxInputBytes: number;
  /** The config's files that a one-off run (its inputs replaced by the command line's) leaves alone. */
  readonly notApplied?: readonly string[];
  /** Settings that take no effect in this run (`config/ignored-option`), reported with the run's diagnostics. */
  readonly warnings: readonly Diagnostic[];
}

/** The model's options: the config's `merge`, `info`, `tags` and `names`, flags over them. */
export interface ModelSettings {
  readonly allowExternalRefs: boolean;
  /** Preferred sources as paths relative to baseDir with `/` (how the model shows input files). */
  readonly prefer: readonly string[];
  readonly info?: Readonly<InfoOverride>;
  readonly tags?: Readonly<TagOverrides>;
  readonly names: Readonly<Record<string, string>>;
  /** Overlays in order, paths relative to baseDir with `/` (ingest's `overlays`). */
  readonly overlays: readonly OverlaySetting[];
  /** Config `dates`, `int64`, flags over them; absent when both are the defaults. */
  readonly scalars?: ScalarChoices;
}

/** The plugins' run (src/emit/run.ts) as it is: artifacts with what they need, in registry order. */
export interface EmitSettings extends Readonly<PluginRun> {
  readonly artifacts: readonly string[];
  readonly options: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  readonly plugins: readonly ArtifactPlugin[];
}

/**
 * What a caller (the command line, a test, a build tool) sets over the config; undefined means
 * "not given", so the config's value or the default applies.
 */
export interface SettingsOverrides extends RemoteOverrides {
  /** Input patterns relative to the working folder; when any are given they replace the config's. */
  inputs: string[];
  out?: string;
  artifacts?: string[];
  templates?: string;
  /** Endpoint names by "METHOD /path", laid over the config's. */
  names: Record<string, string>;
  allowExternalRefs?: boolean;
  prefer?: string[];
  /** Overlay files relative to the working folder; when any are given they replace the config's. */
  overlays?: string[];
  serverHandlers?: string;
  /** A lock file path, or false to neither read nor write the name lock. */
  lock?: string | false;
  api?: string;
  /** A config file path, or false to read no config (and no lock beside one). */
  config?: string | false;
  strict?: boolean;
  /** MiB. */
  maxInputSize?: number;
  dates?: ScalarChoices["dates"];
  int64?: ScalarChoices["int64"];
  typecheckGenerated?: boolean;
  importExtension?: ".js" | ".ts";
  /** Plugin options given as flags (`--base-url`), by plugin then option. */
  options: Record<string, Record<string, unknown>>;
}

/**
 * Loads the config (unless `config` is false) and lays the overrides over it: the settings of
 * the one API a run makes. A config with several APIs needs `api` to name one (see resolveApis).
 */
export async function resolveSettings(flags: SettingsOverrides, cwd: string) {
  const apis = await resolveApis(flags, cwd);
  if (apis.length > 1)
    throw new ConfigError(
      `${apis[0]!.configFile} holds ${apis.length} APIs; name one with --api (APIs: ${apis.map((a) => a.api).join(", ")})`,
    );
  return apis[0]!;
}

/**
 * The settings of every API a run makes, in the config's order (or the one `flags.api` names).
 * Flags apply to the APIs picked; those naming one API's files need exactly one. Every API is
 * resolved, to check that none shares a file with another (apis.ts).
 */
export async function resolveApis(
  flags: SettingsOverrides,
  cwd: string,
  /** The config, when the caller loaded it already ({@link loadConfig}). */
  given?: { loaded: LoadedConfig | undefined },
): Promise<GenerateSettings[]> {
  const loaded = given ? given.loaded : await loadConfig(flags, cwd);
  if (flags.api !== undefined && !loaded)
    throw new ConfigError(
      `--api ${flags.api} needs a config file that lists "apis"`,
    );
  const apis = apiConfigs(loaded?.config ?? {});
  const picked = pickApis(apis, flags.api, loaded?.file ?? "");
  if (picked.length > 1) {
    const oneApiFlag = [
      flags.out !== undefined && "--out",
      typeof flags.lock === "string" && "--lock",
      flags.serverHandlers !== undefined && "--server-handlers",
      flags.inputs.length > 0 && "inputs on the command line",
    ].find(Boolean);
    if (oneApiFlag)
      throw new ConfigError(
        `${oneApiFlag} applies to one API, and ${loaded?.file} holds ${picked.length}; pick one with --api (APIs: ${picked.map((a) => a.name).join(", ")})`,
      );
  }
  const unflagged: SettingsOverrides = { inputs: [], names: {}, options: {} };
  const all = apis.map((api) =>
    settingsFor(
      api,
      loaded,
      picked.includes(api) ? flags : { ...unflagged, config: flags.config },
      cwd,
    ),
  );
  if (all.length > 1) checkApiFiles(all, loaded!.file);
  return all.filter((_, i) => picked.includes(apis[i]!));
}

export function pluginsOf(config: ApiloomConfig | undefined): ArtifactPlugin[] {
  return [...BUILT_IN_PLUGINS, ...(config?.plugins ?? [])];
}

/** One API's settings: its config (the file's, or one entry of its `apis` over it) and the flags. */
function settingsFor(
  { config, name: api }: ApiConfig,
  loaded: LoadedConfig | undefined,
  flags: SettingsOverrides,
  cwd: string,
): GenerateSettings {
  const baseDir =
    loaded?.dir ??
    projectFolder(resolve(cwd, flags.out ?? CONFIG_DEFAULTS.out), cwd);
  const inputs =
    flags.inputs.length > 0
      ? flags.inputs.map((p) =>
          isUrlInput(p) ? p : projectRelative(baseDir, resolve(cwd, p)) || ".",
        )
      : (config.inputs ?? []);
  if (inputs.length === 0)
    throw new ConfigError(
      loaded
        ? `${loaded.file}: ${api === undefined ? "" : `API "${api}" has `}no inputs; list spec files or globs under "inputs"`
        : "no inputs: give spec files (apiloom generate specs/*.yaml --out generated) or write an apiloom.config.ts",
    );
  // The config's lock and handlers file belong to its inputs: a one-off run with other inputs (or
  // --no-config) keeps none unless --lock / --server-handlers say where.
  const configFilesApply = !(
    flags.inputs.length > 0 && (config.inputs?.length ?? 0) > 0
  );
  const lockOption =
    flags.lock ??
    (configFilesApply && flags.config !== false ? config.lock : false);
  // a flag's path through a link to the project (`$PWD/out`) is taken as the project's
  const fromCwd = (p: string) =>
    resolve(baseDir, projectRelative(baseDir, resolve(cwd, p)));
  const out = flags.out
    ? fromCwd(flags.out)
    : resolve(loaded ? baseDir : cwd, config.out ?? CONFIG_DEFAULTS.out);
  checkFolder(out, flags.out ? "--out" : `"out" in ${loaded?.file}`, false);
  const serverHandlers = flags.serverHandlers
    ? fromCwd(flags.serverHandlers)
    : config.server?.handlers && configFilesApply
      ? resolve(baseDir, config.server.handlers)
      : undefined;
  if (serverHandlers !== undefined && isInsideReal(serverHandlers, out))
    throw new ConfigError(
      `${flags.serverHandlers ? "--server-handlers" : `"server.handlers" in ${loaded?.file}`}: ${serverHandlers} is inside the output folder ${out}, which apiloom owns; keep your handlers outside it`,
    );
  const core = resolveOptions(config, flags, {
    cwd,
    baseDir,
    file: loaded?.file ?? "the command line",
    layout: outputLayout(
      baseDir,
      out,
      flags.importExtension ?? config.importExtension,
    ),
  });
  const settings = {
    ...(api !== undefined ? { api } : {}),
    baseDir,
    ...(loaded ? { configFile: loaded.file } : {}),
    inputs,
    remote: remoteSettings(config.remote, flags),
    out,
    ...core,
    ...(serverHandlers !== undefined ? { serverHandlers } : {}),
    ...(lockOption === false
      ? {}
      : {
          lock: flags.lock
            ? fromCwd(flags.lock)
            : resolve(baseDir, config.lock || CONFIG_DEFAULTS.lock),
        }),
    maxInputBytes:
      (flags.maxInputSize ??
        config.merge?.maxInputSize ??
        DEFAULT_MAX_INPUT_MIB) * MIB,
    // what a one-off run does not use of the config, as the config names it
    ...(configFilesApply
      ? {}
      : {
          notApplied: [
            config.server?.handlers &&
              !flags.serverHandlers &&
              "server.handlers",
            config.lock !== false && flags.lock === undefined && "lock",
          ].filter((name): name is string => !!name),
        }),
  };
  return frozen(settings, "plugins");
}

/**
 * The settings the CLI and the programmatic `generate()` share; messages name `file`, or the flag
 * when one was given.
 */
export function resolveOptions(
  config: ApiloomConfig,
  flags: Partial<SettingsOverrides>,
  where: { cwd: string; baseDir: string; file: string; layout: OutputLayout },
): Pick<
  GenerateSettings,
  "model" | "emit" | "placesPrinted" | "strict" | "warnings"
> {
  const { cwd, baseDir, file } = where;
  const flag = <K extends "strict" | "typecheckGenerated" | "dates" | "int64">(
    key: K,
  ) => flags[key] ?? config[key] ?? CONFIG_DEFAULTS[key];
  const templates = flags.templates
    ? resolve(cwd, flags.templates)
    : config.templates
      ? resolve(baseDir, config.templates)
      : undefined;
  if (templates !== undefined)
    checkFolder(
      templates,
      flags.templates ? "--templates" : `"templates" in ${file}`,
      true,
    );
  const plugins = pluginsOf(config);
  const asked = flags.artifacts ?? config.artifacts;
  const unknown = unknownArtifact(asked, plugins);
  if (unknown)
    throw new ConfigError(
      `${flags.artifacts ? "--artifacts" : `"artifacts" in ${file}`}: ${unknown}`,
    );
  // what the run makes: the artifacts asked for (or every one made by default) and their needs
  const artifacts = withNeeds(
    asked ?? plugins.filter((p) => p.byDefault !== false).map((p) => p.name),
    plugins,
  );
  // each plugin's options: the flag over the config over the default, each given value checked by
  // the plugin; an option of an artifact the run does not make is reported as ignored
  const reporter = new Reporter();
  const options: Record<string, Record<string, unknown>> = {};
  for (const plugin of plugins) {
    const values: Record<string, unknown> = {};
    for (const [key, spec] of Object.entries(plugin.options ?? {})) {
      const path = optionPath(plugin, key);
      const fromFlag = flags.options?.[plugin.name]?.[key];
      const given = fromFlag ?? valueAt(config, path);
      const source =
        fromFlag !== undefined
          ? (spec.flag ?? `--${key}`)
          : `"${path.join(".")}" in ${file}`;
      const value = normalized(given ?? spec.default);
      if (given !== undefined) {
        let problem: string | undefined;
        try {
          problem = (spec as PluginOption).problem?.(value, { templates });
        } catch (error) {
          throw new PluginError(
            plugin.name,
            `threw checking ${source}: ${thrownMessage(error)}`,
          );
        }
        if (problem) throw new ConfigError(`${source}: ${problem}`);
        if (
          // no artifact the run makes reads it (its own, or another's that reads it too: `baseUrl`)
          !plugins.some(
            (by) =>
              artifacts.includes(by.name) &&
              Object.keys(by.options ?? {}).some(
                (o) => optionPath(by, o).join(".") === path.join("."),
              ),
          ) &&
          JSON.stringify(value) !== JSON.stringify(normalized(spec.default))
        )
          reporter.report(
            "config/ignored-option",
            `${fromFlag !== undefined ? source : path.join(".")} (${Array.isArray(value) ? value.join(", ") : JSON.stringify(value)}) is given but the ${plugin.name} artifact is not generated (artifacts: ${artifacts.join(", ")}): it is ignored`,
            fileStart(fromFlag !== undefined ? source : file),
          );
      }
      values[key] = value;
    }
    options[plugin.name] = values;
  }
  const scalars = modelScalars({ dates: flag("dates"), int64: flag("int64") });
  return {
    model: {
      allowExternalRefs:
        flags.allowExternalRefs ??
        config.merge?.allowExternalRefs ??
        CONFIG_DEFAULTS.allowExternalRefs,
      // a URL (an input's, or a prefix of several) is kept as the inputs show it
      prefer: (flags.prefer ?? config.merge?.prefer ?? []).map((p) =>
        isUrlInput(p)
          ? p
          : projectRelative(baseDir, resolve(flags.prefer ? cwd : baseDir, p)),
      ),
      ...(config.info !== undefined ? { info: config.info } : {}),
      ...(config.tags !== undefined ? { tags: config.tags } : {}),
      names: { ...config.names, ...flags.names },
      overlays: overlaySettings(config, flags.overlays, baseDir, cwd),
      ...(scalars ? { scalars } : {}),
    },
    emit: {
      plugins,
      artifacts,
      options,
      ...(templates !== undefined ? { templatesDir: templates } : {}),
      layout: where.layout,
      typecheckGenerated: flag("typecheckGenerated"),
    },
    placesPrinted: placesPrinted(
      plugins.filter((p) => artifacts.includes(p.name)),
    ),
    strict: flag("strict"),
    warnings: reporter.diagnostics,
  };
}

/** A list without repeats (the same adapter named twice is emitted once); anything else as it is. */
function normalized(value: unknown): unknown {
  return Array.isArray(value) ? [...new Set(value)] : value;
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
 * Without a config, what paths are relative to: the output folder's project (the nearest folder
 * with a package.json or .git), so the output does not depend on the working folder.
 */
function projectFolder(out: string, cwd: string): string {
  for (let dir = out; ; dir = dirname(dir)) {
    if (isProjectRoot(dir)) return dir;
    if (dirname(dir) === dir) return resolve(cwd);
  }
}
