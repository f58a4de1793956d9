import type {
  ArtifactName,
  EmitOptions,
  GeneratedFile,
} from "./emit/artifact.js";
import { ARTIFACTS } from "./emit/artifact.js";
import { EMITTERS } from "./emit/index.js";
import { runEmitters } from "./emit/run.js";
import { ingestFiles, ingestTexts, type InputText } from "./ingest/index.js";
import { buildModel } from "./model/build.js";
import { Reporter } from "./model/reporter.js";
import type { ApiModel, Diagnostic } from "./model/types.js";
import type { LoadOptions } from "./pipeline.js";
import { collectFiles } from "./workflow/output-files.js";

export interface GenerateOptions extends LoadOptions {
  /**
   * Which artifacts to make, in any order (default: all of `ARTIFACTS`); what they need comes
   * too (`client` makes `types` and `validators`).
   */
  artifacts?: readonly ArtifactName[];
  /** A folder holding the user's copies of templates; files missing there fall back to apiloom's. */
  templatesDir?: string;
  /** Overrides the model's servers for the generated client's default base URL. */
  baseUrl?: string;
  /** Server framework adapters to emit beside the node:http listener: `fastify`. Default none. */
  serverAdapters?: readonly string[];
  /** The generated server checks its JSON answers by default (`server.validateResponses`). */
  validateResponses?: boolean;
  /** Docs options (`groupBy`), as EmitOptions has them. */
  docs?: EmitOptions["docs"];
  /** Where the output will be in the project (default `generated`), as EmitOptions has it. */
  layout?: EmitOptions["layout"];
}

export interface GenerateResult {
  model: ApiModel;
  /** Every generated file, sorted by path; paths are relative to an output folder, with `/`. */
  files: GeneratedFile[];
  /** The model's diagnostics plus the emitters' (ambiguous server routes, no client base URL). */
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
  const ingested = isPaths(inputs)
    ? ingestFiles(inputs, options)
    : ingestTexts(inputs, options);
  const model = buildModel(ingested.documents, ingested.diagnostics, options);
  const emitted = await runEmitters(
    EMITTERS,
    model,
    options.artifacts ?? ARTIFACTS,
    {
      templatesDir: options.templatesDir,
      baseUrl: options.baseUrl,
      serverAdapters: options.serverAdapters,
      validateResponses: options.validateResponses,
      docs: options.docs,
      layout: options.layout,
    },
  );
  const reporter = new Reporter();
  reporter.add(model.diagnostics);
  reporter.add(emitted.diagnostics);
  return {
    model,
    files: collectFiles(emitted.batches),
    diagnostics: reporter.diagnostics,
  };
}

function isPaths(
  inputs: readonly string[] | readonly InputText[],
): inputs is readonly string[] {
  return inputs.every((input) => typeof input === "string");
}
