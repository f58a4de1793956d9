import { displayPath, inputPlace } from "../model/source-url.js";
import type { Change } from "../diff/change.js";
import type { ChangeSeverity } from "../diff/rules.js";
import type { SourceRef } from "../model/types.js";
import {
  codeFrame,
  severityLabel,
  shownPlace,
  visible,
  type FormatContext,
} from "./diagnostic-format.js";
import { plural } from "./report.js";

export const DIFF_FORMATS = ["text", "markdown", "json", "github"] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface ReportContext extends Omit<FormatContext, "lines"> {
  /** The lines of a file as one side read it, for code frames. */
  lines(side: "old" | "new", absPath: string): readonly string[] | undefined;
  /** What the two sides are, in words: `main`, `the working tree`. */
  labels: { old: string; new: string };
}

export function summarize(changes: readonly Change[]) {
  const count = (s: ChangeSeverity) =>
    changes.filter((c) => c.severity === s).length;
  // a change of a shared schema is reported once, and reaches every endpoint in its `also`
  const endpoints = (kind: ReturnType<typeof endpointChange>) =>
    new Set(
      changes
        .filter((c) => endpointChange(c) === kind)
        .flatMap((c) => [c.endpoint, ...(c.also ?? []).map((a) => a.endpoint)]),
    ).size;
  return {
    breaking: count("breaking"),
    warning: count("warning"),
    info: count("info"),
    added: endpoints("added"),
    removed: endpoints("removed"),
    // endpoints with at least one other change (those a shared schema's change reaches too)
    changed: endpoints("changed"),
  };
}

/** What a change does to its endpoint: adds it, removes it, or changes it. */
export function endpointChange(c: Change): "added" | "removed" | "changed" {
  if (c.rule === "operation-added") return "added";
  return c.rule === "operation-removed" ? "removed" : "changed";
}

/** One line: `3 breaking, 1 warning, 4 info; endpoints: 1 added, 1 removed, 2 changed`. */
export function summaryLine(s: ReturnType<typeof summarize>): string {
  return (
    `${s.breaking} breaking, ${plural(s.warning, "warning")}, ${s.info} info; ` +
    `endpoints: ${s.added} added, ${s.removed} removed, ${s.changed} changed`
  );
}

export function formatChanges(
  changes: readonly Change[],
  format: DiffFormat,
  ctx: ReportContext,
): string {
  switch (format) {
    case "json":
      return (
        JSON.stringify({ summary: summarize(changes), changes }, null, 2) + "\n"
      );
    case "markdown":
      return markdown(changes, ctx);
    case "github":
      return changes.map((c) => annotation(c, ctx)).join("");
    case "text":
      return text(changes, ctx);
  }
}

/** What the change touches in the user's names: `createSpecialEvent() · SpecialEvent.location · handlers.createSpecialEvent`. */
function namesLine(c: Change): string {
  const parts: string[] = [];
  if (c.names.function) parts.push(`client ${c.names.function}()`);
  if (c.names.type)
    parts.push(
      `type ${c.names.type}${c.names.member ? `.${c.names.member}` : ""}`,
    );
  if (c.names.handler) parts.push(`handler handlers.${c.names.handler}`);
  return parts.join(" · ");
}

function text(changes: readonly Change[], ctx: ReportContext): string {
  const { paint } = ctx;
  const out: string[] = [];
  for (const c of changes) {
    const { side, ref } = primary(c);
    const head = `${ref ? paint.bold(shownPlace(ref, ctx)) + ": " : ""}${severityLabel(c.severity, paint)} ${paint.dim(c.rule)} ${visible(c.message)}${c.breaks === "none" ? "" : paint.dim(` (breaks ${c.breaks})`)}`;
    out.push(head);
    if (c.severity === "info") continue;
    if (ref) {
      const lines = ctx.lines(side, inputPlace(ref.file, ctx.baseDir));
      out.push(...codeFrame(lines, ref.line, ref.column, paint));
    }
    if (c.old && c.new)
      out.push(
        side === "new"
          ? `  ${paint.dim("was:")} ${shownPlace(c.old, ctx)} (${ctx.labels.old})`
          : `  ${paint.dim("now:")} ${shownPlace(c.new, ctx)} (${ctx.labels.new})`,
      );
    out.push(`  ${paint.dim("in your code:")} ${visible(namesLine(c))}`);
    for (const site of c.callSites ?? [])
      out.push(
        `  ${paint.dim("used at:")} ${site.file}:${site.line}: ${visible(site.text)}`,
      );
    out.push("");
  }
  out.push(
    `apiloom diff: ${ctx.labels.old} → ${ctx.labels.new}: ${summaryLine(summarize(changes))}`,
  );
  return out.join("\n") + "\n";
}

/** The place a change is shown at: where a removed thing was, else where the change is now. */
function primary(c: Change): { side: "old" | "new"; ref?: SourceRef } {
  if (/-removed$/.test(c.rule) && c.old) return { side: "old", ref: c.old };
  return c.new ? { side: "new", ref: c.new } : { side: "old", ref: c.old };
}

/** A spec's text in a Markdown table cell: no cell break, no HTML, no line break, no control character. */
function cell(value: string): string {
  return visible(value.replace(/[\r\n]+/g, " "))
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|");
}

function markdown(changes: readonly Change[], ctx: ReportContext): string {
  const s = summarize(changes);
  const out = [
    `### API changes: ${cell(ctx.labels.old)} → ${cell(ctx.labels.new)}`,
    "",
    `**${s.breaking} breaking**, ${plural(s.warning, "warning")}, ${s.info} info · endpoints: ${s.added} added, ${s.removed} removed, ${s.changed} changed`,
    "",
  ];
  if (changes.length === 0) return out.concat("No changes.", "").join("\n");
  out.push(
    "| Severity | Breaks | Change | In your code | Where |",
    "| --- | --- | --- | --- | --- |",
  );
  for (const c of changes) {
    const { ref } = primary(c);
    const sites = (c.callSites ?? []).map(
      (site) => `<br>used at ${cell(`${site.file}:${site.line}`)}`,
    );
    out.push(
      `| ${c.severity} | ${c.breaks} | ${cell(c.message)} (\`${c.rule}\`) | ${cell(namesLine(c))}${sites.join("")} | ${ref ? cell(shownPlace(ref, ctx)) : ""} |`,
    );
  }
  return out.join("\n") + "\n";
}

function annotation(c: Change, ctx: ReportContext): string {
  const command = { breaking: "error", warning: "warning", info: "notice" }[
    c.severity
  ];
  const { ref } = primary(c);
  const props = [
    ...(ref
      ? [
          `file=${githubProperty(displayPath(ctx.cwd, inputPlace(ref.file, ctx.baseDir)))}`,
          `line=${ref.line}`,
          `col=${ref.column}`,
        ]
      : []),
    `title=${githubProperty(`apiloom diff: ${c.rule}`)}`,
  ];
  const names = namesLine(c);
  return `::${command} ${props.join(",")}::${githubData(`${c.message}${names ? ` [${names}]` : ""}`)}\n`;
}

/** Spec text in a workflow command: `%`, CR, LF encoded (no line starts a command), controls escaped. */
function githubData(text: string): string {
  return visible(
    text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A"),
  );
}

/** A workflow command's property value (`file=`, `title=`): its data, `:` and `,` encoded too. */
function githubProperty(text: string): string {
  return githubData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
