import type { Reporter } from "../model/reporter.js";
import type { PageShape } from "../model/pagination.js";
import type { ApiModel } from "../model/types.js";
import type { TypeIndex } from "./types/type-index.js";

/** The output folder as the project around it sees it. */
export interface OutputLayout {
  /**
   * The output folder relative to the project folder (the config's, or the working folder),
   * with `/`: `generated`, `build/api`, `../api`, or `.` for the project folder itself. Code of the
   * project imports the output from there (the docs' client examples).
   */
  outDir: string;
}

/** One file an emitter makes; `path` is relative to the output folder, with `/` separators. */
export interface GeneratedFile {
  path: string;
  contents: string;
}

/**
 * An artifact apiloom makes: a plugin. It owns its name, what it needs, where its files go, its
 * options (with their defaults and checks), and it reports through the context it is given. The
 * runner (run.ts) knows nothing about any one artifact. apiloom's own artifacts are plugins of
 * this same shape (src/emit/<name>/plugin.ts, listed in src/emit/registry.ts); a user adds one
 * with `plugins: [...]` in the config, made with `definePlugin`.
 */
export interface ArtifactPlugin<
  N extends string = string,
  S extends PluginOptionSpecs = PluginOptionSpecs,
> {
  /** The artifact's name: what `artifacts` and `-a` list, and the config section of its options. */
  name: N;
  /**
   * What defines the plugin's behaviour, fed to the fingerprint with its options: a user plugin
   * names its version here (change it with the plugin's output). apiloom's own plugins leave it
   * out; apiloom's version stands for them.
   */
  version?: string;
  /** One line: what the artifact is (the CLI's help lists it). */
  description: string;
  /** Artifacts whose files this one imports: asking for this one makes them too. */
  needs?: readonly string[];
  /**
   * Whether a run that names no `artifacts` makes it (default true). An opt-in artifact says
   * false: it is made only when `artifacts` or `-a` names it (or an artifact asked for needs it).
   */
  byDefault?: boolean;
  /**
   * Where its files live in the output folder, relative, with `/`: a file (`openapi.json`) or a
   * folder (`client`). Other artifacts import its files from there.
   */
  path: string;
  /** Its options, each with a default and a check; the config holds them under `<name>`. */
  options?: S;
  /** Makes the artifact's files from the model. Only the CLI writes them. */
  emit(
    context: EmitContext<OptionValues<S>>,
  ): Promise<GeneratedFile[]> | GeneratedFile[];
}

/** The specs of a plugin's options, by option name. */
export type PluginOptionSpecs = Readonly<
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  Record<string, PluginOption<any>>
>;

/** A plugin's options as its `emit` receives them: resolved, defaults applied, frozen. */
export type OptionValues<S extends PluginOptionSpecs> = {
  readonly [K in keyof S]: S[K] extends PluginOption<infer T> ? T : never;
};

/**
 * What a value of an option may be: a string, a number, a boolean, a list of strings, or one of
 * the strings listed.
 */
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
  /**
   * Where the config holds it, when not `<plugin>.<option>`: a top-level key (`baseUrl`) or
   * another `section.key`.
   */
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
  /** The TypeScript names of the model's schemas and endpoints in the `types` artifact. */
  readonly types: TypeIndex;
  /**
   * Reports a diagnostic: a code of src/model/diagnostic-codes.ts, which gives its severity. A
   * plugin of the user's reports `PluginDiagnosticCode`s; the message says what.
   */
  readonly reporter: Reporter;
  /** Collects the imports of the output file `from`: other output files by their path. */
  imports(from: string): ImportCollector;
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
 * Types a plugin: `export default definePlugin({ name, description, path, options, emit })`.
 * It returns the plugin as it is: apiloom's own artifacts are written with it too.
 */
export function definePlugin<
  const N extends string,
  const S extends PluginOptionSpecs = Record<never, never>,
>(plugin: ArtifactPlugin<N, S>): ArtifactPlugin<N, S> {
  return plugin;
}

/**
 * The built-in emitters' own options (their entry points take them); each built-in plugin maps
 * its resolved options onto them.
 */
export interface EmitOptions {
  /** A folder holding the user's copies of templates; files missing there fall back to apiloom's. */
  templatesDir?: string;
  /** Overrides the servers of the model for the generated client's default base URL. */
  baseUrl?: string;
  /** Server framework adapters to emit beside the node:http listener, as `server/<name>.ts`. */
  serverAdapters?: readonly string[];
  /** Page shapes declared by endpoint key (`client.pages`), already checked against the model. */
  pages?: ReadonlyMap<string, PageShape>;
  /** The generated server checks its JSON answers by default (`server.validateResponses`). */
  validateResponses?: boolean;
  /** Where the output folder is in the project (default `generated`): see OutputLayout. */
  layout?: OutputLayout;
  /** Where each artifact of the run lives in the output folder, by name (the context's `paths`). */
  paths?: Readonly<Record<string, string>>;
  docs?: {
    /** Group endpoints by first tag, by the resource of their path, or `auto` (the default). */
    groupBy?: DocsGroupBy;
  };
}

/** A built-in emitter's entry point: reads the model (never a source format), returns files. */
export type Emitter = (
  model: ApiModel,
  options: EmitOptions,
) => Promise<GeneratedFile[]> | GeneratedFile[];

/**
 * How the docs group endpoints (config `docs.groupBy`, flag `--group-by`): by first tag, by the
 * resource their path names, or `auto`: by path when the tags are degenerate, else by tag.
 */
export const DOCS_GROUP_BY = ["tag", "path", "auto"] as const;

export type DocsGroupBy = (typeof DOCS_GROUP_BY)[number];
