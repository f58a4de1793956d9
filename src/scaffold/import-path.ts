import { dirname, relative, sep } from "node:path";

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
  const specifier = `${target === "" ? "." : target}/server/index.js`;
  return specifier.startsWith(".") ? specifier : `./${specifier}`;
}

/**
 * The module specifier a file in `fromDir` (the project folder: the config's, or the working
 * folder) imports the generated client from: `./generated/client/index.js`, `./build/api/client/
 * index.js`, `../api/client/index.js`. The docs' client examples start with it.
 */
export function clientImportPath(fromDir: string, outputDir: string): string {
  const target = relative(fromDir, outputDir).split(sep).join("/");
  const specifier = `${target === "" ? "." : target}/client/index.js`;
  return specifier.startsWith(".") ? specifier : `./${specifier}`;
}
