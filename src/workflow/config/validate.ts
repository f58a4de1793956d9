import { unsafePathReason } from "../output/output-files.js";
import { isRecord, valueAt } from "../../ingest/reader.js";
import type {
  ArtifactPlugin,
  OptionType,
  PluginOption,
} from "../../emit/artifact.js";
import { BUILT_IN_PLUGINS } from "../../emit/registry.js";
import type { ApiloomConfig, ConfigLocator } from "./types.js";
import { ConfigError } from "./error.js";
import { checkOverlays } from "./overlay-settings.js";
import { checkRemote } from "./remote-settings.js";
import {
  checkObject,
  child,
  entry,
  isBoolean,
  isString,
  item,
  type Check,
  type Report,
  type Shape,
  type Where,
} from "./checks.js";
const stringList: Check = (v, where, report) => {
  if (!Array.isArray(v)) return report(where, " must be a list");
  v.forEach((value, i) => isString(value, item(where, i), report));
};
/** An object whose every entry `check` takes. */
const mapOf =
  (check: Check): Check =>
  (v, where, report) => {
    if (!isRecord(v)) return report(where, " must be an object");
    for (const [key, value] of Object.entries(v))
      check(value, entry(where, key), report);
  };
const oneOf =
  (values: readonly string[]): Check =>
  (v, where, report) => {
    if (!values.includes(v as string))
      report(
        where,
        ` must be one of ${values.map((g) => JSON.stringify(g)).join(", ")}`,
      );
  };

/** The check of each plugin option type but a list of values (`object`: its `problem` says more). */
const TYPE_CHECKS: Readonly<Record<string, Check>> = {
  string: isString,
  number: (v, where, report) =>
    void (Number.isFinite(v) || report(where, " must be a number")),
  boolean: isBoolean,
  "string-list": stringList,
  object: (v, where, report) =>
    void (isRecord(v) || report(where, " must be an object")),
};

/** The check of a plugin option's type (config values and the programmatic options alike). */
export function typeCheck(type: OptionType): Check {
  return typeof type === "string" ? TYPE_CHECKS[type]! : oneOf(type);
}

/** apiloom's own settings; each plugin's options are added under their config paths. */
const CORE: Shape = {
  inputs: stringList,
  out: isString,
  artifacts: stringList,
  plugins: () => {}, // checked first, by checkPlugins
  apis: () => {}, // checked by checkApis, each entry against the shape of the rest
  templates: isString,
  info: { title: isString, version: isString, description: isString },
  names: mapOf(isString),
  tags: mapOf((v, at, report) =>
    typeof v === "string"
      ? isString(v, at, report)
      : checkObject(v, { name: isString, description: isString }, at, report),
  ),
  merge: {
    allowExternalRefs: isBoolean,
    prefer: stringList,
    maxInputSize: (v, where, report) => {
      if (typeof v !== "number" || !(v > 0) || !Number.isFinite(v))
        report(where, " must be a number of MiB above 0");
    },
  },
  overlays: checkOverlays,
  remote: checkRemote,
  server: { handlers: isString },
  lock: (v, where, report) => {
    if (v !== false && (typeof v !== "string" || v === ""))
      report(where, " must be a file path, or false for no lock");
  },
  strict: isBoolean,
  dates: oneOf(["string", "Date"]),
  int64: oneOf(["number", "bigint"]),
  typecheckGenerated: isBoolean,
  importExtension: oneOf([".js", ".ts"]),
};

/** An API's name (in `apis`): it names the API's default output folder and lock. */
const API_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Where the config holds a plugin's option: its own `config` path, or `<plugin>.<option>`. */
export function optionPath(plugin: ArtifactPlugin, key: string): string[] {
  return (plugin.options?.[key]?.config ?? `${plugin.name}.${key}`).split(".");
}

/** The config's shape with the options of `plugins` in it. */
function shapeOf(plugins: readonly ArtifactPlugin[]): Shape {
  const shape: Shape = { ...CORE };
  for (const plugin of plugins)
    for (const [key, spec] of Object.entries(plugin.options ?? {})) {
      const path = optionPath(plugin, key);
      let section = shape;
      for (const part of path.slice(0, -1)) {
        const next = section[part];
        if (typeof next === "function")
          throw new ConfigError(
            `plugin ${plugin.name}: option ${key} cannot live under "${path.join(".")}": "${part}" is a setting`,
          );
        // a copy along the path: CORE's sections stay as they are
        section = section[part] = { ...next };
      }
      section[path[path.length - 1]!] = typeCheck((spec as PluginOption).type);
    }
  return shape;
}

/** The entries of `apis`: each with a name of its own, the top level's settings but `plugins` and `apis`. */
function checkApis(value: unknown, shape: Shape, where: Where, report: Report) {
  if (value === undefined) return;
  if (!Array.isArray(value)) return report(where, " must be a list");
  if (value.length === 0)
    return report(where, " must name at least one API (or be left out)");
  const { plugins: _plugins, apis: _apis, ...rest } = shape;
  // the name is checked below, once
  const entryShape: Shape = { name: () => {}, ...rest };
  const seen = new Set<string>();
  value.forEach((api: unknown, i) => {
    const at = item(where, i);
    if (!isRecord(api))
      return report(at, " must be an object: { name, inputs, out, … }");
    const name = api["name"];
    if (typeof name !== "string" || !API_NAME.test(name))
      report(
        child(at, "name"),
        ` must be letters, digits, ".", "_" and "-", starting with a letter or digit, got ${JSON.stringify(name)}`,
      );
    else if (seen.has(name))
      report(child(at, "name"), ` ${JSON.stringify(name)} is used twice`);
    else seen.add(name);
    checkObject(api, entryShape, at, report);
  });
}

const PLUGIN_NAME = /^[a-z][a-z0-9-]*$/;

/** A check that throws at the first problem: plugins are code, checked one by one. */
const strictly = (check: Check) => (value: unknown, shown: string) =>
  check(value, { path: [], shown }, (w, text) => {
    throw new ConfigError(`${w.shown}${text}`);
  });

/** The built-in plugins and the config's, each one's first problem reported (checkPlugin). */
function checkPlugins(
  value: unknown,
  where: Where,
  report: Report,
  /** Given the names of the plugins that fail. */
  faulty: Set<string>,
): ArtifactPlugin[] {
  const known: ArtifactPlugin[] = [...BUILT_IN_PLUGINS];
  if (value !== undefined && !Array.isArray(value))
    report(where, " must be a list");
  if (!Array.isArray(value)) return known;
  value.forEach((plugin: unknown, i) => {
    const at = item(where, i);
    try {
      checkPlugin(plugin, at.shown, known);
      known.push(plugin as ArtifactPlugin);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      report({ ...at, shown: "" }, error.message);
      // its name, asked for in `artifacts`, is that plugin's: not an unknown artifact
      const name = isRecord(plugin) ? plugin["name"] : undefined;
      if (typeof name === "string") faulty.add(name);
    }
  });
  return known;
}

function checkPlugin(
  plugin: unknown,
  at: string,
  known: readonly ArtifactPlugin[],
): void {
  if (!isRecord(plugin))
    throw new ConfigError(
      `${at} must be a plugin (export one with definePlugin from "apiloom-gen/config")`,
    );
  const name = plugin["name"];
  if (typeof name !== "string" || !PLUGIN_NAME.test(name))
    throw new ConfigError(
      `${at}.name must be lower-case letters, digits and "-", got ${JSON.stringify(name)}`,
    );
  const named = `${at} (${name})`;
  if (known.some((p) => p.name === name) || name in CORE)
    throw new ConfigError(
      `${named}: the name ${JSON.stringify(name)} is taken (known artifacts: ${known.map((p) => p.name).join(", ")}; settings: ${Object.keys(CORE).join(", ")})`,
    );
  if (plugin["version"] === undefined)
    throw new ConfigError(
      `${named} has no version: give definePlugin a \`version\` ("1.0.0"), and change it when the plugin's output changes (a run whose fingerprint holds it skips otherwise)`,
    );
  for (const key of ["version", "description", "path"])
    strictly(isString)(plugin[key], `${named}.${key}`);
  const path = plugin["path"] as string;
  const unsafe = unsafePathReason(path);
  if (unsafe)
    throw new ConfigError(
      `${named}.path must be a relative path inside the output folder (a/b), got ${JSON.stringify(path)}: ${unsafe}`,
    );
  const clash = known.find(
    (p) =>
      p.path === path ||
      p.path.startsWith(`${path}/`) ||
      path.startsWith(`${p.path}/`),
  );
  if (clash)
    throw new ConfigError(
      `${named}.path ${JSON.stringify(path)} overlaps the ${clash.name} artifact's ${JSON.stringify(clash.path)}`,
    );
  if (typeof plugin["emit"] !== "function")
    throw new ConfigError(`${named}.emit must be a function`);
  for (const key of ["needs", "after"] as const) {
    if (plugin[key] === undefined) continue;
    strictly(stringList)(plugin[key], `${named}.${key}`);
    const unknown = unknownArtifact(plugin[key] as string[], known);
    if (unknown) throw new ConfigError(`${named}.${key}: ${unknown}`);
  }
  const options = plugin["options"] ?? {};
  if (!isRecord(options))
    throw new ConfigError(`${named}.options must be an object`);
  for (const [key, spec] of Object.entries(options)) {
    const specAt = `${named}.options.${key}`;
    if (!isRecord(spec)) throw new ConfigError(`${specAt} must be an object`);
    const type = spec["type"];
    if (!(
      (Array.isArray(type) && type.every((t) => typeof t === "string")) ||
      Object.hasOwn(TYPE_CHECKS, type as string)
    ))
      throw new ConfigError(
        `${specAt}.type must be "string", "number", "boolean", "string-list", "object" or a list of strings`,
      );
    strictly(isString)(spec["help"], `${specAt}.help`);
    if (spec["default"] !== undefined)
      strictly(typeCheck(type as OptionType))(
        spec["default"],
        `${specAt}.default`,
      );
  }
}

/** Why `names` cannot be made by `plugins` (a name none of them has), or undefined. */
export function unknownArtifact(
  names: readonly string[] | undefined,
  plugins: readonly ArtifactPlugin[],
): string | undefined {
  const unknown = names?.find((name) => !plugins.some((p) => p.name === name));
  if (unknown === undefined) return undefined;
  return `unknown artifact ${JSON.stringify(unknown)} (known: ${plugins.map((p) => p.name).join(", ")})`;
}

/**
 * Checks a loaded config (and its plugins' options) and throws one ConfigError naming every
 * problem, at `file:line:column` when `locate` finds the place, else by the key path.
 */
export function validateConfig(
  value: unknown,
  file: string,
  locate?: ConfigLocator,
): ApiloomConfig {
  if (!isRecord(value))
    throw new ConfigError(
      `${file}: the config must be an object (export default defineConfig({ ... }))`,
    );
  const problems: string[] = [];
  const report: Report = (where, text) => {
    const at = locate?.(where.path);
    if (!at) return void problems.push(`${where.shown}${text}`);
    const key = where.shown.slice(file.length).replace(/^\./, "");
    problems.push(
      `${file}:${at.line}:${at.column}: ${key}${key ? text : text.replace(/^: /, "")}`,
    );
  };
  const top: Where = { path: [], shown: file };
  const faulty = new Set<string>();
  const all = checkPlugins(
    value["plugins"],
    child(top, "plugins"),
    report,
    faulty,
  );
  const shape = shapeOf(all);
  checkObject(value, shape, top, report);
  checkApis(value["apis"], shape, child(top, "apis"), report);
  const artifactLists = [
    child(top, "artifacts"),
    ...(Array.isArray(value["apis"]) ? value["apis"] : []).map((_, i) =>
      child(item(child(top, "apis"), i), "artifacts"),
    ),
  ];
  for (const where of artifactLists) {
    const names = valueAt(value, where.path);
    if (!Array.isArray(names)) continue;
    const problem = unknownArtifact(
      names.filter((n) => typeof n !== "string" || !faulty.has(n)),
      all,
    );
    if (problem) report(where, `: ${problem}`);
  }
  if (problems.length === 1) throw new ConfigError(problems[0]);
  if (problems.length > 1)
    throw new ConfigError(
      `${problems.length} problems in ${file}:\n${problems.map((p) => `  ${p}`).join("\n")}`,
    );
  return value as ApiloomConfig;
}
