import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * A file apiloom keeps outside the output folder (the name lock, the user's handlers file).
 * Written only when its text changed, so an unchanged one keeps its mtime, and through a temp
 * name and a rename, so a kill never leaves it torn.
 */
export interface OutsideFile {
  /** Absolute path. */
  file: string;
  text: string;
}

export function readIfExists(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** True when the file was written. */
export function writeFileIfChanged({ file, text }: OutsideFile): boolean {
  if (readIfExists(file) === text) return false;
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.apiloom-tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
  return true;
}
