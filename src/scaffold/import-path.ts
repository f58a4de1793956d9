import { dirname, relative, sep } from "node:path";
import { ARTIFACT_PATHS } from "../emit/registry.js";

/**
 * The module specifier the handlers file imports the generated server from: `<outputDir>/server/
 * index.js` relative to the handlers file's folder (`../../generated/server/index.js`).
 */
export function serverImportPath(
  handlersFile: string,
  outputDir: string,
): string {
  const target = relative(dirname(handlersFile), outputDir)
    .split(sep)
    .join("/");
  const specifier = `${target === "" ? "." : target}/${ARTIFACT_PATHS.server}/index.js`;
  return specifier.startsWith(".") ? specifier : `./${specifier}`;
}
