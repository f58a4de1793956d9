import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { decodeSource, readSourceText } from "../ingest/decode-text.js";
import { SourceReadError, size, tooLarge } from "../ingest/read-source.js";
import { compareCodeUnits } from "../model/order.js";
import type { ApiModel } from "../model/types.js";
import { loadModel, type LoadOptions } from "../pipeline.js";
import { ConfigError } from "../workflow/config-error.js";
import { matchesPattern } from "../workflow/glob.js";
import { listInputs } from "../workflow/inputs.js";
import { overlayOptions } from "../workflow/overlay-settings.js";
import { readNameLock } from "../workflow/name-lock.js";
import type { GenerateSettings } from "../workflow/settings.js";

/** One side of a diff: the merged model, and the texts it was read from (for code frames). */
export interface LoadedSide {
  model: ApiModel;
  files: string[];
  /** The text of every file the side read, by absolute path. */
  texts: Map<string, string>;
  /** Where the side came from, for the report: `main`, `the working tree`, `old files`. */
  label: string;
}

/** Largest file read from git or disk, as generate's default (100 MiB). */
const MAX_BYTES = 100 * 1024 * 1024;

/**
 * Loads files through the pipeline's loadModel, as generate reads them, keeping each text read.
 * `readFile` reads one file's text (from disk, or from a git commit).
 */
function loadSide(
  files: string[],
  label: string,
  options: LoadOptions,
  readFile: (absPath: string) => string,
): LoadedSide {
  const texts = new Map<string, string>();
  const model = loadModel(files, {
    ...options,
    readText: (absPath) => {
      const text = readFile(absPath);
      texts.set(absPath, text);
      return text;
    },
  });
  return { model, files, texts, label };
}

const fromDisk = (absPath: string) => readSourceText(absPath, MAX_BYTES);

/** `apiloom diff <old…> --to <new…>`: both sides from disk, names from the lock when one is given. */
export function loadFilePair(
  oldFiles: string[],
  newFiles: string[],
  cwd: string,
  lock: string | undefined,
  /** `--overlay` files (from `cwd`), laid over both sides' inputs. */
  overlays: readonly string[] = [],
): { before: LoadedSide; after: LoadedSide } {
  const lockedNames = lock ? readNameLock(lock) : undefined;
  const options: LoadOptions = {
    cwd,
    lockedNames,
    overlays: overlays.map((file) => ({ file })),
  };
  return {
    before: loadSide(oldFiles, "old files", options, fromDisk),
    after: loadSide(newFiles, "new files", options, fromDisk),
  };
}

/**
 * `apiloom diff --base <ref>`: the config's inputs (globs resolved at each side) as committed at
 * `ref`, read with `git show`, against the working tree. Each side takes the names its own lock
 * gave (the lock at `ref`, the lock on disk).
 */
export function loadBasePair(
  settings: GenerateSettings,
  ref: string,
): { before: LoadedSide; after: LoadedSide } {
  const baseDir = settings.baseDir;
  const root = git(baseDir, ["rev-parse", "--show-toplevel"]).trim();
  const commit = git(baseDir, ["rev-parse", "--verify", `${ref}^{commit}`])
    .toString()
    .trim();
  const inRepo = (absPath: string) =>
    relative(root, absPath).split(sep).join("/");
  const show = (absPath: string): string => {
    const path = inRepo(absPath);
    if (path.startsWith("../") || isAbsolute(path))
      throw new SourceReadError(
        `outside the git repository, so not in ${ref}`,
        "input/unreadable",
      );
    return showBlob(root, commit, path, ref, settings.maxInputBytes);
  };
  const model = {
    ...settings.model,
    overlays: overlayOptions(settings.model.overlays, baseDir),
    cwd: baseDir,
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
  const oldFiles = tracked
    .filter((file) =>
      settings.inputs.some((pattern) =>
        isAbsolute(pattern)
          ? resolve(pattern) === resolve(baseDir, file)
          : matchesPattern(pattern, file),
      ),
    )
    .filter((file) => !isOurs(settings, resolve(baseDir, file)))
    .sort(compareCodeUnits);
  const lockAt = (read: (abs: string) => string) => {
    if (!settings.lock) return undefined;
    try {
      return parseLock(settings.lock, read(settings.lock));
    } catch {
      return undefined;
    }
  };
  const before = loadSide(
    oldFiles,
    ref,
    { ...model, lockedNames: lockAt(show) },
    show,
  );
  const { inputFiles } = listInputs(settings);
  const after = loadSide(
    inputFiles,
    "the working tree",
    {
      ...model,
      lockedNames:
        settings.lock && existsSync(settings.lock)
          ? readNameLock(settings.lock)
          : undefined,
    },
    (absPath) => readSourceText(absPath, settings.maxInputBytes),
  );
  return { before, after };
}

/**
 * The text of `path` as committed in `commit`, decoded as a file on disk is. Its size is asked
 * first (`git ls-tree -l`), so a blob over the input limit is `input/too-large` with its size
 * and not a byte of it is read; a folder there is `input/not-a-file`.
 */
function showBlob(
  root: string,
  commit: string,
  path: string,
  ref: string,
  maxBytes: number,
): string {
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
  let blob: Buffer;
  try {
    blob = execFileSync("git", ["cat-file", "blob", object!], {
      cwd: root,
      maxBuffer: count + 1,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch {
    throw new SourceReadError(`cannot read it from ${ref}`, "input/unreadable");
  }
  return decodeSource(blob);
}

/** The lock's names from its text (a lock that does not parse names nothing). */
function parseLock(file: string, text: string): Record<string, string> {
  const value = JSON.parse(text) as { names?: unknown };
  if (typeof value.names !== "object" || value.names === null)
    throw new Error(`${file}: no names`);
  return value.names as Record<string, string>;
}

/** Files apiloom writes itself: the lock and the handlers file are not inputs. */
function isOurs(settings: GenerateSettings, abs: string): boolean {
  return abs === settings.lock || abs === settings.serverHandlers;
}

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      maxBuffer: MAX_BYTES,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim();
    throw new ConfigError(
      `git ${args[0]} failed${stderr ? `: ${stderr.split("\n")[0]}` : ""}`,
    );
  }
}
