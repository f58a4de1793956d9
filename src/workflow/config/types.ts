import type { ConfigPlugin } from "../../emit/artifact.js";
import type { ArtifactName, BuiltInOptions } from "../../emit/registry.js";
import type { RemoteConfig } from "./remote-settings.js";

/**
 * What `apiloom.config.{ts,mjs,js,json,yaml,yml}` may hold. Paths are relative to the config
 * file's folder. Every option also has a command-line flag (see src/cli/generate-options.ts).
 * Your plugins' options sit beside these, under each plugin's name.
 */
export interface ApiloomConfig extends ApiloomSettings {
  /**
   * Several APIs in one project: each entry names an API, its inputs, and the settings it gives
   * over the ones above (which are then every API's defaults). Each API has its own output folder
   * (default `generated/<name>`), lock (default `apiloom.<name>.lock.json`) and handlers file;
   * two APIs sharing one is an error. `apiloom generate` makes them all, `--api <name>` one.
   */
  apis?: ApiloomApi[];
  /** Options of a plugin of your own, under its name. */
  [plugin: string]: unknown;
}

/** One API of a config's `apis`: its name and the settings it gives over the top level's. */
export interface ApiloomApi extends Omit<ApiloomSettings, "plugins"> {
  /** Letters, digits, `.`, `_`, `-`: picked with `--api <name>`, shown in the run's lines. */
  name: string;
  /** Options of a plugin (yours or apiloom's), under its name. */
  [plugin: string]: unknown;
}

/**
 * apiloom's own settings, and its artifacts' options (`client`, `docs`, `server`, `mcp`: the
 * plugins' option specs say what each takes): the config without your plugins' options.
 */
export interface ApiloomSettings extends BuiltInOptions {
  /**
   * Spec files, globs (`*`, `**`, `?`, `{a,b}`) or `http(s)://` URLs, any supported format (URLs:
   * see `remote` and docs/inputs.md "Inputs at a URL").
   */
  inputs?: string[];
  /** How URL inputs are fetched: headers by origin, timeout, redirects, --watch's interval. */
  remote?: RemoteConfig;
  /**
   * Overlays (OpenAPI Overlay 1.0/1.1) laid over the inputs' documents before they are read, in
   * this order: a file applies to the inputs its `extends` names (or to every input), `{ file,
   * inputs }` to those inputs (files or globs). See docs/inputs.md "Overlays".
   */
  overlays?: (string | { file: string; inputs: string[] })[];
  /** The output folder apiloom owns (only the files its manifest lists). Default `generated`. */
  out?: string;
  /**
   * Which artifacts to make: apiloom's and those of your `plugins`. Default: every one not marked
   * opt-in (a plugin with `byDefault: false`).
   */
  artifacts?: (ArtifactName | (string & {}))[];
  /**
   * Artifacts of your own, each made with `definePlugin` (often imported from a package): made
   * after apiloom's, their options under their name in this config (see docs/plugins.md).
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  plugins?: ConfigPlugin<string, any>[];
  /** A folder with your copies of templates; missing files fall back to apiloom's. */
  templates?: string;
  /**
   * The API's title, version and description, over what the inputs say (by default the title most
   * inputs share, an operation's summary cut off: see src/model/merge/info.ts).
   */
  info?: { title?: string; version?: string; description?: string };
  /**
   * Tags by the name the inputs give them: a new name (`"chat:bot": "Bots"`; two tags given one
   * name are merged), or `{ name?, description? }`.
   */
  tags?: Record<string, string | { name?: string; description?: string }>;
  /**
   * Default base URL of the generated client (instead of the specs' servers); its path is also
   * the generated server's default `basePath` (`BASE_PATH`).
   */
  baseUrl?: string;
  /** Endpoint name overrides: `"GET /pets/{id}": "getPet"`. */
  names?: Record<string, string>;
  /** How sources are read and woven. */
  merge?: {
    /** Follow `$ref`s to files outside a spec's folder. Default false. */
    allowExternalRefs?: boolean;
    /**
     * Files or folders whose facts win when sources disagree, earlier entries first; before the
     * model's own ranking by format, richness and path (src/model/merge/rank.ts). Input order never counts.
     */
    prefer?: string[];
    /** Largest input or `$ref`'d file read, in MiB. Default 100. */
    maxInputSize?: number;
  };
  /** The server artifact's options (see `BuiltInOptions`), and your handlers file. */
  server?: BuiltInOptions["server"] & {
    /** Your route handlers file, outside the output folder: scaffolded once, new stubs added later. */
    handlers?: string;
  };
  /**
   * The committed lock of endpoint names, so adding an endpoint never renames an existing
   * function. Default `apiloom.lock.json` next to the config; `false` turns it off.
   */
  lock?: string | false;
  /** Warnings fail the run (exit 1). */
  strict?: boolean;
  /**
   * How `format: date-time` and `format: date` strings are typed and held by the client and the
   * server: `"string"` (default, as JSON has them) or `"Date"` (read into a `Date`, written as
   * ISO text; a date as `YYYY-MM-DD` in UTC). See docs/client.md "Dates and big integers".
   */
  dates?: "string" | "Date";
  /**
   * How `format: int64` integers are typed and held: `"number"` (default; digits past 2^53 are
   * rounded by JSON.parse) or `"bigint"` (read losslessly, every digit kept, written as digits).
   */
  int64?: "number" | "bigint";
  /**
   * Whether your tsc checks the files apiloom writes that grow with the API. Default false: they
   * start with `// @ts-nocheck` (their types are read all the same). See docs/types.md "What the
   * generated code costs tsc".
   */
  typecheckGenerated?: boolean;
  /**
   * The extension the generated files import each other by: `".js"` (default), as `tsc` wants, or
   * `".ts"`, for Node's type stripping (`node app.ts`) and Deno to run them unbuilt. See
   * docs/compatibility.md.
   */
  importExtension?: ".js" | ".ts";
}

/** Types a config file: `export default defineConfig({ ... })`. */
export function defineConfig(config: ApiloomConfig): ApiloomConfig {
  return config;
}

/**
 * The one place the defaults of apiloom's own settings live (an artifact's options have theirs in
 * its plugin); the settings resolver, the CLI's help and the tests import it.
 */
export const CONFIG_DEFAULTS = {
  out: "generated",
  lock: "apiloom.lock.json",
  allowExternalRefs: false,
  strict: false,
  dates: "string",
  int64: "number",
  typecheckGenerated: false,
  importExtension: ".js",
  maxDiagnostics: 50,
  watchDebounceMs: 100,
} as const;

/** Config file names looked for, in this order, in the working folder and then its parents. */
export const CONFIG_FILE_NAMES = "ts mts cts mjs js json yaml yml"
  .split(" ")
  .map((ext) => `apiloom.config.${ext}`);

/** Line and column of the entry at a path of the config file, when the file has positions. */
export type ConfigLocator = (
  path: readonly (string | number)[],
) => { line: number; column: number } | undefined;
