import { defineBuiltIn } from "../artifact.js";
import { OPENAPI_FILE } from "./path.js";

/** The `openapi` artifact: `openapi.json`, the merged model as one OpenAPI 3.1 document. */
export default defineBuiltIn({
  name: "openapi",
  description: "openapi.json: the merged API as one OpenAPI 3.1 document",
  path: OPENAPI_FILE,
  // x-apiloom-sources: the endpoints' and the security schemes' places
  places: "endpoints",
  async emit({ model }) {
    const { emitOpenApi } = await import("./index.js");
    return emitOpenApi(model);
  },
});
