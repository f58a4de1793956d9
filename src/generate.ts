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
 * The options of `generate()`: the config's settings (your `plugins` and their options under their
 * names; paths relative to `cwd`), checked as the CLI checks them, plus what only a program gives.
 * Inputs, output folder, lock and strictness are the CLI's business.
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
 * relative to `options.cwd`, resolved as the CLI's are) or texts with the name to report them under.
 */
export async function generate(
  inputs: Inputs,
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  const {
    cwd = process.cwd(),
    layout = DEFAULT_LAYOUT,
    readText,
    parse,
    lockedNames,
    ...config
  } = options;
  const resolved = resolveOptions(
    validateConfig(config, "generate() options"),
    {},
    { cwd, baseDir: cwd, file: "generate() options", layout },
  );
  // paths are resolved unless the caller reads them itself
  const paths = readText === undefined && isPaths(inputs);
  const resolvedInputs = paths
    ? await resolveInputs({
        ...resolved,
        baseDir: cwd,
        inputs,
        out: resolve(cwd, layout.outDir),
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
    sinceLastRun: noEarlierRun,
  });
  const result = await finish(making);
  const reporter = new Reporter();
  reporter.add(resolvedInputs?.diagnostics ?? []);
  reporter.add(resolved.warnings);
  reporter.add(result.diagnostics);
  return { ...result, diagnostics: reporter.diagnostics };
}
