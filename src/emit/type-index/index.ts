/**
 * The type index: the TypeScript names and type expressions of an API model, made once per run
 * (`createTypeIndex`, a plugin's `types`); the `types` artifact declares them in `types.ts`
 * (docs/types.md, "Names").
 */
export { ENDPOINT_TYPE_SUFFIXES } from "./names.js";
export { flat } from "./print.js";
export type { SchemaMode } from "./schema-to-type.js";
export type { TypeNode } from "./type-node.js";
export {
  createTypeIndex,
  printType,
  type EndpointTypes,
  type TypeIndex,
} from "./type-index.js";
