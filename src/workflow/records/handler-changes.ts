import type { GeneratedFile } from "../../emit/artifact.js";
import type { Diagnostic } from "../../model/types.js";
import { sortedRecord } from "../identity.js";
import type { SinceLastRun } from "./since-last-run.js";
import { jsonValue } from "../../ingest/reader.js";

/**
 * Whether the run read every input whole: no input pattern matched nothing, no file failed to
 * read or parse, no `$ref` went unresolved. Handlers are judged orphaned only then.
 */
export function everyInputRead(diagnostics: readonly Diagnostic[]): boolean {
  return !diagnostics.some(
    (d) =>
      (d.severity === "error" && /^(input|parse|ref)\//.test(d.code)) ||
      d.code === "input/no-match",
  );
}

export interface HandlerChange {
  /** The signature hash the user's `signatures` entry still holds. */
  was: string;
  /** Oldest first. */
  changes: string[];
}

/**
 * What changed under each handler since it was written, in words: found on the run where the
 * contract changes and kept in `server/handler-changes.json`, an output, until accepted.
 */
export class HandlerChanges {
  readonly path: string;
  private readonly earlier: Map<string, HandlerChange>;
  private readonly kept = new Map<string, HandlerChange>();

  constructor(
    serverPath: string,
    private readonly since: SinceLastRun | undefined,
  ) {
    this.path = `${serverPath}/handler-changes.json`;
    this.earlier = readRecord(since?.earlier(this.path));
  }

  /** The words for handler `name`, whose entry holds `was`; undefined when none. */
  describe(name: string, was: string): readonly string[] | undefined {
    const kept = this.earlier.get(name);
    // the changes that touch the endpoint by its generated name (directly or through a shared schema)
    const fresh = (this.since?.changes() ?? [])
      .filter(
        (c) =>
          c.names.function === name ||
          c.names.handler === name ||
          (c.also ?? []).some((a) => a.function === name),
      )
      .map(
        (c) =>
          `${c.message} (${c.severity}${c.breaks === "none" ? "" : `, breaks ${c.breaks}`})`,
      );
    const words = kept?.was === was ? [...kept.changes] : [];
    for (const w of fresh) if (!words.includes(w)) words.push(w);
    if (words.length === 0) return undefined;
    this.kept.set(name, { was, changes: words });
    return words;
  }

  file(): GeneratedFile | undefined {
    if (this.kept.size === 0) return undefined;
    return {
      path: this.path,
      contents: JSON.stringify(sortedRecord(this.kept), null, 2) + "\n",
    };
  }
}

function readRecord(text: string | undefined): Map<string, HandlerChange> {
  const out = new Map<string, HandlerChange>();
  const parsed = text === undefined ? undefined : jsonValue(text)?.value;
  if (typeof parsed !== "object" || parsed === null) return out;
  for (const [name, entry] of Object.entries(parsed)) {
    const e = entry as Partial<HandlerChange> | null;
    if (
      typeof e?.was === "string" &&
      Array.isArray(e.changes) &&
      e.changes.every((c) => typeof c === "string")
    )
      out.set(name, { was: e.was, changes: [...e.changes] });
  }
  return out;
}
