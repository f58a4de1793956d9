import type { Emitter } from "../artifact.js";

/** Not written yet: returns no files. */
export const emitServer: Emitter = () => [];
