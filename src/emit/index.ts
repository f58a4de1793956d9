import type { ArtifactName, Emitter } from "./artifact.js";
import { emitClient } from "./client/index.js";
import { emitServer } from "./server/index.js";
import { emitDocs } from "./docs/index.js";
import { emitOpenApi } from "./openapi/index.js";

/** Every artifact apiloom can make, in the order they are made. */
export const EMITTERS: Record<ArtifactName, Emitter> = {
  client: emitClient,
  server: emitServer,
  docs: emitDocs,
  openapi: emitOpenApi,
};

export const ARTIFACTS = Object.keys(EMITTERS) as ArtifactName[];
