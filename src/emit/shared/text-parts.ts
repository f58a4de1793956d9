import type { GeneratedFile } from "../artifact.js";

/**
 * A generated file whose text is the concatenation of `parts`, joined only when someone reads
 * `contents` (then once, and kept). The CLI writes such a file part by part as soon as it is
 * made (workflow/early-stage.ts), so GitHub's largest files (openapi.json, validators/schemas.ts:
 * 15 MB each) are never joined into one string: that copy, as large as the file, was garbage
 * that the heap had to hold until its next full collection.
 */
export function partsFile(
  path: string,
  parts: readonly string[],
): GeneratedFile {
  let joined: string | undefined;
  const file: GeneratedFile = {
    path,
    get contents(): string {
      return (joined ??= parts.join(""));
    },
  };
  PARTS.set(file, parts);
  return file;
}

const PARTS = new WeakMap<GeneratedFile, readonly string[]>();

/** The parts of a {@link partsFile}, undefined for any other file. */
export function textParts(file: GeneratedFile): readonly string[] | undefined {
  return PARTS.get(file);
}

/** `items.join(separator)` as parts: the items with the separator between them. */
export function joinedParts(
  items: readonly string[],
  separator: string,
): string[] {
  const out: string[] = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(separator);
    out.push(item);
  });
  return out;
}
