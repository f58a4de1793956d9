import type { ArtifactPlugin, PluginOption } from "../emit/artifact.js";
import { BUILT_IN_PLUGINS } from "../emit/registry.js";
import { ConfigError } from "../workflow/config-error.js";
import { CONFIG_DEFAULTS } from "../workflow/config-types.js";
import { DEFAULT_MAX_INPUT_MIB } from "../ingest/read-source.js";
import type { SettingsOverrides } from "../workflow/settings.js";

/**
 * What `apiloom generate` was told on the command line: the settings it overrides (the workflow's
 * own type) plus what only the command line has. Undefined means "not given".
 */
export interface GenerateFlags extends SettingsOverrides {
  check: boolean;
  watch: boolean;
  /** Run every stage even when the manifest's fingerprint says nothing changed. */
  force: boolean;
  maxDiagnostics?: number;
  color?: boolean;
  /** Only errors and failures: no summary line on success, no warning in full. */
  quiet: boolean;
  /** Every diagnostic in full (warnings and infos), the config line; never skips parsing. */
  verbose: boolean;
  /** Handlers whose changed contract this run accepts (`--accept`); true for all (`--accept-changes`). */
  accept?: true | string[];
  help: boolean;
}

/** One command-line flag: its spellings, its value's placeholder, its help line, what it sets. */
export interface FlagSpec<F = GenerateFlags> {
  names: string[];
  value?: string;
  help: string;
  apply(flags: F, value: string): void;
}

/** The flags of `apiloom generate`; `inspect` shares the ones it has (see flagsNamed). */
const FLAGS: FlagSpec[] = [
  {
    names: ["-o", "--out"],
    value: "<dir>",
    help: `Output folder apiloom owns (default: ${CONFIG_DEFAULTS.out})`,
    apply: (f, v) => (f.out = v),
  },
  {
    names: ["-a", "--artifacts"],
    value: "<list>",
    help: `Comma-separated subset of ${BUILT_IN_PLUGINS.map((p) => p.name).join(",")} or your plugins' (default: ${defaultArtifacts()})`,
    apply: (f, v) => (f.artifacts = parseArtifacts(v)),
  },
  {
    names: ["--templates"],
    value: "<dir>",
    help: "Folder with your copies of templates (missing ones fall back)",
    apply: (f, v) => (f.templates = v),
  },
  // the options of apiloom's artifacts that have a flag, from their plugins
  ...pluginFlags(BUILT_IN_PLUGINS),
  {
    names: ["--name"],
    value: "<KEY=name>",
    help: 'Name an endpoint, e.g. --name "GET /pets/{id}=getPet" (repeatable)',
    apply: (f, v) => {
      const eq = v.lastIndexOf("=");
      if (eq <= 0 || eq === v.length - 1)
        throw new ConfigError(
          `--name expects "METHOD /path=name", got ${JSON.stringify(v)}`,
        );
      f.names[v.slice(0, eq).trim()] = v.slice(eq + 1).trim();
    },
  },
  {
    names: ["--allow-external-refs"],
    help: "Follow $refs to files outside a spec's folder",
    apply: (f) => (f.allowExternalRefs = true),
  },
  {
    names: ["--max-input-size"],
    value: "<MiB>",
    help: `Largest input or $ref'd file read, in MiB (default: ${DEFAULT_MAX_INPUT_MIB})`,
    apply: (f, v) => {
      const n = Number(v);
      if (!(n > 0) || !Number.isFinite(n))
        throw new ConfigError(
          `--max-input-size expects a number of MiB above 0, got ${JSON.stringify(v)}`,
        );
      f.maxInputSize = n;
    },
  },
  {
    names: ["--prefer"],
    value: "<file>",
    help: "An input or a folder of inputs whose facts win disagreements (repeatable, first wins)",
    apply: (f, v) => (f.prefer = [...(f.prefer ?? []), v]),
  },
  {
    names: ["--overlay"],
    value: "<file>",
    help: "An overlay (OpenAPI Overlay 1.0/1.1) laid over the inputs it extends, or all (repeatable, in order; replaces the config's overlays)",
    apply: (f, v) => (f.overlays = [...(f.overlays ?? []), v]),
  },
  {
    names: ["--server-handlers"],
    value: "<file>",
    help: "Your route handlers file, outside the output folder: scaffolded once, new stubs added later",
    apply: (f, v) => (f.serverHandlers = v),
  },
  {
    names: ["--lock"],
    value: "<file>",
    help: `Endpoint name lock (default: ${CONFIG_DEFAULTS.lock} beside the config)`,
    apply: (f, v) => (f.lock = v),
  },
  {
    names: ["--no-lock"],
    help: "Neither read nor write the name lock",
    apply: (f) => (f.lock = false),
  },
  {
    names: ["--api"],
    value: "<name>",
    help: "Of a config that lists several APIs (apis), make only this one (default: all)",
    apply: (f, v) => (f.api = v),
  },
  {
    names: ["-c", "--config"],
    value: "<file>",
    help: "Config file (default: apiloom.config.* found from the working folder)",
    apply: (f, v) => (f.config = v),
  },
  {
    names: ["--no-config"],
    help: "Ignore config files (and the lock beside them); flags only",
    apply: (f) => (f.config = false),
  },
  {
    names: ["--check"],
    help: "Write nothing; exit 1 with a diff when the output on disk is stale",
    apply: (f) => (f.check = true),
  },
  {
    names: ["--accept"],
    value: "<handler>",
    help: "Accept the changed contract of this handler: its signatures entry gets the new hash (repeatable)",
    apply: (f, v) => {
      if (f.accept !== true) f.accept = [...(f.accept ?? []), v];
    },
  },
  {
    names: ["--accept-changes"],
    help: "Accept the changed contracts of every handler apiloom reports (scaffold/changed-signature)",
    apply: (f) => (f.accept = true),
  },
  {
    names: ["--force"],
    help: "Parse and emit even when nothing changed since the last run",
    apply: (f) => (f.force = true),
  },
  {
    names: ["-w", "--watch"],
    help: "Regenerate whenever a spec, a template or the config changes",
    apply: (f) => (f.watch = true),
  },
  {
    names: ["--strict"],
    help: "Warnings fail the run (exit 1) like errors",
    apply: (f) => (f.strict = true),
  },
  {
    names: ["--max-diagnostics"],
    value: "<n>",
    help: `Print at most n diagnostics in full (default: ${CONFIG_DEFAULTS.maxDiagnostics})`,
    apply: (f, v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < 0)
        throw new ConfigError(
          `--max-diagnostics expects a whole number, got ${JSON.stringify(v)}`,
        );
      f.maxDiagnostics = n;
    },
  },
  {
    names: ["-q", "--quiet"],
    help: "Print only errors and failures (no summary line when the run succeeds)",
    apply: (f) => {
      f.quiet = true;
      f.verbose = false;
    },
  },
  {
    names: ["--verbose"],
    help: "Print every warning and info in full, not only errors and new warnings",
    apply: (f) => {
      f.verbose = true;
      f.quiet = false;
    },
  },
  {
    names: ["--color"],
    help: "Colour the output even when it is not a terminal",
    apply: (f) => (f.color = true),
  },
  {
    names: ["--no-color"],
    help: "Never colour (the NO_COLOR environment variable does the same)",
    apply: (f) => (f.color = false),
  },
  {
    names: ["-h", "--help"],
    help: "Show this help",
    apply: (f) => (f.help = true),
  },
];

export function parseGenerateArgs(args: readonly string[]): GenerateFlags {
  return parseFlags(args, FLAGS, {
    inputs: [],
    names: {},
    options: {},
    check: false,
    watch: false,
    force: false,
    quiet: false,
    verbose: false,
    help: false,
  });
}

/** generate's own specs for the given spellings, for another command that takes the same flags. */
export function flagsNamed(...names: string[]): FlagSpec[] {
  return names.map((name) => {
    const spec = FLAGS.find((f) => f.names.includes(name));
    if (!spec) throw new Error(`no flag ${name}`);
    return spec;
  });
}

/**
 * Parses `args` against `specs` into `flags`: positionals are inputs, `--flag value` and
 * `--flag=value` alike, `--` ends the options. A problem is a ConfigError (exit 2).
 */
export function parseFlags<F extends { inputs: string[] }>(
  args: readonly string[],
  specs: readonly FlagSpec<F>[],
  flags: F,
): F {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "--") {
      flags.inputs.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      flags.inputs.push(arg);
      continue;
    }
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const spec = specs.find((f) => f.names.includes(name));
    if (!spec) throw new ConfigError(`unknown option ${name} (see --help)`);
    if (!spec.value) {
      if (eq !== -1) throw new ConfigError(`${name} takes no value`);
      spec.apply(flags, "");
      continue;
    }
    const value = eq !== -1 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || value === "")
      throw new ConfigError(`${name} needs a value: ${name} ${spec.value}`);
    spec.apply(flags, value);
  }
  return flags;
}

/** The names of `-a`; which exist is known once the config's plugins are (settings.ts checks). */
function parseArtifacts(list: string): string[] {
  const names = commaList(list);
  if (names.length === 0)
    throw new ConfigError("--artifacts needs at least one artifact");
  return names;
}

function commaList(list: string): string[] {
  return list
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * One flag per spelling: a flag several plugins' options share (`--base-url`, the client's and
 * the server's) sets each of them; its help is the first one's.
 */
function pluginFlags(plugins: readonly ArtifactPlugin[]): FlagSpec[] {
  const byName = new Map<string, FlagSpec>();
  for (const plugin of plugins)
    for (const [key, spec] of Object.entries(plugin.options ?? {})) {
      if (!spec.flag) continue;
      const flag = pluginFlag(plugin.name, key, spec);
      const first = byName.get(spec.flag);
      if (!first) byName.set(spec.flag, flag);
      else {
        const earlier = first.apply;
        first.apply = (f, v) => {
          earlier(f, v);
          flag.apply(f, v);
        };
      }
    }
  return [...byName.values()];
}

/** The flag of a plugin option: a boolean one takes no value, the others are parsed by type. */
function pluginFlag(plugin: string, key: string, spec: PluginOption): FlagSpec {
  const flag = spec.flag!;
  const set = (f: GenerateFlags, value: unknown) =>
    (f.options[plugin] = { ...f.options[plugin], [key]: value });
  if (spec.type === "boolean")
    return { names: [flag], help: spec.help, apply: (f) => set(f, true) };
  return {
    names: [flag],
    value: spec.placeholder ?? "<value>",
    help: spec.help,
    apply: (f, v) => {
      const type = spec.type;
      if (typeof type !== "string") {
        if (!type.includes(v))
          throw new ConfigError(
            `${flag} expects one of ${type.join(", ")}, got ${JSON.stringify(v)}`,
          );
        set(f, v);
      } else if (type === "string-list") set(f, commaList(v));
      else if (type === "number") {
        const n = Number(v);
        if (!Number.isFinite(n))
          throw new ConfigError(
            `${flag} expects a number, got ${JSON.stringify(v)}`,
          );
        set(f, n);
      } else set(f, v);
    },
  };
}

/** `apiloom generate --help`. main.ts can include it in the global help. */
export function generateHelp(): string {
  return `Usage: apiloom generate [inputs...] [options]

Reads the inputs (spec files or globs: Swagger 2.0, OpenAPI 3.0/3.1, Postman v2.0/v2.1, JSON or
YAML), merges them and writes the artifacts into the output folder. Settings come from
apiloom.config.{ts,mts,mjs,js,json,yaml,yml} (found from the working folder); flags override it,
and inputs on the command line replace the config's.

Options:
${optionsHelp(FLAGS)}

Exit codes: 0 success, 1 errors (or warnings with --strict) or stale output with --check,
2 bad usage or configuration.
`;
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

/** What a run makes when no artifact is named: all of apiloom's but the opt-in ones. */
function defaultArtifacts(): string {
  const optIn = BUILT_IN_PLUGINS.filter(
    (plugin: ArtifactPlugin) => plugin.byDefault === false,
  ).map((plugin) => plugin.name);
  return optIn.length === 0 ? "all" : `all but ${optIn.join(",")}`;
}
