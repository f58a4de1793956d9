import type {
  ArtifactName,
  EmitOptions,
  GeneratedFile,
} from "./emit/artifact.js";
import { ARTIFACTS } from "./emit/artifact.js";
import { EMITTERS } from "./emit/index.js";
import { findAmbiguousRoutes } from "./emit/server/index.js";
import { baseUrlDiagnostics } from "./emit/client/base-url.js";
import { ingestFiles, ingestTexts, type InputText } from "./ingest/index.js";
import { buildModel } from "./model/build.js";
import { Reporter } from "./model/reporter.js";
import type { ApiModel, Diagnostic } from "./model/types.js";
import type { LoadOptions } from "./pipeline.js";
import { collectFiles } from "./workflow/output-files.js";

export interface GenerateOptions extends LoadOptions {
  /** Which artifacts to make, in any order (default: all of `ARTIFACTS`). */
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
  const wanted = new Set(options.artifacts ?? ARTIFACTS);
  const batches: { emitter: string; files: GeneratedFile[] }[] = [];
  for (const artifact of ARTIFACTS) {
    if (!wanted.has(artifact)) continue;
    const files = await EMITTERS[artifact](model, {
      templatesDir: options.templatesDir,
      baseUrl: options.baseUrl,
      serverAdapters: options.serverAdapters,
      validateResponses: options.validateResponses,
      docs: options.docs,
    });
    batches.push({ emitter: artifact, files });
  }
  const reporter = new Reporter();
  reporter.add(model.diagnostics);
  if (wanted.has("server")) reporter.add(findAmbiguousRoutes(model));
  if (wanted.has("client"))
    reporter.add(baseUrlDiagnostics(model, options.baseUrl));
  return {
    model,
    files: collectFiles(batches),
    diagnostics: reporter.diagnostics,
  };
}

function isPaths(
  inputs: readonly string[] | readonly InputText[],
): inputs is readonly string[] {
  return inputs.every((input) => typeof input === "string");
}
