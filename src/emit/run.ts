import type { ApiModel, Diagnostic } from "../model/types.js";
import {
  withNeeds,
  type ArtifactName,
  type EmitOptions,
  type Emitter,
  type GeneratedFile,
} from "./artifact.js";
import { baseUrlDiagnostics } from "./client/base-url.js";
import { findAmbiguousRoutes } from "./server/ambiguous-routes.js";

/** What one emitter returned, named for the error when two emitters make one path. */
export interface EmitterBatch {
  emitter: ArtifactName;
  files: GeneratedFile[];
}

/**
 * Runs the emitters of `wanted` and of everything they need (`ARTIFACT_NEEDS`), in `ARTIFACTS`
 * order, and says what the emitted code cannot do: two server routes one URL matches, no default
 * base URL for the client. `emitters` is a parameter so that a caller that loads them lazily (the
 * CLI) or fakes them (tests) keeps doing so.
 */
export async function runEmitters(
  emitters: Readonly<Record<ArtifactName, Emitter>>,
  model: ApiModel,
  wanted: Iterable<ArtifactName>,
  options: EmitOptions,
  onArtifact: (artifact: ArtifactName) => void = () => {},
): Promise<{ batches: EmitterBatch[]; diagnostics: Diagnostic[] }> {
  const artifacts = withNeeds(wanted);
  const batches: EmitterBatch[] = [];
  for (const artifact of artifacts) {
    onArtifact(artifact);
    batches.push({
      emitter: artifact,
      files: await emitters[artifact](model, options),
    });
  }
  return {
    batches,
    diagnostics: [
      // two routes one URL can match: the server's router would pick one silently
      ...(artifacts.includes("server") ? findAmbiguousRoutes(model) : []),
      // a first server with no host: the client has no default base URL
      ...(artifacts.includes("client")
        ? baseUrlDiagnostics(model, options.baseUrl)
        : []),
    ],
  };
}
