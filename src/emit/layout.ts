import { relative, sep } from "node:path";
import type { OutputLayout } from "./artifact.js";

export type { OutputLayout };

/** The layout of `apiloom generate` with no `out`: `generated/` in the project folder. */
export const DEFAULT_LAYOUT: OutputLayout = Object.freeze({
  outDir: "generated",
});

/** The layout of an output folder `outDir` in the project folder `projectDir` (absolute paths). */
export function outputLayout(
  projectDir: string,
  outDir: string,
  importExtension?: OutputLayout["importExtension"],
): OutputLayout {
  const layout = {
    outDir: relative(projectDir, outDir).split(sep).join("/") || ".",
  };
  return importExtension === ".ts" ? { ...layout, importExtension } : layout;
}

/** The specifier a file of the project folder imports `path` (in the output folder) by. */
export function importFromProject(layout: OutputLayout, path: string): string {
  const specifier = layout.outDir === "." ? path : `${layout.outDir}/${path}`;
  const named =
    layout.importExtension === ".ts"
      ? specifier.replace(/\.js$/, ".ts")
      : specifier;
  return named.startsWith(".") ? named : `./${named}`;
}
