import type { GeneratedFile } from "../../emit/artifact.js";
import { RESERVED } from "./output-files.js";
import { OutsideFileError } from "./outside-file.js";
import {
  isInside,
  realNote,
  realPathOf,
  slashedRelative,
} from "../sources/real-path.js";

/**
 * The name lock must not land on a path apiloom generates (a file, a folder files go in, its
 * bookkeeping), compared by real path; elsewhere in the output folder it is fine.
 */
export function checkLockPlace(
  settings: { readonly out: string; readonly lock?: string },
  files: readonly Pick<GeneratedFile, "path">[],
): void {
  if (!settings.lock) return;
  const root = realPathOf(settings.out);
  const lock = realPathOf(settings.lock);
  if (!isInside(lock, root)) return;
  const rel = slashedRelative(root, lock);
  const generated =
    rel === "" ||
    RESERVED.has(rel.split("/")[0]!) ||
    files.some((f) => f.path === rel || f.path.startsWith(`${rel}/`));
  if (!generated) return;
  throw new OutsideFileError(
    `the name lock ${settings.lock}${realNote(settings.lock)} is ${rel === "" ? "the output folder itself" : `${rel} of the output folder ${settings.out}${realNote(settings.out)}`}, which apiloom generates; keep the lock outside what apiloom writes (--lock, or "lock" in the config)`,
  );
}
