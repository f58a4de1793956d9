import { parseArgs, type ParseArgsConfig } from "node:util";
import type { ArtifactPlugin, PluginOption } from "../emit/artifact.js";
import { ConfigError } from "../workflow/config/error.js";
import type { SettingsOverrides } from "../workflow/config/settings.js";

export interface FlagSpec<F> {
  names: string[];
  value?: string;
  help: string;
  apply(flags: F, value: string): void;
}

/**
 * Parses `args` against `specs` into `flags` (positionals are inputs); a problem is a ConfigError.
 * `lenient` skips unknown options (a first look before the config's plugins' flags are known).
 */
export function parseFlags<F extends { inputs: string[] }>(
  args: readonly string[],
  specs: readonly FlagSpec<F>[],
  flags: F,
  lenient = false,
): F {
  const byName = new Map<string, FlagSpec<F>>();
  const options: ParseArgsConfig["options"] = {};
  for (const spec of specs) {
    const long = spec.names.find((n) => n.startsWith("--"))!;
    const short = spec.names.find((n) => !n.startsWith("--"));
    byName.set(long.slice(2), spec);
    options[long.slice(2)] = {
      type: spec.value ? "string" : "boolean",
      multiple: true,
      ...(short ? { short: short.slice(1) } : {}),
    };
  }
  const { tokens } = parseArgs({
    args: [...args],
    options,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind === "positional") flags.inputs.push(token.value);
    if (token.kind !== "option") continue;
    const spec = byName.get(token.name);
    if (!spec) {
      if (lenient) continue;
      throw new ConfigError(`unknown option ${token.rawName} (see --help)`);
    }
    const name = token.rawName;
    if (!spec.value) {
      if (token.inlineValue) throw new ConfigError(`${name} takes no value`);
      spec.apply(flags, "");
    } else if (token.value === undefined || token.value === "")
      throw new ConfigError(`${name} needs a value: ${name} ${spec.value}`);
    else spec.apply(flags, token.value);
  }
  return flags;
}

/** One flag per spelling: one that options share (`--base-url`) sets each, with the first's help. */
export function pluginFlags<F extends Pick<SettingsOverrides, "options">>(
  plugins: readonly ArtifactPlugin[],
): FlagSpec<F>[] {
  const byName = new Map<string, FlagSpec<F>[]>();
  for (const plugin of plugins)
    for (const [key, spec] of Object.entries(plugin.options ?? {}))
      if (spec.flag)
        byName.set(spec.flag, [
          ...(byName.get(spec.flag) ?? []),
          pluginFlag<F>(plugin.name, key, spec),
        ]);
  return [...byName.values()].map((specs) => ({
    ...specs[0]!,
    apply: (f, v) => specs.forEach((s) => s.apply(f, v)),
  }));
}

/** The flag of a plugin option: a boolean one takes no value, the others are parsed by type. */
function pluginFlag<F extends Pick<SettingsOverrides, "options">>(
  plugin: string,
  key: string,
  spec: PluginOption,
): FlagSpec<F> {
  const flag = spec.flag!;
  const set = (f: F, value: unknown) =>
    (f.options[plugin] = { ...f.options[plugin], [key]: value });
  if (spec.type === "boolean")
    return { names: [flag], help: spec.help, apply: (f) => set(f, true) };
  return {
    names: [flag],
    value: spec.placeholder ?? "<value>",
    help: spec.help,
    apply: (f, v) => {
      const type = spec.type;
      if (typeof type !== "string") set(f, choice(flag, v, type, true));
      else if (type === "string-list") set(f, commaList(v));
      else if (type === "number")
        set(
          f,
          numberFlag(flag, v, (n) =>
            Number.isFinite(n) ? undefined : " expects a number",
          ),
        );
      else set(f, v);
    },
  };
}

/** The help's option lines: spellings and value placeholder, then the help text, aligned. */
export function optionsHelp<F>(specs: readonly FlagSpec<F>[]): string {
  const rows = specs.map((f) => {
    const names =
      f.names.length === 1 ? `    ${f.names[0]}` : f.names.join(", ");
    return [`${names}${f.value ? ` ${f.value}` : ""}`, f.help] as const;
  });
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows
    .map(([left, help]) => `  ${left.padEnd(width)}${help}`)
    .join("\n");
}

/** A flag's value that must be one of `values` (`expects a or b`; `listed`: `expects one of a, b`). */
export function choice<const T extends string>(
  flag: string,
  value: string,
  values: readonly T[],
  listed = false,
): T {
  if (!(values as readonly string[]).includes(value))
    throw new ConfigError(
      `${flag} expects ${listed ? `one of ${values.join(", ")}` : values.join(" or ")}, got ${JSON.stringify(value)}`,
    );
  return value as T;
}

/** A flag's value as a number, or a ConfigError: `<flag><problem>, got "<value>"`. */
export function numberFlag(
  flag: string,
  value: string,
  problem: (n: number) => string | undefined,
): number {
  const n = Number(value);
  const why = problem(n);
  if (why) throw new ConfigError(`${flag}${why}, got ${JSON.stringify(value)}`);
  return n;
}

export function commaList(list: string): string[] {
  return list
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}
