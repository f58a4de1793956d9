import type { GeneratedFile } from "../../emit/artifact.js";
import type { PluginRun } from "../../emit/run.js";
import { compareCodeUnits } from "../../model/order.js";

/** Where an artifact of the run lives in the output folder; undefined when it is not made. */
export function pluginPath(
  emit: Pick<PluginRun, "plugins" | "artifacts">,
  name: string,
): string | undefined {
  if (![...emit.artifacts].includes(name)) return undefined;
  return emit.plugins.find((p) => p.name === name)?.path;
}

/**
 * Adds the files the workflow makes beside the plugins' (the handlers' record) to the run's,
 * each in its sorted place (the manifest lists them in that order, as collectFiles sorts the
 * plugins'); a path a plugin already made is left to it.
 */
export function addRunFiles(
  files: GeneratedFile[],
  added: readonly (GeneratedFile | undefined)[],
): void {
  for (const file of added)
    if (file && !files.some((f) => f.path === file.path)) files.push(file);
  files.sort((a, b) => compareCodeUnits(a.path, b.path));
}
