import { execFileSync } from "node:child_process";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { decodeSource } from "../../ingest/decode-text.js";
import { SourceReadError, size, tooLarge } from "../../ingest/read-source.js";
import { compareCodeUnits } from "../../model/order.js";
import { ConfigError } from "../config/error.js";
import { matchesPattern } from "./glob.js";
import { sha256Bytes } from "../identity.js";
import { isRemoteInput } from "./remote-url.js";
import type { GenerateSettings } from "../config/settings.js";

/** Largest git output read besides a blob (the file list of a commit). */
const MAX_LIST_BYTES = 100 * 1024 * 1024;

/**
 * The inputs of `settings` as committed at `ref` (`diff --base`): the tracked files the patterns
 * match then (globs resolved at that commit; the lock and the handlers file are not inputs), and
 * the URL inputs as they are now; each file read with `git`, decoded as a file on disk is, and
 * the names the lock held at `ref`.
 */
export function revisionInputs(
  settings: GenerateSettings,
  ref: string,
): {
  inputFiles: string[];
  unmatched: string[];
  read(absPath: string): { text: string; hash: string };
  lockedNames: Record<string, string> | undefined;
} {
  const baseDir = settings.baseDir;
  const root = git(baseDir, ["rev-parse", "--show-toplevel"]).trim();
  const commit = git(baseDir, [
    "rev-parse",
    "--verify",
    `${ref}^{commit}`,
  ]).trim();
  const read = (absPath: string) => {
    const path = relative(root, absPath).split(sep).join("/");
    if (path.startsWith("../") || isAbsolute(path))
      throw new SourceReadError(
        `outside the git repository, so not in ${ref}`,
        "input/unreadable",
      );
    const bytes = showBlob(root, commit, path, ref, settings.maxInputBytes);
    return { text: decodeSource(bytes), hash: sha256Bytes(bytes) };
  };
  const tracked = git(root, [
    "ls-tree",
    "-r",
    "--name-only",
    "--full-tree",
    commit,
  ])
    .split("\n")
    .filter((line) => line !== "")
    .map((p) => relative(baseDir, resolve(root, p)).split(sep).join("/"));
  const ours = [settings.lock, settings.serverHandlers];
  const files = tracked
    .filter((file) =>
      settings.inputs.some((pattern) =>
        isAbsolute(pattern)
          ? resolve(pattern) === resolve(baseDir, file)
          : !isRemoteInput(pattern) && matchesPattern(pattern, file),
      ),
    )
    .filter((file) => !ours.includes(resolve(baseDir, file)))
    .sort(compareCodeUnits);
  let lockedNames: Record<string, string> | undefined;
  try {
    lockedNames = settings.lock
      ? parseLock(settings.lock, read(settings.lock).text)
      : undefined;
  } catch {
    lockedNames = undefined; // no lock at that commit, or one that does not parse: no names
  }
  return {
    inputFiles: [...files, ...settings.inputs.filter(isRemoteInput)],
    unmatched: [],
    read,
    lockedNames,
  };
}

/**
 * The bytes of `path` as committed in `commit`. Its size is asked first (`git ls-tree -l`), so a
 * blob over the input limit is `input/too-large` with its size and not a byte of it is read; a
 * folder there is `input/not-a-file`.
 */
function showBlob(
  root: string,
  commit: string,
  path: string,
  ref: string,
  maxBytes: number,
): Buffer {
  let entry: string;
  try {
    entry = git(root, [
      "--literal-pathspecs",
      "ls-tree",
      "-l",
      commit,
      "--",
      path,
    ]);
  } catch {
    entry = "";
  }
  // `<mode> <type> <object> <size>\t<path>`, one line for the path (none when it is not there)
  const fields = /^(\d+) (\w+) ([0-9a-f]+) +(\S+)\t/.exec(entry);
  if (!fields) throw new SourceReadError(`not in ${ref}`, "input/unreadable");
  const [, mode, type, object, bytes] = fields;
  if (type !== "blob" || mode === "120000" || mode === "160000")
    throw new SourceReadError(
      `the path is ${type === "tree" ? "a folder" : mode === "120000" ? "a symbolic link" : "a submodule"} in ${ref}, not a regular file; apiloom reads specs from regular files only`,
      "input/not-a-file",
    );
  const count = Number(bytes);
  if (count > maxBytes) throw tooLarge(`the file is ${size(count)}`, maxBytes);
  try {
    return execFileSync("git", ["cat-file", "blob", object!], {
      cwd: root,
      maxBuffer: count + 1,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch {
    throw new SourceReadError(`cannot read it from ${ref}`, "input/unreadable");
  }
}

/** The lock's names from its text (a lock that does not parse names nothing). */
function parseLock(file: string, text: string): Record<string, string> {
  const value = JSON.parse(text) as { names?: unknown };
  if (typeof value.names !== "object" || value.names === null)
    throw new Error(`${file}: no names`);
  return value.names as Record<string, string>;
}

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      maxBuffer: MAX_LIST_BYTES,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim();
    throw new ConfigError(
      `git ${args[0]} failed${stderr ? `: ${stderr.split("\n")[0]}` : ""}`,
    );
  }
}
