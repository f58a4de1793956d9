import { unsafePathReason } from "./output-files.js";
import type {
  ArtifactPlugin,
  OptionType,
  PluginOption,
} from "../emit/artifact.js";
import { BUILT_IN_PLUGINS } from "../emit/registry.js";
import type { ApiloomConfig } from "./config-types.js";
import { ConfigError } from "./config-error.js";

type Check = (value: unknown, where: string) => void;
/** A section of the config: each key's check, or a nested section. */
interface Shape {
  [key: string]: Check | Shape;
}

const isString: Check = (v, where) => {
  if (typeof v !== "string" || v === "")
    throw new ConfigError(`${where} must be a non-empty string`);
};
const isBoolean: Check = (v, where) => {
  if (typeof v !== "boolean")
    throw new ConfigError(`${where} must be true or false`);
};
const isNumber: Check = (v, where) => {
  if (typeof v !== "number" || !Number.isFinite(v))
    throw new ConfigError(`${where} must be a number`);
};
const stringList: Check = (v, where) => {
  if (!Array.isArray(v)) throw new ConfigError(`${where} must be a list`);
  v.forEach((item, i) => isString(item, `${where}[${i}]`));
};
const stringMap: Check = (v, where) => {
  if (!isObject(v)) throw new ConfigError(`${where} must be an object`);
  for (const [key, item] of Object.entries(v))
    isString(item, `${where}[${JSON.stringify(key)}]`);
};
const oneOf =
  (values: readonly string[]): Check =>
  (v, where) => {
    if (!values.includes(v as string))
      throw new ConfigError(
        `${where} must be one of ${values.map((g) => JSON.stringify(g)).join(", ")}`,
      );
  };

/** The check of a plugin option's type (config values and the programmatic options alike). */
export function typeCheck(type: OptionType): Check {
  if (typeof type !== "string") return oneOf(type);
  return (
    { string: isString, number: isNumber, boolean: isBoolean }[
      type as "string"
    ] ?? stringList
  );
}

/** apiloom's own settings; each plugin's options are added under their config paths. */
const CORE: Shape = {
  inputs: stringList,
  out: isString,
  artifacts: stringList,
  plugins: () => {}, // checked first, by checkPlugins
  templates: isString,
  info: { title: isString, version: isString, description: isString },
  names: stringMap,
  tags: (v, where) => {
    if (!isObject(v)) throw new ConfigError(`${where} must be an object`);
    for (const [key, item] of Object.entries(v)) {
      const at = `${where}[${JSON.stringify(key)}]`;
      if (typeof item === "string") isString(item, at);
      else checkObject(item, { name: isString, description: isString }, at);
    }
  },
  merge: {
    allowExternalRefs: isBoolean,
    prefer: stringList,
    maxInputSize: (v, where) => {
      if (typeof v !== "number" || !(v > 0) || !Number.isFinite(v))
        throw new ConfigError(`${where} must be a number of MiB above 0`);
    },
  },
  server: { handlers: isString },
  lock: (v, where) => {
    if (v !== false && (typeof v !== "string" || v === ""))
      throw new ConfigError(
        `${where} must be a file path, or false for no lock`,
      );
  },
  strict: isBoolean,
};

/** Where the config holds a plugin's option: its own `config` path, or `<plugin>.<option>`. */
export function optionPath(plugin: ArtifactPlugin, key: string): string[] {
  return (plugin.options?.[key]?.config ?? `${plugin.name}.${key}`).split(".");
}

/** The config's shape with the options of `plugins` in it. */
function shapeOf(plugins: readonly ArtifactPlugin[]): Shape {
  const shape: Shape = structuredCloneShape(CORE);
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
        section = section[part] = next ?? {};
      }
      section[path[path.length - 1]!] = typeCheck((spec as PluginOption).type);
    }
  return shape;
}

function structuredCloneShape(shape: Shape): Shape {
  return Object.fromEntries(
    Object.entries(shape).map(([k, v]) => [
      k,
      typeof v === "function" ? v : structuredCloneShape(v),
    ]),
  );
}

function checkObject(value: unknown, shape: Shape, where: string): void {
  if (!isObject(value)) throw new ConfigError(`${where} must be an object`);
  for (const [key, item] of Object.entries(value)) {
    const check = shape[key];
    if (!check)
      throw new ConfigError(
        `${where}: unknown option ${JSON.stringify(key)} (known: ${Object.keys(shape).join(", ")})`,
      );
    if (item === undefined) continue;
    if (typeof check === "function") check(item, `${where}.${key}`);
    else checkObject(item, check, `${where}.${key}`);
  }
}

const PLUGIN_NAME = /^[a-z][a-z0-9-]*$/;

/**
 * The config's plugins, checked: each an object with a name of its own (not apiloom's artifacts',
 * another plugin's, or a setting's), a version, a description, a relative path no other artifact
 * takes, known needs, an `emit` function and options with a type and a help line.
 */
function checkPlugins(value: unknown, where: string): ArtifactPlugin[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ConfigError(`${where} must be a list`);
  const known: ArtifactPlugin[] = [...BUILT_IN_PLUGINS];
  value.forEach((plugin: unknown, i) => {
    const at = `${where}[${i}]`;
    if (!isObject(plugin))
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
    isString(plugin["version"], `${named}.version`);
    isString(plugin["description"], `${named}.description`);
    isString(plugin["path"], `${named}.path`);
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
    if (plugin["needs"] !== undefined) {
      stringList(plugin["needs"], `${named}.needs`);
      for (const need of plugin["needs"] as string[])
        if (!known.some((p) => p.name === need))
          throw new ConfigError(
            `${named}.needs: unknown artifact ${JSON.stringify(need)} (known: ${known.map((p) => p.name).join(", ")})`,
          );
    }
    const options = plugin["options"] ?? {};
    if (!isObject(options))
      throw new ConfigError(`${named}.options must be an object`);
    for (const [key, spec] of Object.entries(options)) {
      const specAt = `${named}.options.${key}`;
      if (!isObject(spec)) throw new ConfigError(`${specAt} must be an object`);
      const type = spec["type"];
      if (!(
        (Array.isArray(type) && type.every((t) => typeof t === "string")) ||
        ["string", "number", "boolean", "string-list"].includes(type as string)
      ))
        throw new ConfigError(
          `${specAt}.type must be "string", "number", "boolean", "string-list" or a list of strings`,
        );
      isString(spec["help"], `${specAt}.help`);
      if (spec["default"] !== undefined)
        typeCheck(type as OptionType)(spec["default"], `${specAt}.default`);
    }
    known.push(plugin as unknown as ArtifactPlugin);
  });
  return known.slice(BUILT_IN_PLUGINS.length);
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
 * Checks a loaded config against ApiloomConfig (and the options of apiloom's and its own plugins),
 * naming the file and option on failure.
 */
export function validateConfig(value: unknown, file: string): ApiloomConfig {
  if (!isObject(value))
    throw new ConfigError(
      `${file}: the config must be an object (export default defineConfig({ ... }))`,
    );
  const plugins = checkPlugins(value["plugins"], `${file}.plugins`);
  const all = [...BUILT_IN_PLUGINS, ...plugins];
  checkObject(value, shapeOf(all), file);
  const problem = unknownArtifact(
    value["artifacts"] as string[] | undefined,
    all,
  );
  if (problem) throw new ConfigError(`${file}.artifacts: ${problem}`);
  return value as ApiloomConfig;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
