import type {
  OnceReport as OnceReportOf,
  ReportPlace,
} from "../model/diagnostics/reporter.js";
import type { ApiModel, Diagnostic } from "../model/types.js";
import type { EmitCode } from "./codes.js";
import type { TypeIndex } from "./type-index/type-index.js";

export type { ReportPlace } from "../model/diagnostics/reporter.js";
export type { EndpointTypes, TypeIndex } from "./type-index/type-index.js";
export type { WebhookTypes } from "./type-index/webhook-names.js";
export type { SchemaMode } from "./type-index/schema-to-type.js";

/** What {@link Reporter.once} hands back: a report of the emitters' codes made once per subject. */
export interface OnceReport extends OnceReportOf<EmitCode> {}

/**
 * The context's `reporter`: `report(code, message, at, related?)` with an emitters' code
 * (src/emit/codes.ts), which gives its severity; a diagnostic said twice is kept once.
 */
export interface Reporter extends OnceReport {
  /** A report made once per `subject` however often it is met (`once(name).report(…)`). */
  once(subject: string): OnceReport;
  /** What a diagnostic code of the run means (the registry's line), or "" for another. */
  meaning(code: string): string;
  /** Diagnostics collected elsewhere (a toolkit check's), each kept once. */
  add(diagnostics: readonly Diagnostic[]): void;
  /** Every diagnostic reported so far, in report order, each once. */
  readonly diagnostics: readonly Diagnostic[];
}

/** The output folder as the project around it sees it. */
export interface OutputLayout {
  /**
   * The output folder relative to the project folder (the config's, or the working folder), with
   * `/`: `generated`, `../api`, or `.`; the project's code imports the output from there.
   */
  outDir: string;
  /**
   * The extension relative imports name (config `importExtension`): `.js` (absent), as `tsc`
   * wants, or `.ts`, as Node's type stripping and Deno run the files unbuilt.
   */
  importExtension?: ".js" | ".ts";
}

/** One file an emitter makes; `path` is relative to the output folder, with `/` separators. */
export interface GeneratedFile {
  path: string;
  contents: string;
  /**
   * A TypeScript file whose code you check yourself: the run puts `// @ts-nocheck` below its first
   * line (a `//` comment) unless the config's `typecheckGenerated` is on, so the project's tsc
   * reads its types without checking its code again. What a runtime file needs of the project's
   * `lib` and `types` is best named in a small unmarked file (apiloom's `environment.ts`).
   */
  skipTypecheck?: boolean;
}

/**
 * An artifact apiloom makes: a plugin, owning its name, needs, path and options, and reporting
 * through its context. apiloom's own artifacts have this shape (src/emit/registry.ts); a user adds
 * one with `plugins: [...]` in the config, made with `definePlugin`.
 */
export interface ArtifactPlugin<
  N extends string = string,
  S extends PluginOptionSpecs = PluginOptionSpecs,
> {
  /** The artifact's name: what `artifacts` and `-a` list, and the config section of its options. */
  name: N;
  /**
   * Fed to the fingerprint with its options: a plugin of the config names it and changes it with
   * its output ({@link ConfigPlugin}); apiloom's own plugins leave it out.
   */
  version?: string;
  /** One line: what the artifact is (the CLI's help lists it). */
  description: string;
  /** Artifacts whose files this one imports: asking for this one makes them too. */
  needs?: readonly string[];
  /**
   * Artifacts whose files this one's `emit` reads when the run makes them: they are made first.
   * Unlike `needs`, asking for this one does not make them.
   */
  after?: readonly string[];
  /**
   * Whether a run that names no `artifacts` makes it (default true). An opt-in artifact says
   * false: it is made only when `artifacts` or `-a` names it (or an artifact asked for needs it).
   */
  byDefault?: boolean;
  /** Where its files live in the output folder, with `/`: a file (`openapi.json`) or a folder. */
  path: string;
  /** Its options, each with a default and a check; the config holds them under `<name>`. */
  options?: S;
  /** @deprecated Ignored; accepted so that older plugins keep compiling. */
  places?: unknown;
  /** Makes the artifact's files from the model. Only the CLI writes them. */
  emit(
    context: EmitContext<OptionValues<S>>,
  ): Promise<GeneratedFile[]> | GeneratedFile[];
}

/**
 * A plugin of the config (`plugins: [...]`): a plugin whose `version` is given, as the fingerprint
 * cannot see the code its `emit` calls in other modules.
 */
export interface ConfigPlugin<
  N extends string = string,
  S extends PluginOptionSpecs = PluginOptionSpecs,
> extends ArtifactPlugin<N, S> {
  version: string;
}

/** The specs of a plugin's options, by option name. */
export type PluginOptionSpecs = Readonly<
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  Record<string, PluginOption<any>>
>;

/**
 * A plugin's options as its `emit` receives them: resolved, defaults applied, frozen; a string or
 * object option has its default's type.
 */
export type OptionValues<S extends PluginOptionSpecs> = {
  readonly [K in keyof S]: S[K] extends { type: "number" }
    ? number
    : S[K] extends { type: "boolean" }
      ? boolean
      : S[K] extends { type: "string-list" }
        ? readonly string[]
        : S[K] extends { type: readonly (infer E)[] }
          ? E
          : S[K] extends PluginOption & { default: infer V }
            ? V
            : never;
};

/** What a value of an option may be; a list (not `"string-list"`) names the strings it may be. */
export type OptionType =
  | "string"
  | "number"
  | "boolean"
  | "string-list"
  /** A JSON object, its shape checked by the option's `problem`. */
  | "object"
  | readonly string[];

/** One option of a plugin: its type, default and meaning, where the config and the command line set it. */
export interface PluginOption<T = unknown> {
  type: OptionType;
  /** The value when neither the config nor a flag gives one. */
  default: T;
  /** One line: what it does. */
  help: string;
  /** Where the config holds it, when not `<plugin>.<option>`: `baseUrl` or `section.key`. */
  config?: string;
  /** A command-line flag that sets it (`--base-url`); a boolean flag takes no value. */
  flag?: string;
  /** The flag value's placeholder in the help (`<url>`). */
  placeholder?: string;
  /**
   * Why a value of the right type is still not acceptable, or undefined when it is. `templates`
   * is the user's templates folder, when there is one.
   */
  problem?(value: T, where: { templates?: string }): string | undefined;
}

/** What a plugin's `emit` is given. */
export interface EmitContext<O = Readonly<Record<string, unknown>>> {
  readonly model: ApiModel;
  /** The plugin's own options, resolved (config and flags over the defaults). */
  readonly options: O;
  /** The user's templates folder, when there is one: files there win over apiloom's. */
  readonly templatesDir: string | undefined;
  /** Where the output folder is in the project. */
  readonly layout: OutputLayout;
  /** Where each artifact of the run lives in the output folder, by name. */
  readonly paths: Readonly<Record<string, string>>;
  /** The artifacts this run makes, their needs included: whether a file may import another's. */
  readonly artifacts: readonly string[];
  /**
   * The TypeScript names of the model's schemas and endpoints in the `types` artifact, and their
   * type expressions: one index per run, built when a plugin first reads it.
   */
  readonly types: TypeIndex;
  /** Reports a diagnostic; a user's plugin reports `PluginDiagnosticCode`s. */
  readonly reporter: Reporter;
  /** Collects the imports of the output file `from`: other output files by their path. */
  imports(from: string): ImportCollector;
  /**
   * The API as the last run into the output folder left it, beside this run's: undefined until
   * the run has made its OpenAPI document (the `openapi` artifact), so a plugin that reads it
   * names `openapi` in its `after`.
   */
  readonly sinceLastRun: SinceLastRun | undefined;
}

/**
 * The last run's OpenAPI document beside this run's, and what changed by the rules of `apiloom
 * diff`. `generate()`, which writes nothing, has no last run.
 */
export interface SinceLastRun {
  /** The last run's OpenAPI document; undefined on a first run or when edited since. */
  readonly before: string | undefined;
  /** This run's OpenAPI document. */
  readonly now: string;
  /**
   * A file of the output folder as the last run wrote it (its manifest's hash matches), read up to
   * `maxBytes` (past it, `onTooLarge` is told), never through a link; else undefined.
   */
  earlier(
    path: string,
    options?: {
      maxBytes?: number;
      onTooLarge?: (why: string, at: ReportPlace) => void;
    },
  ): string | undefined;
  /**
   * The changes from `before` to `now`, computed once: [] when the two are the same text;
   * undefined when there is no `before` or either does not load without errors.
   */
  changes(): readonly ApiChange[] | undefined;
  /** Each rule of `apiloom diff` by its id: its severity and whom a change of it breaks. */
  readonly rules: Readonly<Record<string, ChangeRule>>;
}

/** A rule of `apiloom diff`: how bad a change of it is, and whose code it breaks. */
export interface ChangeRule {
  severity: "breaking" | "warning" | "info";
  breaks: "clients" | "servers" | "both" | "none";
}

/** One change of the API between two runs, as `apiloom diff` reports it. */
export interface ApiChange extends ChangeRule {
  /** The id of its rule (`operation-removed`). */
  rule: string;
  /** The endpoint as `METHOD /path`. */
  endpoint: string;
  /** What changed, in words; names in backquotes. */
  message: string;
  /** What it touches in the generated code, in the names the user's code uses. */
  names: {
    function?: string;
    type?: string;
    member?: string;
    handler?: string;
  };
  /** Other endpoints the change reaches through a schema they share, by client function. */
  also?: readonly { endpoint: string; function: string }[];
}

/** The codes a user's plugin reports its diagnostics with (`reporter.report(code, message, at)`). */
export type PluginDiagnosticCode = "plugin/warning" | "plugin/error";

/** The imports of one generated file, printed sorted and once each. */
export interface ImportCollector {
  /** `name` from the output file `target` (a path relative to the output folder). */
  add(target: string, name: string, options?: { type?: boolean }): void;
  /** The import statements, one per module, sorted; "" when there are none. */
  text(): string;
}

/**
 * Types a plugin: `export default definePlugin({ name, version, description, path, options,
 * emit })`, returned as it is.
 */
export function definePlugin<
  const N extends string,
  const S extends PluginOptionSpecs = Record<never, never>,
>(plugin: ConfigPlugin<N, S>): ConfigPlugin<N, S>;
export function definePlugin<
  const N extends string,
  const S extends PluginOptionSpecs = Record<never, never>,
>(plugin: ArtifactPlugin<N, S>): ArtifactPlugin<N, S>;
export function definePlugin(plugin: ArtifactPlugin): ArtifactPlugin {
  return plugin;
}

/** A bug in an emitter, not in the user's input: the CLI reports it as an internal error (exit 2). */
export class EmitterError extends Error {}

/**
 * A plugin threw, returned something other than a list of files, or a file outside its path: a
 * `plugin/error` naming it, on one line; the run stops before anything is written (exit 1).
 */
export class PluginError extends EmitterError {
  readonly code = "plugin/error";
  constructor(
    readonly plugin: string,
    problem: string,
  ) {
    super(`plugin/error: the plugin ${JSON.stringify(plugin)} ${problem}`);
    this.name = "PluginError";
  }
}

/** What a plugin threw, on one line: its message (never its stack), or the value itself. */
export function thrownMessage(error: unknown): string {
  const text =
    error instanceof Error ? error.message || error.name : String(error);
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join(" ");
}
