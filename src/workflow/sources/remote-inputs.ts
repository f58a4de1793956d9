import { SourceReadError } from "../../ingest/read-source.js";
import type { IngestCode as DiagnosticCode } from "../../ingest/codes.js";
import { cacheDir } from "../records/cache-dir.js";
import { ConfigError } from "../config/error.js";
import { apiloomVersion, sha256Bytes } from "../identity.js";
import {
  readCachedDocument,
  writeCachedDocument,
  type CachedDocument,
} from "./remote-cache.js";
import { headersFor, remoteUrlProblem } from "../config/remote-settings.js";
import { readManifest } from "../records/manifest.js";
import { positionsOf } from "../config/load.js";
import { readLock } from "../records/name-lock.js";
import { shownUrl, isUrlInput } from "../../model/source-url.js";
import type { GenerateSettings } from "../config/settings.js";

// A run's URL inputs, fetched before anything is read (the readers are synchronous), each with
// its cached copy's validators (a 304 when unchanged); the cached copy stands in, said, when the
// server gives no answer or with --offline.

/** The bytes of one URL input as the run reads them, or why there are none. */
type RemoteEntry =
  { bytes: Buffer; hash: string } | { failure: SourceReadError };

/** Every URL a run reads, fetched: what produce() reads and up-to-date.ts compares. */
export interface RemoteInputs {
  /** The bytes and their sha256; throws the SourceReadError of a URL that gave none. */
  read(url: string): { bytes: Buffer; hash: string };
  /** The sha256 of the bytes, or undefined when the URL gave none (or was not fetched). */
  hash(url: string): string | undefined;
  /** Whether the URL was fetched (or tried), and how many were. */
  has(url: string): boolean;
  readonly size: number;
  /** The sha256 of each URL that gave bytes (for the lock's `remote`). */
  hashes(): Map<string, string>;
  /** One line per URL read from the cache instead of the network, for the run to print. */
  readonly notes: readonly string[];
  /** These and `urls` (remote `$ref`s the reading found), fetched. */
  adding(urls: readonly string[]): Promise<RemoteInputs>;
}

const PARALLEL_FETCHES = 4;

/** The URL inputs of the settings (after expansion: a URL is never a glob). */
export function remoteInputsOf(settings: GenerateSettings): string[] {
  return settings.inputs.filter(isUrlInput);
}

/**
 * Fetches every URL input of `settings`; with `allowExternalRefs`, also the URLs the last run read
 * through `$ref`, so the run finds them fetched and can be skipped.
 */
export async function fetchRemoteInputs(
  settings: GenerateSettings,
  env: NodeJS.ProcessEnv = process.env,
): Promise<RemoteInputs> {
  const inputs = remoteInputsOf(settings);
  const recorded = settings.model.allowExternalRefs
    ? Object.keys(readManifest(settings.out)?.fingerprint?.reads ?? {}).filter(
        isUrlInput,
      )
    : [];
  return fetchAll([...inputs, ...recorded], new Map(), [], settings, env);
}

async function fetchAll(
  urls: readonly string[],
  before: ReadonlyMap<string, RemoteEntry>,
  notesBefore: readonly string[],
  settings: GenerateSettings,
  env: NodeJS.ProcessEnv,
): Promise<RemoteInputs> {
  const entries = new Map(before);
  const notes = [...notesBefore];
  const fresh = [...new Set(urls)].filter((url) => !entries.has(url));
  const more = (urls: readonly string[]) =>
    fetchAll(urls, entries, notes, settings, env);
  if (fresh.length === 0) return fetched(entries, notes, more);
  const dir = cacheDir(settings.baseDir);
  // node:http, node:https and zlib load only for a run that fetches
  const fetcher = await import("./remote-fetch.js");
  // the lock's recorded sha256 by URL, with `remote.lock`
  let locked: Record<string, string> = {};
  if (settings.remote.lock && settings.lock)
    try {
      locked = readLock(settings.lock)?.remote ?? {};
    } catch {
      // none: the run reports that lock itself, when it reads the names
    }
  // then the pin: bytes whose sha256 is not the one pinned for the URL fail, wherever they came
  // from (the server, a 304's cached copy, --offline's)
  const fetchOne = async (url: string) => {
    const got = await fetchUnpinned(url, settings, env, dir, fetcher);
    const pin = pinOf(url, settings, locked);
    if (!pin || !("hash" in got.entry) || got.entry.hash === pin.sha256)
      return got;
    return {
      entry: { failure: await pinFailure(url, got.entry.hash, pin, got.note) },
    };
  };
  // a few at a time: each answer may be as large as the input limit
  for (let i = 0; i < fresh.length; i += PARALLEL_FETCHES) {
    const batch = fresh.slice(i, i + PARALLEL_FETCHES);
    const results = await Promise.all(batch.map(fetchOne));
    results.forEach(({ entry, note }, j) => {
      entries.set(batch[j]!, entry);
      if (note) notes.push(note);
    });
  }
  return fetched(entries, notes, more);
}

function fetched(
  entries: ReadonlyMap<string, RemoteEntry>,
  notes: readonly string[],
  adding: (urls: readonly string[]) => Promise<RemoteInputs>,
): RemoteInputs {
  return {
    read(url) {
      const entry = entries.get(url);
      if (!entry)
        throw new SourceReadError(
          `${shownUrl(url)} was not fetched`,
          "input/fetch-failed",
        );
      if ("failure" in entry) throw entry.failure;
      return entry;
    },
    hash(url) {
      const entry = entries.get(url);
      return entry && "hash" in entry ? entry.hash : undefined;
    },
    has: (url) => entries.has(url),
    hashes: () =>
      new Map(
        [...entries].flatMap(([url, entry]) =>
          "hash" in entry ? [[url, entry.hash] as const] : [],
        ),
      ),
    size: entries.size,
    notes,
    adding,
  };
}

/**
 * Where the sha256 of `url` is pinned, the config's `remote.sha256` over the lock's `remote`: the
 * JSON or YAML file, the path of the pin in it, and how a message names it.
 */
function pinOf(
  url: string,
  settings: GenerateSettings,
  locked: Record<string, string>,
) {
  const pins = settings.remote.sha256;
  if (Object.hasOwn(pins, url))
    return {
      sha256: pins[url]!,
      file: settings.configFile,
      path: ["remote", "sha256", url],
      what: "remote.sha256 pins",
    };
  if (Object.hasOwn(locked, url))
    return {
      sha256: locked[url]!,
      file: settings.lock,
      path: ["remote", url],
      what: "the lock (remote.lock) recorded",
    };
  return undefined;
}

async function fetchUnpinned(
  url: string,
  settings: GenerateSettings,
  env: NodeJS.ProcessEnv,
  dir: string | undefined,
  { fetchDocument, FetchError }: typeof import("./remote-fetch.js"),
): Promise<{ entry: RemoteEntry; note?: string }> {
  const fail = (
    message: string,
    code: DiagnosticCode = "input/fetch-failed",
  ) => ({
    entry: { failure: new SourceReadError(message, code) },
  });
  const problem = remoteUrlProblem(url);
  if (problem) return fail(problem);
  const remote = settings.remote;
  const cached = readCachedDocument(dir, url, settings.maxInputBytes);
  const fromCache = (doc: CachedDocument, why: string) => ({
    entry: { bytes: doc.bytes, hash: doc.hash },
    note: `${shownUrl(url)}: ${why}; read the copy cached from the fetch of ${doc.fetchedAt}`,
  });
  if (remote.offline)
    return cached
      ? fromCache(cached, "--offline")
      : fail("--offline, and the cache holds no copy of it: run once online");
  try {
    const answer = await fetchDocument(url, {
      timeoutMs: remote.timeoutMs,
      maxRedirects: remote.maxRedirects,
      maxBytes: settings.maxInputBytes,
      headersFor: (origin) => headersFor(remote, origin, env),
      version: apiloomVersion(),
      ...(cached ? { validators: cached } : {}),
    });
    if (answer.status === "not-modified")
      return { entry: { bytes: cached!.bytes, hash: cached!.hash } };
    const hash = sha256Bytes(answer.bytes);
    writeCachedDocument(dir, {
      url,
      hash,
      fetchedAt: new Date().toISOString(),
      bytes: answer.bytes,
      etag: answer.etag,
      lastModified: answer.lastModified,
    });
    return { entry: { bytes: answer.bytes, hash } };
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    if (!(error instanceof FetchError)) throw error;
    if (error.noAnswer && cached) return fromCache(cached, error.message);
    return fail(
      error.message + (error.noAnswer ? "; the cache holds no copy of it" : ""),
      error.code,
    );
  }
}

/** The failure for a body whose sha256 is not the pinned one, at the pin's place when found. */
async function pinFailure(
  url: string,
  hash: string,
  pin: NonNullable<ReturnType<typeof pinOf>>,
  cachedNote: string | undefined,
): Promise<SourceReadError> {
  const message = `the body of ${shownUrl(url)} ${cachedNote === undefined ? "as the server sent it or, after a 304 Not Modified, as the cache holds it" : "in the cache"} has sha256 ${hash}, not the ${pin.sha256} that ${pin.what} for it: nothing is generated from it (if the server's document changed on purpose, pin its new sha256; a cached copy that is not the pinned one is removed with the cache folder)`;
  if (pin.file === undefined)
    return new SourceReadError(message, "input/fetch-failed");
  const locate = await positionsOf(pin.file);
  const at = (prefix: (string | number)[]) =>
    locate?.([...prefix, ...pin.path]);
  let place = at([]);
  for (let i = 0; place === undefined && locate?.(["apis", i]); i++)
    place = at(["apis", i]);
  return new SourceReadError(
    message,
    "input/fetch-failed",
    place?.line ?? 1,
    place?.column ?? 1,
    pin.file,
  );
}
