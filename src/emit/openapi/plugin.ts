import { definePlugin } from "../artifact.js";

/** The `openapi` artifact: `openapi.json`, the merged model as one OpenAPI 3.1 document. */
export default definePlugin({
  name: "openapi",
  description: "openapi.json: the merged API as one OpenAPI 3.1 document",
  path: "openapi.json",
  async emit({ model }) {
    const { emitOpenApi } = await import("./index.js");
    return emitOpenApi(model, {});
  },
});
