import type { GeneratedFile } from "./emit/artifact.js";
import {
  emitPlugins,
  type EmitterBatch,
  type PluginRun,
  type RunHooks,
} from "./emit/run.js";
import {
  readFiles,
  readTexts,
  type IngestOptions,
  type InputText,
  type ReadOptions,
} from "./ingest/index.js";
import {
  buildModelTakingDocuments,
  type BuildOptions,
} from "./model/merge/build.js";
import { Reporter } from "./model/diagnostics/reporter.js";
import { EMIT_CODES } from "./emit/codes.js";
import { INGEST_CODES } from "./ingest/codes.js";
import type { ApiModel, Diagnostic } from "./model/types.js";
import { collectFiles } from "./workflow/output/output-files.js";

export type LoadOptions = IngestOptions & BuildOptions;

/** {@link LoadOptions} and what only apiloom's own runs pass (ReadOptions): not public API. */
export type RunLoadOptions = LoadOptions &
  Omit<ReadOptions, keyof IngestOptions>;

/** File paths (read through `readText`, relative to `cwd`) or texts with the name to report. */
export type Inputs = readonly string[] | readonly InputText[];

/** ingest → model: reads the inputs and returns the one merged model with its diagnostics. */
export function loadModel(inputs: Inputs, options: LoadOptions = {}): ApiModel {
  return loadModelForRun(inputs, options);
}

/**
 * {@link loadModel}, with what only the CLI's runs pass (`deferPlaces`, a watch's parse cache):
 * the one seam where the places a run prints are found, so no emitter finds any.
 */
export function loadModelForRun(inputs: Inputs, options: RunLoadOptions) {
  // not kept in a variable here: the documents are garbage once merged
  const read = isPaths(inputs)
    ? readFiles(inputs, options)
    : readTexts(inputs, options);
  const deferred = options.deferPlaces;
  // the places the run prints and the reading's diagnostics' are found in one walk of each
  // document (the build's diagnostics mostly point among them), then the texts can go
  const printed = deferred?.printedOf(read.documents ?? []) ?? [];
  if (printed.length > 0) read.reporter.settle(printed);
  const model = buildModelTakingDocuments(read, read.reporter, options);
  deferred?.findPrintedThenDropTexts(model);
  return model;
}

export interface GenerateResult {
  model: ApiModel;
  /** Every generated file, sorted by path; paths are relative to an output folder, with `/`. */
  files: GeneratedFile[];
  /** The model's diagnostics plus the plugins' (ambiguous server routes, no client base URL). */
  diagnostics: Diagnostic[];
}

/**
 * The one pipeline, ingest → model → emit, in memory: `generate()` and the CLI's `produce()` both
 * run it. Each plugin's batch is yielded as it is made; `finish` runs it to its end.
 */
export async function* runPipeline(
  inputs: Inputs,
  /** Everything the pipeline is told: resolved by its caller, nothing defaulted here. */
  settings: {
    load: RunLoadOptions;
    emit: PluginRun;
    /** Told what the run is doing, for a progress line. */
    onStage?: (message: string) => void;
    /** The last run beside this one, for the plugins' context. */
    sinceLastRun?: RunHooks["sinceLastRun"];
  },
): AsyncGenerator<EmitterBatch, GenerateResult, undefined> {
  const onStage = settings.onStage ?? (() => {});
  onStage(`reading ${inputs.length} input${inputs.length === 1 ? "" : "s"}`);
  const model = loadModelForRun(inputs, {
    analyzePatterns: [...settings.emit.artifacts].includes("validators"),
    ...settings.load,
  });
  const emitted = yield* emitPlugins(model, settings.emit, {
    onArtifact: (artifact) => onStage(`making the ${artifact}`),
    sinceLastRun: settings.sinceLastRun,
    // the readers' codes too: the docs say what the model's diagnostics mean
    reporter: new Reporter({ ...INGEST_CODES, ...EMIT_CODES }),
  });
  const reporter = new Reporter();
  reporter.add([...model.diagnostics, ...emitted.diagnostics]);
  return {
    model,
    files: collectFiles(emitted.batches),
    diagnostics: reporter.diagnostics,
  };
}

export function isPaths(inputs: Inputs): inputs is readonly string[] {
  return inputs.every((input) => typeof input === "string");
}
