import { relative, sep } from "node:path";
import type { GeneratedFile } from "../../emit/artifact.js";
import { RESERVED } from "./output-files.js";
import { OutsideFileError } from "./outside-file.js";
import { isInside, realNote, realPathOf } from "../sources/real-path.js";

/**
 * The name lock is the user's file, kept beside the output: it must not land on a path apiloom
 * generates (a generated file, a folder generated files go in, or apiloom's bookkeeping), or one
 * would overwrite the other. Compared by real path, so a link on the way to the lock (or to the
 * output folder) does not hide it. Checked once the run knows its files, before anything is
 * written; a lock elsewhere in the output folder (beside files the user keeps there) is fine.
 */
export function checkLockPlace(
  settings: { readonly out: string; readonly lock?: string },
  files: readonly Pick<GeneratedFile, "path">[],
): void {
  if (!settings.lock) return;
  const root = realPathOf(settings.out);
  const lock = realPathOf(settings.lock);
  if (!isInside(lock, root)) return;
  const rel = relative(root, lock).split(sep).join("/");
  const generated =
    rel === "" ||
    RESERVED.has(rel.split("/")[0]!) ||
    files.some((f) => f.path === rel || f.path.startsWith(`${rel}/`));
  if (!generated) return;
  throw new OutsideFileError(
    `the name lock ${settings.lock}${realNote(settings.lock)} is ${rel === "" ? "the output folder itself" : `${rel} of the output folder ${settings.out}${realNote(settings.out)}`}, which apiloom generates; keep the lock outside what apiloom writes (--lock, or "lock" in the config)`,
  );
}
