import type { GeneratedFile } from "./artifact.js";
import { textMaker } from "./shared/text-parts.js";

/**
 * What is wrong with what a plugin's `emit` returned, or undefined when it is a list of files:
 * each an object with a `path` (a string) and `contents` (a string). Said for the error that
 * names the plugin (run.ts) and the file.
 */
export function malformedFile(made: unknown): string | undefined {
  if (!Array.isArray(made))
    return `returned ${kind(made)} from emit, not a list of files ({ path, contents })`;
  for (let i = 0; i < made.length; i++) {
    const file: unknown = made[i];
    if (typeof file !== "object" || file === null)
      return `returned ${kind(file)} as file ${i + 1} of its list, not a file ({ path, contents })`;
    const { path } = file as { path?: unknown };
    if (typeof path !== "string")
      return `returned file ${i + 1} of its list with ${kind(path)} as its path, not a string`;
    // a streamed file's text is made as it is written: reading it here would make it twice
    if (textMaker(file as GeneratedFile)) continue;
    const { contents } = file as { contents?: unknown };
    if (typeof contents !== "string")
      return `returned the file ${JSON.stringify(path)} with ${kind(contents)} as its contents, not a string`;
  }
  return undefined;
}

/** `null`, `undefined`, `a number`, `an array`, `an object` … : what a value is, in words. */
function kind(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "no value";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Uint8Array) return "bytes";
  const type = typeof value;
  return type === "object" ? "an object" : `a ${type}`;
}
