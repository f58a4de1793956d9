import { CHANGE_RULES } from "../diff/rules.js";
import type { GeneratedFile } from "../emit/artifact.js";
import { changelogPage } from "../emit/docs/changelog.js";
import type { PluginRun } from "../emit/run.js";
import { compareCodeUnits } from "../model/order.js";
import type { SinceLastRun } from "./since-last-run.js";

/** Where an artifact of the run lives in the output folder; undefined when it is not made. */
export function pluginPath(
  emit: Pick<PluginRun, "plugins" | "artifacts">,
  name: string,
): string | undefined {
  if (![...emit.artifacts].includes(name)) return undefined;
  return emit.plugins.find((p) => p.name === name)?.path;
}

/**
 * Adds the files the workflow makes beside the plugins' (the changelog page, the handlers'
 * record) to the run's, each in its sorted place (the manifest lists them in that order, as
 * collectFiles sorts the plugins'); a path a plugin already made is left to it.
 */
export function addRunFiles(
  files: GeneratedFile[],
  added: readonly (GeneratedFile | undefined)[],
): void {
  for (const file of added)
    if (file && !files.some((f) => f.path === file.path)) files.push(file);
  files.sort((a, b) => compareCodeUnits(a.path, b.path));
}

/** The changelog page of a run that makes the docs and the OpenAPI document; else undefined. */
export function changelogFor(
  emit: Pick<PluginRun, "plugins" | "artifacts">,
  since: SinceLastRun | undefined,
  /** Told when the last run's page is too large to read back (a warning, with its place). */
  onTooLarge?: (path: string, why: string) => void,
): GeneratedFile | undefined {
  const docsPath = pluginPath(emit, "docs");
  return since && docsPath !== undefined
    ? changelogPage(docsPath, since, CHANGE_RULES, onTooLarge)
    : undefined;
}
