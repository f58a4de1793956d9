import type { GeneratedFile } from "../artifact.js";

/**
 * A generated file whose text is the concatenation of `parts`, joined only when someone reads
 * `contents` (then once, and kept). The CLI writes such a file part by part as soon as it is
 * made (workflow/output/early-stage.ts), so GitHub's largest files (openapi.json, validators/schemas.ts:
 * 15 MB each) are never joined into one string: that copy, as large as the file, was garbage
 * that the heap had to hold until its next full collection.
 */
export function partsFile(
  path: string,
  parts: readonly string[],
  marks: Pick<GeneratedFile, "skipTypecheck"> = {},
): GeneratedFile {
  let joined: string | undefined;
  const file: GeneratedFile = {
    path,
    ...marks,
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

/** Where a {@link streamedFile} writes its text, piece by piece, in order. */
export interface TextOut {
  write(piece: string): void;
}

/**
 * A generated file whose text is made only when it is wanted, by `make` writing its pieces in
 * order. The CLI hands it a sink that encodes and writes each piece to the file's staged copy as
 * it comes (workflow/output/early-stage.ts), so no piece lives longer than a few kilobytes of output:
 * held until the file was complete, GitHub's openapi.json (15 MB) lived long enough to be copied
 * into V8's old generation, which then needed collecting again. Read as `contents`, the pieces
 * are joined once and kept. `make` must make the same text each time it is called, and report
 * nothing: it runs after its plugin has returned, maybe twice (the CLI makes the text again
 * when staging it failed).
 */
export function streamedFile(
  path: string,
  make: (out: TextOut) => void,
  marks: Pick<GeneratedFile, "skipTypecheck"> = {},
): GeneratedFile {
  let joined: string | undefined;
  const file: GeneratedFile = {
    path,
    ...marks,
    get contents(): string {
      if (joined === undefined) {
        const pieces: string[] = [];
        make({ write: (piece) => pieces.push(piece) });
        joined = pieces.join("");
      }
      return joined;
    },
  };
  STREAMED.set(file, make);
  return file;
}

const STREAMED = new WeakMap<GeneratedFile, (out: TextOut) => void>();

/** The maker of a {@link streamedFile}, undefined for any other file. */
export function textMaker(
  file: GeneratedFile,
): ((out: TextOut) => void) | undefined {
  return STREAMED.get(file);
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
