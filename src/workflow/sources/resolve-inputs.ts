import { execFileSync } from "node:child_process";
import { isAbsolute, resolve } from "node:path";
import { slashedRelative, statOf } from "./real-path.js";
import { decodeSource } from "../../ingest/decode-text.js";
import {
  notAFileMessage,
  SourceReadError,
  size,
  tooLarge,
} from "../../ingest/read-source.js";
import { compareCodeUnits } from "../../model/order.js";
import { ConfigError } from "../config/error.js";
import { isPattern, matchesPattern } from "./glob.js";
import { sha256Bytes } from "../identity.js";
import { formerLock, parseNameLock, readLock } from "../records/name-lock.js";
import { loadModel, type LoadOptions } from "../../pipeline.js";
import { listInputs, type Listed } from "./inputs.js";
import { overlayOptions } from "../config/overlay-settings.js";
import { fileStart } from "../../model/diagnostics/reporter.js";
import { WorkflowReporter as Reporter } from "../codes.js";
import type { ApiModel } from "../../model/types.js";
import { fetchRemoteInputs, type RemoteInputs } from "./remote-inputs.js";
import { isUrlInput } from "../../model/source-url.js";
import type { GenerateSettings } from "../config/settings.js";
import {
  createSourceCache,
  readSource,
  type SourceCache,
} from "./source-cache.js";

// A run's inputs of every kind resolved in one place (files, globs, URLs, remote `$ref`s,
// overlays, a git revision's files), for every command and the programmatic API.

/** One input's text as read, the sha256 of its bytes, and the bytes when they were read here. */
export interface InputText {
  text: string;
  hash: string;
  bytes?: Buffer;
}

/** What the caller of {@link resolveInputs} may give; the rest is found here. */
export interface ResolveInputsOptions {
  listed?: Listed;
  /** The URL inputs, when the caller fetched them already (a watch's interval did). */
  remote?: RemoteInputs;
  /** The texts and parsed documents a watch keeps between runs. */
  sources?: SourceCache;
  /** Read the files as committed at this git revision (`diff --base`); URLs as they are now. */
  revision?: string;
}

/**
 * Resolves the inputs of `settings`: expands the patterns, fetches the URLs (and, with
 * allowExternalRefs, the remote `$ref`s the reading reaches), and gives one reader for all:
 * `inputFiles` (files relative to baseDir, and URLs) in merge order, `diagnostics` of the
 * patterns that matched no file, the `remote` documents fetched, the `sources` cache the reading
 * shares (a watch's, or one made for remote `$ref`s), `read` (an input, a URL, a `$ref`'d document
 * or an overlay; throws a SourceReadError), and loadModel's options reading through it (`load`).
 */
export async function resolveInputs(
  settings: GenerateSettings,
  options: ResolveInputsOptions = {},
) {
  const at =
    options.revision !== undefined
      ? revisionInputs(settings, options.revision)
      : undefined;
  const { inputFiles, unmatched } =
    at ?? options.listed ?? listInputs(settings);
  // at a revision the files come from git, for the reading that finds the remote $refs too
  let sources = at
    ? { ...createSourceCache(), read: (absPath: string) => at.read(absPath) }
    : options.sources;
  let remote = options.remote ?? (await fetchRemoteInputs(settings));
  let refused: ReadonlyMap<string, string> = new Map();
  if (settings.model.allowExternalRefs) {
    // remote $refs are fetched before the reading; the documents are parsed once (withRemoteRefs)
    sources ??= createSourceCache();
    ({ remote, refused } = await withRemoteRefs(
      remote,
      inputFiles,
      settings,
      sources,
    ));
  }
  const maxBytes = settings.maxInputBytes;
  const local = sources
    ? (absPath: string) => sources.read(absPath, maxBytes)
    : (absPath: string) => readSource(absPath, maxBytes);
  const read = (absPath: string): InputText => {
    if (!isUrlInput(absPath)) return local(absPath);
    const why = refused.get(absPath);
    if (why) throw new SourceReadError(why, "input/fetch-failed");
    const { bytes, hash } = remote.read(absPath);
    return { text: decodeSource(bytes), hash, bytes };
  };
  const load = modelLoadOptions(settings, (absPath) => read(absPath).text);
  const reporter = new Reporter();
  // a path that exists but is not a regular file (a folder, FIFO, device) says what it is,
  // without opening it; anything else matched no file
  for (const pattern of unmatched) {
    const stats = statOf(resolve(settings.baseDir, pattern));
    const notAFile = stats !== undefined && !stats.isFile();
    reporter.report(
      notAFile ? "input/not-a-file" : "input/no-match",
      notAFile
        ? notAFileMessage(stats)
        : `no file matches the input ${JSON.stringify(pattern)}${isPattern(pattern) ? "" : ": no such file"}`,
      fileStart(pattern),
    );
  }
  return {
    inputFiles,
    diagnostics: reporter.diagnostics,
    remote,
    ...(sources ? { sources } : {}),
    read,
    load: at ? { ...load, lockedNames: at.lockedNames } : load,
  };
}

/** loadModel's options from a run's settings: generate and inspect load alike with them. */
function modelLoadOptions(
  settings: GenerateSettings,
  readText: (absPath: string) => string,
): LoadOptions {
  return {
    ...settings.model,
    cwd: settings.baseDir,
    overlays: overlayOptions(settings.model.overlays, settings.baseDir),
    lockedNames: settings.lock
      ? (readLock(formerLock(settings) ?? settings.lock)?.names ?? {})
      : undefined,
    readText,
  };
}

/**
 * The merged model of the settings' inputs for a command that reads without generating (inspect,
 * diff), and the text of every file read by absolute path (diff's code frames).
 */
export async function loadInputs(
  settings: GenerateSettings,
  say: (line: string) => void,
  options: ResolveInputsOptions = {},
): Promise<{ model: ApiModel; texts: Map<string, string> }> {
  const inputs = await resolveInputs(settings, options);
  for (const note of inputs.remote.notes) say(`apiloom: ${note}\n`);
  const texts = new Map<string, string>();
  const model = loadModel(inputs.inputFiles, {
    ...inputs.load,
    readText: (absPath) => {
      const { text } = inputs.read(absPath);
      texts.set(absPath, text);
      return text;
    },
  });
  model.diagnostics.unshift(...inputs.diagnostics);
  return { model, texts };
}

// Remote `$ref`s (with allowExternalRefs): the readers are synchronous and a fetch is not, so each
// round reads the inputs, fetches the URLs it asked for and did not have, and ends when a reading
// asks for none. The rounds and the run share the source cache, so documents are parsed once.

/** A chain of `$ref`s this many documents deep is followed; a deeper one is reported. */
const MAX_REF_ROUNDS = 10;
/** At most this many URLs a run. */
const MAX_REMOTE_DOCUMENTS = 200;

/**
 * `remote` with every URL the reading of `inputFiles` reaches by `$ref` fetched too. A URL left
 * out by the limits is read as one that was not fetched: reported at its `$ref`, with the limit.
 */
async function withRemoteRefs(
  remote: RemoteInputs,
  inputFiles: readonly string[],
  settings: GenerateSettings,
  sources: SourceCache,
): Promise<{ remote: RemoteInputs; refused: ReadonlyMap<string, string> }> {
  const refused = new Map<string, string>();
  for (let round = 0; ; round++) {
    const wanted = new Set<string>();
    const readText = (absPath: string): string => {
      if (!isUrlInput(absPath))
        return sources.read(absPath, settings.maxInputBytes).text;
      if (!remote.has(absPath)) {
        wanted.add(absPath);
        throw new SourceReadError("not fetched yet", "input/fetch-failed");
      }
      return decodeSource(remote.read(absPath).bytes);
    };
    loadModel(inputFiles, {
      ...modelLoadOptions(settings, readText),
      parse: sources.parse,
    });
    if (wanted.size === 0) return { remote, refused };
    const room = MAX_REMOTE_DOCUMENTS - remote.size;
    const urls = [...wanted];
    const why =
      round + 1 >= MAX_REF_ROUNDS
        ? `not fetched: a chain of more than ${MAX_REF_ROUNDS} remote documents`
        : `not fetched: the run reads at most ${MAX_REMOTE_DOCUMENTS} URLs`;
    const taken = round + 1 >= MAX_REF_ROUNDS ? [] : urls.slice(0, room);
    for (const url of urls.slice(taken.length)) refused.set(url, why);
    if (taken.length === 0) return { remote, refused };
    remote = await remote.adding(taken);
  }
}

/** Largest git output read besides a blob (the file list of a commit). */
const MAX_LIST_BYTES = 100 * 1024 * 1024;

/**
 * The inputs of `settings` as committed at `ref` (`diff --base`): the tracked files the patterns
 * matched then, read with `git`, the URL inputs as they are now, and the names the lock held.
 */
function revisionInputs(settings: GenerateSettings, ref: string) {
  const baseDir = settings.baseDir;
  const root = git(baseDir, ["rev-parse", "--show-toplevel"]).trim();
  const commit = git(baseDir, [
    "rev-parse",
    "--verify",
    `${ref}^{commit}`,
  ]).trim();
  const read = (absPath: string) => {
    const path = slashedRelative(root, absPath);
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
    .map((p) => slashedRelative(baseDir, resolve(root, p)));
  const ours = [settings.lock, settings.serverHandlers];
  const files = tracked
    .filter((file) =>
      settings.inputs.some((pattern) =>
        isAbsolute(pattern)
          ? resolve(pattern) === resolve(baseDir, file)
          : !isUrlInput(pattern) && matchesPattern(pattern, file),
      ),
    )
    .filter((file) => !ours.includes(resolve(baseDir, file)))
    .sort(compareCodeUnits);
  let lockedNames: Record<string, string> | undefined;
  try {
    lockedNames = settings.lock
      ? parseNameLock(settings.lock, read(settings.lock).text).names
      : undefined;
  } catch {
    lockedNames = undefined; // no lock at that commit, or one that does not parse: no names
  }
  return {
    inputFiles: [...files, ...settings.inputs.filter(isUrlInput)],
    unmatched: [],
    read,
    lockedNames,
  };
}

/** The bytes of `path` in `commit`, its size asked first so a blob over the limit is never read. */
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
