import type { GeneratedFile } from "./artifact.js";
import { streamedFile, textMaker } from "./shared/text-parts.js";

/** What is wrong with what a plugin's `emit` returned, or undefined when it is a list of files. */
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

/** What a value is, in words. */
function kind(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "no value";
  if (Array.isArray(value)) return "an array";
  if (value instanceof Uint8Array) return "bytes";
  const type = typeof value;
  return type === "object" ? "an object" : `a ${type}`;
}

/**
 * The files with `// @ts-nocheck` in those marked `skipTypecheck`: below the first line when it is
 * a `//` comment (TypeScript reads the pragma in any comment before the first statement).
 */
export function withNocheck(files: GeneratedFile[]): GeneratedFile[] {
  if (!files.some((f) => f.skipTypecheck)) return files;
  return files.map((file) => {
    if (!file.skipTypecheck) return file;
    const make = textMaker(file);
    if (make)
      return streamedFile(file.path, (out) => {
        let first = true;
        make({
          write(piece) {
            out.write(first ? nocheck(piece) : piece);
            first = false;
          },
        });
        if (first) out.write(nocheck(""));
      });
    return { path: file.path, contents: nocheck(file.contents) };
  });
}

/** The pragma TypeScript (5 and 7, Deno's too) reads to report nothing of a file. */
export const NOCHECK_LINE =
  "// @ts-nocheck: your tsc reads the types here without checking this file again (config `typecheckGenerated: true` checks it)\n";

function nocheck(text: string): string {
  const end = text.startsWith("//") ? text.indexOf("\n") : -1;
  return end < 0
    ? NOCHECK_LINE + text
    : text.slice(0, end + 1) + NOCHECK_LINE + text.slice(end + 1);
}
