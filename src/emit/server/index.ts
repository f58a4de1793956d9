import type { Emitter, GeneratedFile } from "../artifact.js";
import { createTypeIndex, emitTypesFile } from "../types/index.js";
import { contractsFile } from "./contracts-file.js";
import { routesFile } from "./routes-file.js";
import { serverTemplate } from "./template-text.js";
import { adapterProblem, SERVER_TEMPLATE_FILES } from "./adapters.js";

export { findAmbiguousRoutes, AMBIGUOUS_ROUTE } from "./ambiguous-routes.js";
export { handlerSignature } from "./signature.js";
export { BUILT_IN_ADAPTERS, adapterProblem } from "./adapters.js";

/**
 * The server artifact: `types.ts` (shared with the client) and `server/`: `contracts.ts` (the
 * `Handlers` type), `routes.ts` (route data), and fixed files copied from templates/server/:
 * `runtime.ts` (shared types), `router.ts`, `decode.ts`, `params.ts`, `listener.ts` (the node:http listener),
 * `index.ts` (`createRequestListener`), and one `<adapter>.ts` per adapter `options.serverAdapters`
 * lists (`fastify.ts`: the `apiRoutes` plugin; or the user's own template of that name).
 * The user's handlers file lives outside the output folder and is kept by src/scaffold/.
 */
export const emitServer: Emitter = (model, options) => {
  const index = createTypeIndex(model);
  const files: GeneratedFile[] = [
    emitTypesFile(model, index),
    { path: "server/contracts.ts", contents: contractsFile(model, index) },
    { path: "server/routes.ts", contents: routesFile(model) },
  ];
  for (const file of SERVER_TEMPLATE_FILES)
    files.push({
      path: `server/${file}`,
      contents: serverTemplate(file, options.templatesDir),
    });
  for (const adapter of new Set(options.serverAdapters ?? [])) {
    const problem = adapterProblem(adapter, options.templatesDir);
    if (problem) throw new Error(problem);
    files.push({
      path: `server/${adapter}.ts`,
      contents: serverTemplate(`${adapter}.ts`, options.templatesDir),
    });
  }
  return files;
};
