import { readFileSync } from "node:fs";
import type { GeneratedFile } from "../../emit/artifact.js";

/** A generated file whose text was written to the writer's staging folder as soon as made. */
export interface StagedText {
  /** `.apiloom-staging/<n>`, relative to the output folder. */
  name: string;
  /** sha256 of the staged bytes (the UTF-8 of the text), and how many there are. */
  hash: string;
  bytes: number;
}

const STAGED = new WeakMap<GeneratedFile, StagedText>();

export function stagedText(file: GeneratedFile): StagedText | undefined {
  return STAGED.get(file);
}

/** A file whose `contents` are read back from its staged copy at `absName` when asked for. */
export function stagedFile(path: string, absName: string, staged: StagedText) {
  const file: GeneratedFile = Object.freeze({
    path,
    get contents(): string {
      return readFileSync(absName, "utf8");
    },
  });
  STAGED.set(file, staged);
  return file;
}
