import { lstatSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { readSourceBytes, SourceReadError } from "../../ingest/read-source.js";
import { readJournal } from "../output/journal.js";
import { readManifest, sha256 } from "./manifest.js";
import type {
  GeneratedFile,
  SinceLastRun as PluginSinceLastRun,
} from "../../emit/artifact.js";
import type { Change } from "../../diff/change.js";
import { compareModels } from "../../diff/compare.js";
import { CHANGE_RULES } from "../../diff/rules.js";
import { fileStart } from "../../model/diagnostics/reporter.js";
import { loadModel } from "../../pipeline.js";

/**
 * The OpenAPI document apiloom wrote last time beside this run's: generate's summary line, the
 * docs' changelog page and a changed handler's warning all come from this one comparison.
 */
export interface SinceLastRun extends PluginSinceLastRun {
  changes(): readonly Change[] | undefined;
}

/** The last run of a run with no earlier output (programmatic `generate()`): an empty folder. */
export const noEarlierRun = (made: readonly GeneratedFile[]) => {
  const now = made.find((f) => isDocument(f.path));
  return now && comparison("", now, () => undefined);
};

/** `openapi.json`, wherever the `openapi` artifact puts it. */
function isDocument(path: string): boolean {
  return /^openapi\.(json|ya?ml)$/.test(basename(path));
}

const EARLIER_MAX_BYTES = 256 * 1024 * 1024;

/** The output folder as the last run left it (read before the plugins run), beside the files made so far. */
export function lastRunIn(out: string) {
  const listed = readManifest(out)?.files ?? {};
  // what a run killed while moving its files into place moved counts as the last run's too, so
  // the run that rolls it forward builds on the same state the killed run would have left
  const journal = readJournal(out);
  const moved = new Map(
    journal && "journal" in journal
      ? journal.journal.moves.map(([, path, hash]) => [path, hash])
      : [],
  );
  const earlier: SinceLastRun["earlier"] = (
    path,
    { maxBytes = EARLIER_MAX_BYTES, onTooLarge } = {},
  ) => {
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
      if (error instanceof SourceReadError && error.code === "input/too-large")
        onTooLarge?.(
          error.message.replace(/;.*$/, ""),
          fileStart(resolve(out, path)),
        );
      return undefined;
    }
  };
  let made: { document: GeneratedFile; since: SinceLastRun } | undefined;
  return (files: readonly GeneratedFile[]) => {
    const now = files.find((f) => isDocument(f.path));
    if (!now) return undefined;
    if (made?.document !== now)
      made = { document: now, since: comparison(out, now, earlier) };
    return made.since;
  };
}

/** This run's document beside the last run's (its `earlier` copy), compared when first asked. */
function comparison(
  out: string,
  now: GeneratedFile,
  earlier: SinceLastRun["earlier"],
): SinceLastRun {
  const before = earlier(now.path);
  let memo: { changes: readonly Change[] | undefined } | undefined;
  // kept once read: a staged copy is gone once the writer has moved it into place
  let text: string | undefined;
  const nowText = () => (text ??= now.contents);
  const compare = (): readonly Change[] | undefined => {
    if (before === undefined) return undefined;
    if (before === nowText()) return [];
    const load = (source: string) =>
      loadModel([{ file: now.path, text: source }], { cwd: out });
    const [a, b] = [load(before), load(nowText())];
    if ([a, b].some((m) => m.diagnostics.some((d) => d.severity === "error")))
      return undefined;
    return compareModels(a, b);
  };
  return {
    before,
    earlier,
    get now() {
      return nowText();
    },
    changes: () => (memo ??= { changes: compare() }).changes,
    rules: CHANGE_RULES,
  };
}
