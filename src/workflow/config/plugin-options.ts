import { PluginError, thrownMessage } from "../../emit/artifact.js";
import type { ArtifactPlugin, PluginOption } from "../../emit/artifact.js";
import { fileStart, type Reporter } from "../../model/diagnostics/reporter.js";
import type { ApiloomConfig } from "./types.js";
import { ConfigError } from "./error.js";
import { optionPath } from "./validate.js";

/** Every plugin's options, resolved: by plugin name, then option name. */
export type ResolvedPluginOptions = Readonly<
  Record<string, Readonly<Record<string, unknown>>>
>;

/**
 * Each plugin's options: the flag's value over the config's over the plugin's default, each
 * given value checked by the plugin (`problem`), naming the flag or the config entry that gave
 * it. An option given for an artifact the run does not make is reported as ignored.
 */
export function resolvePluginOptions(
  plugins: readonly ArtifactPlugin[],
  config: ApiloomConfig,
  flags: Readonly<Record<string, Readonly<Record<string, unknown>>>>,
  where: { file: string; templates?: string; artifacts: readonly string[] },
  reporter: Reporter,
): ResolvedPluginOptions {
  const resolved: Record<string, Record<string, unknown>> = {};
  for (const plugin of plugins) {
    const values: Record<string, unknown> = {};
    for (const [key, spec] of Object.entries(plugin.options ?? {})) {
      const path = optionPath(plugin, key);
      const fromFlag = flags[plugin.name]?.[key];
      const fromConfig = valueAt(config, path);
      const given = fromFlag ?? fromConfig;
      const source =
        fromFlag !== undefined
          ? (spec.flag ?? `--${key}`)
          : `"${path.join(".")}" in ${where.file}`;
      const value = normalized(given ?? spec.default);
      if (given !== undefined) {
        let problem: string | undefined;
        try {
          problem = (spec as PluginOption).problem?.(value, {
            templates: where.templates,
          });
        } catch (error) {
          throw new PluginError(
            plugin.name,
            `threw checking ${source}: ${thrownMessage(error)}`,
          );
        }
        if (problem) throw new ConfigError(`${source}: ${problem}`);
        if (
          !where.artifacts.includes(plugin.name) &&
          !readByAnother(plugins, path, where.artifacts) &&
          JSON.stringify(value) !== JSON.stringify(normalized(spec.default))
        )
          reporter.report(
            "config/ignored-option",
            `${fromFlag !== undefined ? source : path.join(".")} (${shown(value)}) is given but the ${plugin.name} artifact is not generated (artifacts: ${where.artifacts.join(", ")}): it is ignored`,
            fileStart(fromFlag !== undefined ? source : where.file),
          );
      }
      values[key] = value;
    }
    resolved[plugin.name] = values;
  }
  return resolved;
}

/** Whether an artifact the run makes reads the option at `path` too (`baseUrl`: client and server). */
function readByAnother(
  plugins: readonly ArtifactPlugin[],
  path: readonly string[],
  artifacts: readonly string[],
): boolean {
  const key = path.join(".");
  return plugins.some(
    (plugin) =>
      artifacts.includes(plugin.name) &&
      Object.keys(plugin.options ?? {}).some(
        (option) => optionPath(plugin, option).join(".") === key,
      ),
  );
}

/** A list without repeats (the same adapter named twice is emitted once); anything else as it is. */
function normalized(value: unknown): unknown {
  return Array.isArray(value) ? [...new Set(value)] : value;
}

function shown(value: unknown): string {
  return Array.isArray(value) ? value.join(", ") : JSON.stringify(value);
}

function valueAt(config: unknown, path: readonly string[]): unknown {
  let at: unknown = config;
  for (const part of path) {
    if (typeof at !== "object" || at === null) return undefined;
    at = (at as Record<string, unknown>)[part];
  }
  return at;
}
