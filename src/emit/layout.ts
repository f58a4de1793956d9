import { relative, sep } from "node:path";
import type { OutputLayout } from "./artifact.js";
import { BUILT_IN_PLUGINS, type ArtifactName } from "./registry.js";

export type { OutputLayout };

/**
 * Where each of apiloom's artifacts lives in the output folder (each plugin's `path`): a file
 * (`types.ts`, `openapi.json`) or a folder of files. Emitters name their files, and the files of
 * other artifacts they import, from here; apiloom's runtime templates import each other by these
 * same relative places (`../validators/endpoints.js` from `server/validate.ts`), so the places are
 * fixed, not options.
 */
export const ARTIFACT_PATHS: Readonly<Record<ArtifactName, string>> =
  Object.freeze(
    Object.fromEntries(
      BUILT_IN_PLUGINS.map((plugin) => [plugin.name, plugin.path]),
    ) as Record<ArtifactName, string>,
  );

/** The layout of `apiloom generate` with no `out`: `generated/` in the project folder. */
export const DEFAULT_LAYOUT: OutputLayout = { outDir: "generated" };

/** The layout of an output folder `outDir` in the project folder `projectDir` (absolute paths). */
export function outputLayout(projectDir: string, outDir: string): OutputLayout {
  return { outDir: relative(projectDir, outDir).split(sep).join("/") || "." };
}

/**
 * The module specifier a file of the project folder imports `path` (relative to the output
 * folder) by: `./generated/client/index.js`, `./build/api/client/index.js`, `../api/client/index.js`.
 */
export function importFromProject(layout: OutputLayout, path: string): string {
  const specifier = layout.outDir === "." ? path : `${layout.outDir}/${path}`;
  return specifier.startsWith(".") ? specifier : `./${specifier}`;
}
