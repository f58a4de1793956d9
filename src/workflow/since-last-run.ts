import { lstatSync } from "node:fs";
import { basename, join } from "node:path";
import { readSourceBytes, SourceReadError } from "../ingest/read-source.js";
import { readJournal } from "./journal.js";
import { readManifest, sha256 } from "./manifest.js";
import type { GeneratedFile } from "../emit/artifact.js";
import type { Change } from "../diff/change.js";
import type { compareModels } from "../diff/compare.js";
import { loadModel } from "../pipeline.js";

/**
 * The OpenAPI document apiloom wrote into the output folder last time, beside the one this run
 * makes: the merged model as it was and as it is, in one format apiloom reads back exactly. The
 * summary line of `generate`, the docs' changelog page and the words of a changed handler's
 * warning all come from this one comparison.
 */
export interface SinceLastRun {
  /** The document's path in the output folder (`openapi.json`). */
  path: string;
  /**
   * The earlier document; undefined when the folder has none (a first run), or has one the last
   * run did not write (edited or put there by hand: see `earlier`).
   */
  before: string | undefined;
  /**
   * A file of the output folder as the last run wrote it: only when the folder's manifest lists
   * it with the hash of what is there now, so a file edited by hand is never taken for the state
   * a run builds on. A regular file of bounded size, never read through a link.
   */
  earlier(
    path: string,
    options?: { maxBytes?: number; onTooLarge?: (why: string) => void },
  ): string | undefined;
  now: string;
  /**
   * The changes from `before` to `now` (the rules of src/diff), computed once on first use: []
   * when the two are the same text, undefined when there is no earlier document or either
   * side does not load without errors.
   */
  changes(): readonly Change[] | undefined;
}

/**
 * The document of a run with no earlier output (programmatic `generate()`, which writes nothing):
 * what `sinceLastRun` says of an empty folder.
 */
export function noEarlierRun(
  files: readonly GeneratedFile[],
): SinceLastRun | undefined {
  const now = openapiDocument(files);
  if (!now) return undefined;
  return {
    path: now.path,
    before: undefined,
    earlier: () => undefined,
    now: now.contents,
    changes: () => undefined,
  };
}

function openapiDocument(
  files: readonly GeneratedFile[],
): GeneratedFile | undefined {
  return files.find((f) => /^openapi\.(json|ya?ml)$/.test(basename(f.path)));
}

/** The largest earlier file read back (GitHub's OpenAPI document is about 12 MiB). */
const EARLIER_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Reads the earlier document, if the run makes one (the `openapi` artifact); nothing is compared
 * yet. The comparer (src/diff/) is loaded only when there is an earlier document: a first run,
 * or one whose folder has none, never loads it.
 */
export async function sinceLastRun(
  out: string,
  files: readonly GeneratedFile[],
): Promise<SinceLastRun | undefined> {
  const now = openapiDocument(files);
  if (!now) return undefined;
  const listed = readManifest(out)?.files ?? {};
  // a run killed while it moved its files into place left a journal (writer.ts) and some of its
  // files, not yet its manifest: what it moved counts as the last run's too, so the run that
  // rolls it forward builds on the same state the killed run would have left
  const journal = readJournal(out);
  const moved = new Map(
    journal && "journal" in journal
      ? journal.journal.moves.map(([, path, hash]) => [path, hash])
      : [],
  );
  const earlier = (
    path: string,
    {
      maxBytes = EARLIER_MAX_BYTES,
      onTooLarge,
    }: { maxBytes?: number; onTooLarge?: (why: string) => void } = {},
  ): string | undefined => {
    const hashes = [
      Object.hasOwn(listed, path) ? listed[path] : undefined,
      moved.get(path),
    ].filter((h) => h !== undefined);
    if (hashes.length === 0) return undefined;
    const file = join(out, path);
    try {
      if (lstatSync(file).isSymbolicLink()) return undefined;
      const text = readSourceBytes(file, maxBytes).toString("utf8");
      return hashes.includes(sha256(text)) ? text : undefined;
    } catch (error) {
      // past the caller's bound: never read (and so never held), and the caller told
      if (error instanceof SourceReadError && error.code === "input/too-large")
        onTooLarge?.(error.message.replace(/;.*$/, ""));
      return undefined;
    }
  };
  const before = earlier(now.path);
  const comparer =
    before === undefined
      ? undefined
      : (await import("../diff/compare.js")).compareModels;
  let memo: { changes: readonly Change[] | undefined } | undefined;
  // read when first asked for, then kept: a large document may be staged early
  // (early-stage.ts), and its staged copy is gone once the writer has moved it into place
  let text: string | undefined;
  const nowText = () => (text ??= now.contents);
  return {
    path: now.path,
    before,
    earlier,
    get now() {
      return nowText();
    },
    changes() {
      memo ??= {
        changes:
          comparer && compare(comparer, before, nowText(), now.path, out),
      };
      return memo.changes;
    },
  };
}

function compare(
  compareWith: typeof compareModels,
  before: string | undefined,
  now: string,
  path: string,
  out: string,
): readonly Change[] | undefined {
  if (before === undefined) return undefined;
  if (before === now) return [];
  const load = (text: string) =>
    loadModel([{ file: path, text }], { cwd: out });
  const a = load(before);
  const b = load(now);
  if ([a, b].some((m) => m.diagnostics.some((d) => d.severity === "error")))
    return undefined;
  return compareWith(a, b);
}

/** The changes that touch one endpoint, by its generated name (directly or through a shared schema). */
export function changesOf(changes: readonly Change[], name: string): Change[] {
  return changes.filter(
    (c) =>
      c.names.function === name ||
      c.names.handler === name ||
      (c.also ?? []).some((a) => a.function === name),
  );
}

/** A change in words for a person: the message, its severity and whom it breaks. */
export function changeInWords(c: Change): string {
  return `${c.message} (${c.severity}${c.breaks === "none" ? "" : `, breaks ${c.breaks}`})`;
}
