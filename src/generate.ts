import { DEFAULT_LAYOUT, type OutputLayout } from "./emit/layout.js";
import { Reporter } from "./model/diagnostics/reporter.js";
import { finish } from "./emit/run.js";
import {
  isPaths,
  runPipeline,
  type GenerateResult,
  type Inputs,
  type LoadOptions,
} from "./pipeline.js";
import type { ApiloomSettings } from "./workflow/config/types.js";
import { validateConfig } from "./workflow/config/validate.js";
import { resolveOptions } from "./workflow/config/settings.js";
import { overlayOptions } from "./workflow/config/overlay-settings.js";
import { noEarlierRun } from "./workflow/records/since-last-run.js";
import { resolveInputs } from "./workflow/sources/resolve-inputs.js";
import { remoteSettings } from "./workflow/config/remote-settings.js";
import { DEFAULT_MAX_INPUT_BYTES } from "./ingest/read-source.js";
import { resolve } from "node:path";

/**
 * The options of `generate()`: the config's (apiloom.config's settings, your `plugins` and their
 * options under their names; paths relative to `cwd`), resolved and checked by the same code as
 * the CLI's, plus what only a program gives. Inputs, output folder, lock and strictness are the
 * CLI's business and are not among them.
 */
export interface GenerateOptions
  extends
    Omit<ApiloomSettings, "inputs" | "out" | "lock" | "strict" | "remote">,
    Pick<LoadOptions, "cwd" | "readText" | "parse" | "lockedNames"> {
  /** Where the output will be in the project (default `generated`): the docs' imports use it. */
  layout?: OutputLayout;
  /** Options of a plugin of your own, under its name. */
  [plugin: string]: unknown;
}

/**
 * ingest → model → emit, in memory: nothing is written. `inputs` are paths (files, globs and URLs
 * relative to `options.cwd`, resolved as the CLI resolves its inputs: workflow/sources/resolve-inputs.ts)
 * or texts with the name to report them under. It runs the pipeline
 * the CLI runs (src/pipeline.ts); the CLI adds the file system work on top (config, output
 * folder, name lock, handlers file).
 */
export async function generate(
  inputs: Inputs,
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  // what only a program gives, which is not the config's
  const {
    cwd = process.cwd(),
    layout,
    readText,
    parse,
    lockedNames,
    ...config
  } = options;
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
  // file paths are resolved as the CLI resolves its inputs (globs, URLs, remote $refs, overlays)
  // unless the caller reads them itself; texts are read as given
  const paths = readText === undefined && isPaths(inputs);
  const resolvedInputs = paths
    ? await resolveInputs({
        ...resolved,
        baseDir: cwd,
        inputs,
        out: resolve(cwd, (layout ?? DEFAULT_LAYOUT).outDir),
        remote: remoteSettings(undefined, {}),
        maxInputBytes: DEFAULT_MAX_INPUT_BYTES,
      })
    : undefined;
  const making = runPipeline(resolvedInputs?.inputFiles ?? inputs, {
    load: {
      ...(resolvedInputs?.load ?? {
        ...resolved.model,
        overlays: overlayOptions(resolved.model.overlays, cwd),
        cwd,
        readText,
      }),
      parse,
      lockedNames,
    },
    emit: resolved.emit,
    // what the CLI makes in an empty folder: the docs' changelog page says it is the first run
    sinceLastRun: noEarlierRun,
  });
  const result = await finish(making);
  const reporter = new Reporter();
  reporter.add(resolvedInputs?.diagnostics ?? []);
  reporter.add(resolved.warnings);
  reporter.add(result.diagnostics);
  return { ...result, diagnostics: reporter.diagnostics };
}
