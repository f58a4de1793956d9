import {
  chmodSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { isRunning } from "./output-lock.js";
import type { GeneratedFile } from "../../emit/artifact.js";
import { RESERVED } from "./output-files.js";
import { isInside } from "../../model/source-url.js";
import {
  realNote,
  realPathOf,
  slashedRelative,
  statOf,
} from "../sources/real-path.js";

/** A file apiloom keeps outside the output folder (the name lock, the handlers file). */
export interface OutsideFile {
  /** Absolute path. */
  file: string;
  contents: string | Uint8Array;
  /** When given, the bytes the run read (undefined: none): a file changed since is not written. */
  before?: Uint8Array | undefined;
}

export class OutsideFileError extends Error {}

/** Undefined when there is none yet; `what` names the file in the error. */
export function readOutsideFile(
  file: string,
  what: string,
): Buffer | undefined {
  const stat = statOf(file);
  if (stat && !stat.isFile() && !stat.isDirectory())
    throw new OutsideFileError(
      `${what} ${file} is a FIFO, socket or device; give the path of a file`,
    );
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EISDIR")
      throw new OutsideFileError(
        `${what} ${file} is a folder; give the path of a file`,
      );
    if (code === "ENOENT" && isLink(file))
      throw new OutsideFileError(
        `${what} ${file} is a link to a file that does not exist; create it or remove the link`,
      );
    if (code === "ENOENT") return undefined;
    if (typeof code === "string")
      throw new OutsideFileError(
        `cannot read ${what} ${file}: ${(error as Error).message}`,
      );
    throw error;
  }
}

export function readIfExists(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

export function sameBytes(
  before: Uint8Array | undefined,
  contents: string | Uint8Array,
): boolean {
  return (
    before !== undefined &&
    Buffer.from(before).equals(
      typeof contents === "string" ? Buffer.from(contents) : contents,
    )
  );
}

/**
 * Written through a temp name (made new, never through a link) and a rename, a link followed, its
 * mode kept; true when written. The temp copies of runs killed before their rename go first.
 */
export function writeFileIfChanged(outside: OutsideFile): boolean {
  const { file, contents } = outside;
  const target = isLink(file) ? realpathSync(file) : file;
  const [dir, prefix] = [dirname(target), `${basename(target)}.`];
  for (const name of statOf(dir)?.isDirectory() ? readdirSync(dir) : []) {
    const pid =
      name.startsWith(prefix) && name.endsWith(TMP)
        ? name.slice(prefix.length, -TMP.length)
        : "";
    if (
      /^\d+$/.test(pid) &&
      (Number(pid) === process.pid || !isRunning(Number(pid)))
    )
      rmSync(join(dir, name), { force: true });
  }
  const now = readIfExists(file);
  if (sameBytes(now, contents)) return false;
  const was = outside.before;
  if ("before" in outside && (now ? !sameBytes(was, now) : was))
    throw new OutsideFileError(
      `${file} changed while apiloom ran, so it was not written (your edit stays); run apiloom again`,
    );
  mkdirSync(dir, { recursive: true });
  const mode = statOf(target)?.mode;
  const tmp = `${target}.${process.pid}${TMP}`;
  try {
    writeFileSync(tmp, contents, { flag: "wx" });
    if (mode !== undefined) chmodSync(tmp, mode & 0o7777);
    renameSync(tmp, target);
  } catch (error) {
    try {
      unlinkSync(tmp);
    } catch {
      // never written
    }
    throw error;
  }
  return true;
}

const TMP = ".apiloom-tmp";

function isLink(file: string): boolean {
  return statOf(file, true)?.isSymbolicLink() === true;
}

/** The name lock must not land on a path apiloom generates, compared by real path. */
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
