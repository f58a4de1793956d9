import type { Emitter, GeneratedFile } from "../artifact.js";
import { createTypeIndex, emitTypesFile } from "../types/index.js";
import { contractsFile } from "./contracts-file.js";
import { routesFile } from "./routes-file.js";
import { serverTemplate } from "./template-text.js";

export { findAmbiguousRoutes, AMBIGUOUS_ROUTE } from "./ambiguous-routes.js";
export { handlerSignature } from "./signature.js";

/**
 * The server artifact: `types.ts` (shared with the client) and `server/`: `contracts.ts` (the
 * `Handlers` type), `routes.ts` (route data), and the fixed `runtime.ts`, `index.ts`
 * (`createRequestListener`) and `fastify.ts` (`apiRoutes` plugin) copied from templates/server/.
 * The user's handlers file lives outside the output folder and is kept by src/scaffold/.
 */
export const emitServer: Emitter = (model, options) => {
  const index = createTypeIndex(model);
  const files: GeneratedFile[] = [
    emitTypesFile(model, index),
    { path: "server/contracts.ts", contents: contractsFile(model, index) },
    { path: "server/routes.ts", contents: routesFile(model) },
  ];
  for (const file of ["runtime.ts", "index.ts", "fastify.ts"])
    files.push({
      path: `server/${file}`,
      contents: serverTemplate(file, options.templatesDir),
    });
  return files;
};
