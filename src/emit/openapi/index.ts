import type { Emitter } from "../artifact.js";
import { OPENAPI_FILE } from "./path.js";
import { openApiDocument } from "./document.js";
import { printJsonParts } from "./json.js";
import { partsFile } from "../shared/text-parts.js";

export { openApiDocument, OPENAPI_VERSION } from "./document.js";

/** `openapi.json` at the output root: the merged model as one OpenAPI 3.1 document. */
export const emitOpenApi: Emitter = (model) => [
  partsFile(
    OPENAPI_FILE,
    printJsonParts(openApiDocument(model, { lazyPaths: true })),
  ),
];
