import type { ArtifactName, EmitOptions } from "./emit/artifact.js";
import { ARTIFACTS } from "./emit/artifact.js";
import { EMITTERS } from "./emit/index.js";
import {
  runPipeline,
  type GenerateResult,
  type Inputs,
  type LoadOptions,
} from "./pipeline.js";

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

/**
 * ingest → model → emit, in memory: nothing is written. `inputs` are file paths (read from disk,
 * relative to `options.cwd`) or texts with the name to report them under. It runs the pipeline
 * the CLI runs (src/pipeline.ts); the CLI adds the file system work on top (config, output
 * folder, name lock, handlers file).
 */
export async function generate(
  inputs: Inputs,
  options: GenerateOptions = {},
): Promise<GenerateResult> {
  return runPipeline(inputs, {
    load: options,
    artifacts: options.artifacts ?? ARTIFACTS,
    emitters: EMITTERS,
    emit: {
      templatesDir: options.templatesDir,
      baseUrl: options.baseUrl,
      serverAdapters: options.serverAdapters,
      validateResponses: options.validateResponses,
      docs: options.docs,
      layout: options.layout,
    },
  });
}
