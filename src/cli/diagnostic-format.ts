import { decodeSource } from "../ingest/decode-text.js";
import { readSourceBytes, SourceReadError } from "../ingest/read-source.js";
import { displayPath, inputPlace, isUrlInput } from "../model/source-url.js";
import type { Diagnostic, Severity } from "../model/types.js";
import type { ReportPlace } from "../model/diagnostics/reporter.js";
import type { ChangeSeverity } from "../diff/rules.js";
import type { Paint } from "./colors.js";

export interface FormatContext {
  paint: Paint;
  /** Folder the diagnostics' `file` is relative to. */
  baseDir: string;
  /** Folder the user typed the command in: printed paths are relative to it, so they are clickable. */
  cwd: string;
  /** The lines of a file, or undefined when it cannot be read (no frame then). */
  lines(absPath: string): readonly string[] | undefined;
}

/** Codes about a file the run read no text from, or about a whole file: they get no frame. */
const UNREAD = new Set(
  `input/no-match input/fetch-failed input/not-a-file input/too-large
  scaffold/orphan-check-skipped`.split(/\s+/),
);

/** A file's lines for code frames, decoded as the readers do (invalid text: UTF-8 with U+FFFD). */
export function frameLines(absPath: string): string[] | undefined {
  let bytes: Buffer;
  try {
    bytes = readSourceBytes(absPath, FRAME_MAX_BYTES);
  } catch {
    return undefined;
  }
  try {
    return decodeSource(bytes).split(/\r?\n/);
  } catch (error) {
    if (!(error instanceof SourceReadError)) throw error;
    return bytes.toString("utf8").split(/\r?\n/);
  }
}

/** Files larger than this get no code frame (it reads the file again). */
const FRAME_MAX_BYTES = 32 * 1024 * 1024;

const BEFORE = 2;
const AFTER = 2;
/** Frames show at most this many characters of a line: minified JSON is one 13 MB line. */
const WIDTH = 100;

/** `file:line:col: severity code message`, a code frame (errors, warnings), the related places. */
export function formatDiagnostic(d: Diagnostic, ctx: FormatContext): string {
  // a URL input is shown by its URL (it has no file to frame from)
  const url = isUrlInput(d.file);
  const abs = inputPlace(d.file, ctx.baseDir);
  // the message quotes spec text and records read back: escaped, its line breaks kept
  const head = `${ctx.paint.bold(shownPlace(d, ctx))}: ${severityLabel(d.severity, ctx.paint)} ${ctx.paint.dim(d.code)} ${visibleLines(d.message)}`;
  const out = [head];
  // infos are one line each, or they drown the warnings; a file the run did not read gets no
  // frame (a file by that name by the time this prints is not it), a `$ref` to it does
  const unread = UNREAD.has(d.code) && (d.related ?? []).length === 0;
  const lines =
    d.severity === "info" || unread || url ? undefined : ctx.lines(abs);
  out.push(...codeFrame(lines, d.line, d.column, ctx.paint));
  for (const rel of d.related ?? [])
    out.push(`  ${ctx.paint.dim("related:")} ${shownPlace(rel, ctx)}`);
  return out.join("\n") + "\n";
}

/** A place as messages name it, `file:line:column`, the file from where the user is. */
export function shownPlace(at: ReportPlace, ctx: Omit<FormatContext, "lines">) {
  return `${displayPath(ctx.cwd, inputPlace(at.file, ctx.baseDir))}:${at.line}:${at.column}`;
}

export function severityLabel(
  severity: Severity | ChangeSeverity,
  paint: Paint,
): string {
  return paint.bold(paint[COLOURS[severity]](severity));
}

const COLOURS = {
  error: "red",
  breaking: "red",
  warning: "yellow",
  info: "blue",
} as const;

/** The lines around `line` with a gutter, `>` on the line itself and a caret under `column`; none without the line. */
export function codeFrame(
  lines: readonly string[] | undefined,
  line: number,
  column: number,
  paint: Paint,
): string[] {
  if (!lines || line < 1 || line > lines.length) return [];
  const first = Math.max(1, line - BEFORE);
  const last = Math.min(lines.length, line + AFTER);
  const gutter = String(last).length;
  const target = lines[line - 1]!;
  // where a long line's visible window starts so the column stays in view
  const start =
    target.length <= WIDTH
      ? 0
      : Math.max(0, Math.min(column - 1 - WIDTH / 2, target.length - WIDTH));
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    const text = visible(clip(lines[n - 1]!, start));
    const marker = n === line ? paint.red(">") : " ";
    out.push(
      `${marker} ${paint.dim(`${String(n).padStart(gutter)} |`)}${text ? ` ${text}` : ""}`,
    );
    if (n === line) {
      const clipped = clip(target, start);
      const lead = start > 0 ? 1 : 0; // the "…" that clip put first
      const before = clipped.slice(0, Math.max(0, column - 1 - start + lead));
      const pad = visible(before).replace(/[^\t]/g, " ");
      out.push(
        `  ${paint.dim(`${" ".repeat(gutter)} |`)} ${pad}${paint.red("^")}`,
      );
    }
  }
  return out;
}

/** Control characters and invisible direction marks escaped: a spec's bytes never drive the terminal. */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** `visible` line by line: a message's line breaks kept, every other control escaped. */
export const visibleLines = (text: string) =>
  text.split("\n").map(visible).join("\n");

/** C0 but the tab, DEL, C1, U+2028 and U+2029 (line breaks to some readers), the bidi controls. */
const INVISIBLE =
  /[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function clip(line: string, start: number): string {
  const body = line.slice(start, start + WIDTH).trimEnd();
  return `${start > 0 ? "…" : ""}${body}${start + WIDTH < line.length ? "…" : ""}`;
}
