import type { GeneratedFile } from "./emit/artifact.js";
import { DEFAULT_LAYOUT, type OutputLayout } from "./emit/layout.js";
import { runPlugins } from "./emit/run.js";
import { ingestFiles, ingestTexts, type InputText } from "./ingest/index.js";
import { buildModel } from "./model/build.js";
import { Reporter } from "./model/reporter.js";
import type { ApiModel, Diagnostic } from "./model/types.js";
import type { LoadOptions } from "./pipeline.js";
import type { ApiloomSettings } from "./workflow/config-types.js";
import { validateConfig } from "./workflow/config-validate.js";
import { collectFiles } from "./workflow/output-files.js";
import { resolveOptions } from "./workflow/settings.js";

/**
 * The options of `generate()`: the config's (apiloom.config's settings, your `plugins` and their
 * options under their names; paths relative to `cwd`), resolved and checked by the same code as
 * the CLI's, plus what only a program gives. Inputs, output folder, lock and strictness are the
 * CLI's business and are not among them.
 */
export interface GenerateOptions
  extends
    Omit<ApiloomSettings, "inputs" | "out" | "lock" | "strict">,
    Pick<LoadOptions, "cwd" | "readText" | "parse" | "lockedNames"> {
  /** Where the output will be in the project (default `generated`): the docs' imports use it. */
  layout?: OutputLayout;
  /** Options of a plugin of your own, under its name. */
  [plugin: string]: unknown;
}

export interface GenerateResult {
  model: ApiModel;
  /** Every generated file, sorted by path; paths are relative to an output folder, with `/`. */
  files: GeneratedFile[];
  /** The model's diagnostics plus the plugins' (ambiguous server routes, no client base URL). */
  diagnostics: Diagnostic[];
}

/**
 * ingest → model → emit, in memory: nothing is written. `inputs` are file paths (read from disk,
 * relative to `options.cwd`) or texts with the name to report them under. The CLI adds the file
 * system work on top (config, output folder, name lock, handlers file).
 */
export async function generate(
  inputs: readonly string[] | readonly InputText[],
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  const { cwd = process.cwd(), layout, readText, parse, lockedNames } = options;
  const config = Object.fromEntries(
    Object.entries(options).filter(([key]) => !(key in PROGRAM_ONLY)),
  );
  const resolved = resolveOptions(
    validateConfig(config, "generate() options"),
    {},
    {
      cwd,
      baseDir: cwd,
      file: "generate() options",
      layout: layout ?? DEFAULT_LAYOUT,
    },
  );
  const reading = { ...resolved.model, cwd, readText, parse };
  const ingested = isPaths(inputs)
    ? ingestFiles(inputs, reading)
    : ingestTexts(inputs, reading);
  const model = buildModel(ingested.documents, ingested.diagnostics, {
    ...resolved.model,
    lockedNames,
  });
  const emitted = await runPlugins(model, resolved.emit);
  const reporter = new Reporter();
  reporter.add(resolved.warnings);
  reporter.add(model.diagnostics);
  reporter.add(emitted.diagnostics);
  return {
    model,
    files: collectFiles(emitted.batches),
    diagnostics: reporter.diagnostics,
  };
}

/** The options only a program gives, which are not the config's. */
const PROGRAM_ONLY = {
  cwd: true,
  layout: true,
  readText: true,
  parse: true,
  lockedNames: true,
} satisfies Record<
  Exclude<keyof GenerateOptions, keyof ApiloomSettings | number>,
  true
>;

function isPaths(
  inputs: readonly string[] | readonly InputText[],
): inputs is readonly string[] {
  return inputs.every((input) => typeof input === "string");
}
