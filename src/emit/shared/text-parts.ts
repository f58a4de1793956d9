import type { GeneratedFile } from "../artifact.js";

/** Where a {@link streamedFile} writes its text, piece by piece, in order. */
export interface TextOut {
  write(piece: string): void;
}

/**
 * A generated file whose text `make` writes piece by piece when wanted (the CLI stages each as it
 * comes; `contents` joins them once). `make` runs after its plugin has returned, maybe twice: it
 * must make the same text each time and report nothing.
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
export const textMaker = (file: GeneratedFile) => STREAMED.get(file);
