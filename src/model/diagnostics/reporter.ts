import type { CodeTable } from "./code-info.js";
import { isWaiting, settlePlaces } from "./source-place.js";
import type { Diagnostic, SourceRef } from "../types.js";
import { ownMember } from "../own-property.js";

/** The order diagnostics are shown in: errors, then warnings, then notes. */
export const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Where a diagnostic points. A {@link SourceRef} will do; its pointer is not kept. */
export type ReportPlace = Pick<SourceRef, "file" | "line" | "column">;

/** The first character of `file`: where a problem with a whole file (or a setting) is reported. */
export function fileStart(file: string): SourceRef {
  return { file, line: 1, column: 1, pointer: "#" };
}

/** What {@link Reporter.once} hands back: a report that is made for its subject once. */
export type OnceReport<Code extends string> = Pick<Reporter<Code>, "report">;

/**
 * The one way apiloom reports a diagnostic. Made with the codes it may report, its layer's and those
 * below (`new IngestReporter()`), each with its severity: a misspelt code, or a layer above's, does
 * not compile; with none it only collects ({@link add}). A repeat (place, code, message) is kept once.
 */
export class Reporter<in Code extends string = never> {
  /**
   * The run's diagnostics and what has been said, shared by the scopes. `waiting`: those at (or
   * related to) a place not found yet, with it: their places, and which repeat, settle when read.
   */
  private sink = {
    diagnostics: [] as Diagnostic[],
    kept: new Set<string>(),
    waiting: [] as [Diagnostic, ReportPlace][],
  };
  private readonly subjects = new Set<string>();

  constructor(
    private readonly codes: CodeTable<Code> = {} as CodeTable<Code>,
  ) {}

  /** Every diagnostic reported so far, in report order, each once. */
  get diagnostics(): Diagnostic[] {
    this.settle();
    return [...this.sink.diagnostics];
  }

  report(
    code: Code,
    message: string,
    at: ReportPlace,
    related?: readonly SourceRef[],
  ): void {
    const entry = ownMember(this.codes, code);
    // tsc refuses such a code; a caller in plain JavaScript still gets told
    if (!entry)
      throw new Error(
        `${JSON.stringify(code)} is not a diagnostic code of this reporter: add it to its layer's codes.ts`,
      );
    const waiting = isWaiting(at) || (related?.some(isWaiting) ?? false);
    const d: Diagnostic = {
      severity: entry.severity,
      code: code as Diagnostic["code"],
      message,
      file: at.file,
      line: isWaiting(at) ? 0 : at.line,
      column: isWaiting(at) ? 0 : at.column,
    };
    if (related && related.length > 0) d.related = [...related];
    if (waiting) {
      this.sink.diagnostics.push(d);
      this.sink.waiting.push([d, at]);
    } else this.keep(d);
  }

  /** A report made only the first time its code and `subject` meet in this scope. */
  once(subject: string): OnceReport<Code> {
    return {
      report: (code, message, at, related) => {
        const key = `${code}\u0000${subject}`;
        if (this.subjects.has(key)) return;
        this.subjects.add(key);
        this.report(code, message, at, related);
      },
    };
  }

  /** Diagnostics another reporter collected, appended in their order, each kept once. */
  add(diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) this.keep(d);
  }

  /**
   * A reporter into the same list whose {@link once} starts afresh: each document a reader reads
   * gets one, so "once per subject" means once per document.
   */
  scope(): Reporter<Code> {
    const scoped = new Reporter<Code>(this.codes);
    scoped.sink = this.sink;
    return scoped;
  }

  /** What `code` means among this reporter's codes, or "" for another. */
  meaning(code: string): string {
    return ownMember(this.codes, code)?.meaning ?? "";
  }

  private keep(d: Diagnostic): void {
    const key = `${d.file}\u0000${d.line}\u0000${d.column}\u0000${d.code}\u0000${d.message}`;
    // while some are waiting, which repeat which is decided when they are settled
    if (this.sink.waiting.length === 0) {
      if (this.sink.kept.has(key)) return;
      this.sink.kept.add(key);
    }
    this.sink.diagnostics.push(d);
  }

  /** Gives the waiting diagnostics their places (and `also` in the same walk); keeps each once. */
  settle(also: readonly Pick<SourceRef, "line">[] = []): void {
    const sink = this.sink;
    settlePlaces([
      ...also,
      ...sink.waiting.flatMap(([d, at]) => [at, ...(d.related ?? [])]),
    ]);
    if (sink.waiting.length === 0) return;
    for (const [d, at] of sink.waiting) {
      // a place no settling finds is a copy made while it waited: a wrong line is worse than none
      if (isWaiting(at) || d.related?.some(isWaiting))
        throw new Error(
          `internal error: the place of a diagnostic (${d.code}) was copied before its line was found`,
        );
      d.line = at.line;
      d.column = at.column;
    }
    sink.waiting = [];
    sink.kept = new Set();
    for (const d of sink.diagnostics.splice(0)) this.keep(d);
  }
}
