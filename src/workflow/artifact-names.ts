import type { ArtifactName } from "../emit/artifact.js";

/**
 * The artifact names, listed without importing the emitters (the config loader must not pull
 * every emitter in). A test checks this stays equal to the keys of EMITTERS.
 */
export const ARTIFACT_NAMES: readonly ArtifactName[] = [
  "client",
  "server",
  "docs",
  "openapi",
];
