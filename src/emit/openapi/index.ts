import type { ApiModel } from "../../model/types.js";
import type { GeneratedFile } from "../artifact.js";
import { OPENAPI_FILE } from "./path.js";
import { openApiDocument } from "./document.js";
import { printJsonTo } from "./print-json.js";
import { streamedFile } from "../toolkit.js";

export { openApiDocument } from "./document.js";

/**
 * `openapi.json` at the output root: the merged model as one OpenAPI 3.1 document, printed when
 * the file is written (the CLI writes its text as it is printed, without holding it).
 */
export const emitOpenApi = (model: ApiModel): GeneratedFile[] => [
  streamedFile(OPENAPI_FILE, (out) =>
    printJsonTo(openApiDocument(model, { lazyPaths: true }), out),
  ),
];
