import type { ArtifactName, Emitter } from "./artifact.js";
import { emitTypes } from "./types/index.js";
import { emitClient } from "./client/index.js";
import { emitServer } from "./server/index.js";
import { emitDocs } from "./docs/index.js";
import { emitOpenApi } from "./openapi/index.js";
import { emitValidators } from "./validators/index.js";

/** The emitter of each artifact (the keys are `ARTIFACTS`, checked by the type); frozen. */
export const EMITTERS: Readonly<Record<ArtifactName, Emitter>> = Object.freeze({
  types: emitTypes,
  client: emitClient,
  server: emitServer,
  validators: emitValidators,
  docs: emitDocs,
  openapi: emitOpenApi,
});

export { ARTIFACTS } from "./artifact.js";
