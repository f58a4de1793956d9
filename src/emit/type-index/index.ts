/**
 * The type index: the TypeScript names and type expressions of an API model, made once per run
 * (`createTypeIndex`, a plugin's `types`); the `types` artifact declares them in `types.ts`
 * (docs/types.md, "Names").
 */
export { createTypeIndex, type EndpointTypes } from "./type-index.js";
