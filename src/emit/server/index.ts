import type { Emitter, GeneratedFile } from "../artifact.js";
import { createTypeIndex, emitTypesFile } from "../types/index.js";
import { contractsFile } from "./contracts-file.js";
import { routesFile } from "./routes-file.js";
import { serverTemplate } from "./template-text.js";

export { findAmbiguousRoutes, AMBIGUOUS_ROUTE } from "./ambiguous-routes.js";
export { handlerSignature } from "./signature.js";

/**
 * The framework adapter: it imports `fastify`, so a project without Fastify installed cannot
 * compile it. The CLI may leave it out of the output (a `server.adapters` setting, say).
 */
export const FASTIFY_ADAPTER_FILE = "server/fastify.ts";

/** The fixed files of `server/`, copied from templates/server/. */
const TEMPLATE_FILES = [
  "runtime.ts",
  "router.ts",
  "decode.ts",
  "params.ts",
  "listener.ts",
  "index.ts",
  "fastify.ts",
];

/**
 * The server artifact: `types.ts` (shared with the client) and `server/`: `contracts.ts` (the
 * `Handlers` type), `routes.ts` (route data), and fixed files copied from templates/server/:
 * `runtime.ts` (shared types), `router.ts`, `decode.ts`, `params.ts`, `listener.ts` (the node:http listener),
 * `index.ts` (`createRequestListener`) and `fastify.ts` (the `apiRoutes` plugin).
 * The user's handlers file lives outside the output folder and is kept by src/scaffold/.
 */
export const emitServer: Emitter = (model, options) => {
  const index = createTypeIndex(model);
  const files: GeneratedFile[] = [
    emitTypesFile(model, index),
    { path: "server/contracts.ts", contents: contractsFile(model, index) },
    { path: "server/routes.ts", contents: routesFile(model) },
  ];
  for (const file of TEMPLATE_FILES)
    files.push({
      path: `server/${file}`,
      contents: serverTemplate(file, options.templatesDir),
    });
  return files;
};
