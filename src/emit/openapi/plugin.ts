import { definePlugin } from "../artifact.js";
import { OPENAPI_FILE } from "./path.js";

/** The `openapi` artifact: `openapi.json`, the merged model as one OpenAPI 3.1 document. */
export default definePlugin({
  name: "openapi",
  description: "openapi.json: the merged API as one OpenAPI 3.1 document",
  path: OPENAPI_FILE,
  emit: async ({ model }) => (await import("./index.js")).emitOpenApi(model),
});
