import type { ApiModel } from "../model/types.js";
import { loadInputs } from "../workflow/sources/resolve-inputs.js";
import type { GenerateSettings } from "../workflow/config/settings.js";

/** One side of a diff: the merged model, and the texts it was read from (for code frames). */
export interface LoadedSide {
  model: ApiModel;
  files: string[];
  /** The text of every file the side read, by absolute path. */
  texts: Map<string, string>;
  /** Where the side came from, for the report: `main`, `the working tree`, `old files`. */
  label: string;
}

/**
 * One side's inputs resolved as generate resolves them (files, globs, URLs, overlays, remote
 * `$ref`s; as committed at a git revision when one is given), merged, keeping each text read.
 */
export async function loadSide(
  settings: GenerateSettings,
  label: string,
  say: (line: string) => void,
  revision?: string,
): Promise<LoadedSide> {
  const texts = new Map<string, string>();
  const { model, inputFiles } = await loadInputs(
    settings,
    say,
    revision !== undefined ? { revision } : {},
    (absPath, text) => texts.set(absPath, text),
  );
  return { model, files: inputFiles, texts, label };
}
