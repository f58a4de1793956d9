import type { ArtifactPlugin } from "../emit/artifact.js";
import {
  choice,
  commaList,
  numberFlag,
  optionsHelp,
  parseFlags,
  pluginFlags,
  type FlagSpec,
} from "./flags.js";
import { BUILT_IN_PLUGINS } from "../emit/registry.js";
import { ConfigError } from "../workflow/config/error.js";
import { secondsProblem } from "../workflow/config/checks.js";
import { CONFIG_DEFAULTS } from "../workflow/config/types.js";
import { DEFAULT_MAX_INPUT_MIB } from "../ingest/read-source.js";
import type { SettingsOverrides } from "../workflow/config/settings.js";
import { REMOTE_DEFAULTS } from "../workflow/config/remote-settings.js";

type Flag = FlagSpec<GenerateFlags>;

/** What `apiloom generate` was told: the settings it overrides, and what only the command line has. */
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

/** generate's flags and those `plugins`' options declare; inspect and diff share some (flagsNamed). */
function generateFlags(plugins: readonly ArtifactPlugin[]): Flag[] {
  const own = [...FLAGS_BEFORE, ...FLAGS_AFTER];
  const fromPlugins = pluginFlags<GenerateFlags>(plugins);
  for (const flag of fromPlugins)
    for (const name of flag.names)
      if (own.some((f) => f.names.includes(name)))
        throw new ConfigError(
          `${name}, a plugin option's flag, is one of apiloom generate's own; give the option another flag`,
        );
  return [...FLAGS_BEFORE, ...fromPlugins, ...FLAGS_AFTER];
}

/** apiloom's own flags before the plugins' options' in the help, */
const FLAGS_BEFORE: Flag[] = [
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
    // which exist is known once the config's plugins are (settings.ts checks)
    apply: (f, v) => {
      f.artifacts = commaList(v);
      if (f.artifacts.length === 0)
        throw new ConfigError("--artifacts needs at least one artifact");
    },
  },
  {
    names: ["--templates"],
    value: "<dir>",
    help: "Folder with your copies of templates (missing ones fall back)",
    apply: (f, v) => (f.templates = v),
  },
];

/** and after them. */
const FLAGS_AFTER: Flag[] = [
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
    apply: (f, v) =>
      (f.maxInputSize = numberFlag("--max-input-size", v, (n) =>
        n > 0 && Number.isFinite(n)
          ? undefined
          : " expects a number of MiB above 0",
      )),
  },
  {
    names: ["--offline"],
    help: "Read URL inputs from the cache alone; fetch nothing",
    apply: (f) => (f.offline = true),
  },
  {
    names: ["--fetch-timeout"],
    value: "<seconds>",
    help: `How long one URL input may take, redirects included (default: ${REMOTE_DEFAULTS.timeout})`,
    apply: (f, v) =>
      (f.fetchTimeout = numberFlag("--fetch-timeout", v, secondsProblem)),
  },
  {
    names: ["--watch-interval"],
    value: "<seconds>",
    help: `How often --watch asks each URL input whether it changed (default: ${REMOTE_DEFAULTS.watchInterval})`,
    apply: (f, v) =>
      (f.watchInterval = numberFlag("--watch-interval", v, secondsProblem)),
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
    names: ["--dates"],
    value: "<string|Date>",
    help: `How date-time and date strings are typed and held: string or Date (default: ${CONFIG_DEFAULTS.dates})`,
    apply: (f, v) => (f.dates = choice("--dates", v, ["string", "Date"])),
  },
  {
    names: ["--int64"],
    value: "<number|bigint>",
    help: `How int64 integers are typed and held: number or bigint, every digit kept (default: ${CONFIG_DEFAULTS.int64})`,
    apply: (f, v) => (f.int64 = choice("--int64", v, ["number", "bigint"])),
  },
  {
    names: ["--import-extension"],
    value: "<.js|.ts>",
    help: `The extension generated files import each other by: .js, as tsc wants, or .ts, for node app.ts and Deno (default: ${CONFIG_DEFAULTS.importExtension})`,
    apply: (f, v) =>
      (f.importExtension = choice("--import-extension", v, [".js", ".ts"])),
  },
  {
    names: ["--typecheck-generated"],
    help: "Leave out the `// @ts-nocheck` of the generated files and copied runtimes: your tsc checks them too",
    apply: (f) => (f.typecheckGenerated = true),
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
    apply: (f, v) =>
      (f.maxDiagnostics = numberFlag("--max-diagnostics", v, (n) =>
        Number.isInteger(n) && n >= 0 ? undefined : " expects a whole number",
      )),
  },
  {
    names: ["-q", "--quiet"],
    help: "Print only errors and failures (no summary line when the run succeeds)",
    apply: (f) => Object.assign(f, { quiet: true, verbose: false }),
  },
  {
    names: ["--verbose"],
    help: "Print every warning and info in full, not only errors and new warnings",
    apply: (f) => Object.assign(f, { verbose: true, quiet: false }),
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

/** apiloom's own flags and its plugins': those a run without a config knows (flagsNamed's). */
const FLAGS = generateFlags(BUILT_IN_PLUGINS);

/** Parses generate's command line with the flags of `plugins`' options (lenient: see parseFlags). */
export function parseGenerateArgs(
  args: readonly string[],
  plugins: readonly ArtifactPlugin[] = BUILT_IN_PLUGINS,
  lenient = false,
): GenerateFlags {
  return parseFlags(args, generateFlags(plugins), noGenerateFlags(), lenient);
}

/** generate's flags before any is given: what parsing starts from (inspect's too). */
export function noGenerateFlags(): GenerateFlags {
  return {
    inputs: [],
    names: {},
    options: {},
    check: false,
    watch: false,
    force: false,
    quiet: false,
    verbose: false,
    help: false,
  };
}

/** generate's own specs for the given spellings, for another command that takes the same flags. */
export function flagsNamed(...names: string[]): Flag[] {
  return names.map((name) => {
    const spec = FLAGS.find((f) => f.names.includes(name));
    if (!spec) throw new Error(`no flag ${name}`);
    return spec;
  });
}

/** `apiloom generate --help`, with the flags of `plugins`' options (the config's too). */
export function generateHelp(
  plugins: readonly ArtifactPlugin[] = BUILT_IN_PLUGINS,
): string {
  return `Usage: apiloom generate [inputs...] [options]

Reads the inputs (spec files, globs or http(s) URLs: Swagger 2.0, OpenAPI 3.0/3.1, Postman v2.0/v2.1, JSON or
YAML), merges them and writes the artifacts into the output folder. Settings come from
apiloom.config.{ts,mts,mjs,js,json,yaml,yml} (found from the working folder); flags override it,
and inputs on the command line replace the config's.

Artifacts (--artifacts, the config's artifacts):
${plugins.map((p) => `  ${p.name.padEnd(12)} ${p.description}`).join("\n")}

Options:
${optionsHelp(generateFlags(plugins))}

Exit codes: 0 success, 1 errors (or warnings with --strict) or stale output with --check,
2 bad usage or configuration.
`;
}

/** What a run makes when no artifact is named: all of apiloom's but the opt-in ones. */
function defaultArtifacts(): string {
  const optIn = BUILT_IN_PLUGINS.filter((p) => p.byDefault === false);
  return optIn.length === 0
    ? "all"
    : `all but ${optIn.map((p) => p.name).join(",")}`;
}
