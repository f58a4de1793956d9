import type { Change } from "../diff/change.js";
import type { ChangeSeverity } from "../diff/rules.js";
import type { GeneratedFile } from "../emit/artifact.js";
import type { PluginRun } from "../emit/run.js";
import { compareCodeUnits } from "../model/order.js";
import { markdownCode, markdownText } from "../emit/shared/escape.js";
import type { SinceLastRun } from "./since-last-run.js";

/** The page's name in the docs folder. */
export const CHANGELOG_FILE = "changes.md";

const TITLE = "# Changes since the last run\n\n";

const HEADINGS: Record<ChangeSeverity, string> = {
  breaking: "Breaking",
  warning: "Warnings",
  info: "Info",
};

/**
 * The docs' changelog page: what changed in the API since the last run into this folder, from
 * the comparison of the OpenAPI document written then with this run's (since-last-run.ts), so a
 * person reading a diff of the output sees what it means. The page depends on the folder's
 * earlier state, and must still come out byte for byte the same from the same inputs and state:
 * when the document did not change, the page is the one already there (a `--check` on a fresh
 * clone, or a second run, keeps it); it is made anew only from a document that changed.
 */
export function changelogPage(
  docsPath: string,
  since: SinceLastRun,
): GeneratedFile {
  const path = `${docsPath}/${CHANGELOG_FILE}`;
  // no earlier document to compare with (or one edited by hand), or the same one: the page the
  // last run wrote stands, when there is one
  if (since.before === undefined || since.before === since.now) {
    const kept = since.earlier(path);
    if (kept?.startsWith(TITLE)) return { path, contents: kept };
  }
  return { path, contents: render(since) };
}

/** Where an artifact of the run lives in the output folder; undefined when it is not made. */
export function pluginPath(
  emit: Pick<PluginRun, "plugins" | "artifacts">,
  name: string,
): string | undefined {
  if (![...emit.artifacts].includes(name)) return undefined;
  return emit.plugins.find((p) => p.name === name)?.path;
}

/**
 * Adds the files the workflow makes beside the plugins' (the changelog page, the handlers'
 * record) to the run's, each in its sorted place (the manifest lists them in that order, as
 * collectFiles sorts the plugins'); a path a plugin already made is left to it.
 */
export function addRunFiles(
  files: GeneratedFile[],
  added: readonly (GeneratedFile | undefined)[],
): void {
  for (const file of added)
    if (file && !files.some((f) => f.path === file.path)) files.push(file);
  files.sort((a, b) => compareCodeUnits(a.path, b.path));
}

/** The changelog page of a run that makes the docs and the OpenAPI document; else undefined. */
export function changelogFor(
  emit: Pick<PluginRun, "plugins" | "artifacts">,
  since: SinceLastRun | undefined,
): GeneratedFile | undefined {
  const docsPath = pluginPath(emit, "docs");
  return since && docsPath !== undefined
    ? changelogPage(docsPath, since)
    : undefined;
}

function render(since: SinceLastRun): string {
  const head = TITLE;
  if (since.before === undefined)
    return `${head}The first run into this folder: there is no earlier API description to compare with.\n`;
  if (since.before === since.now)
    return `${head}No change to the API description since the last run.\n`;
  const changes = since.changes();
  if (changes === undefined)
    return `${head}The API description changed, but the earlier one could not be read back to compare (it has errors).\n`;
  if (changes.length === 0)
    return `${head}The API description changed (wording, examples or other documentation), but nothing that changes the generated code's contract.\n`;
  const lines = [
    head.trimEnd(),
    "",
    `From the API description of the last run to this one (the rules of \`apiloom diff\`): ${tally(changes)}.`,
  ];
  for (const severity of ["breaking", "warning", "info"] as const) {
    const of = changes.filter((c) => c.severity === severity);
    if (of.length === 0) continue;
    lines.push("", `## ${HEADINGS[severity]}`, "");
    for (const c of of) lines.push(`- ${item(c)}`);
  }
  return lines.join("\n") + "\n";
}

function tally(changes: readonly Change[]): string {
  const count = (s: ChangeSeverity) =>
    changes.filter((c) => c.severity === s).length;
  const warnings = count("warning");
  return `${count("breaking")} breaking, ${warnings} warning${warnings === 1 ? "" : "s"}, ${count("info")} info`;
}

/** `` `GET /events` ``: the message (`rule`, breaks clients); in your code: … */
function item(c: Change): string {
  const names: string[] = [];
  if (c.names.function)
    names.push(`client ${markdownCode(`${c.names.function}()`)}`);
  if (c.names.type)
    names.push(
      `type ${markdownCode(`${c.names.type}${c.names.member ? `.${c.names.member}` : ""}`)}`,
    );
  if (c.names.handler)
    names.push(`handler ${markdownCode(`handlers.${c.names.handler}`)}`);
  for (const a of c.also ?? [])
    names.push(`client ${markdownCode(`${a.function}()`)}`);
  const breaks = c.breaks === "none" ? "" : `, breaks ${c.breaks}`;
  return (
    `${markdownCode(c.endpoint)}: ${message(c.message)} (\`${c.rule}\`${breaks})` +
    (names.length > 0 ? `. In your code: ${names.join(", ")}` : "")
  );
}

/** A change's message: its `quoted` names as code spans, the rest as escaped text. */
function message(text: string): string {
  return text
    .split(/`([^`]*)`/)
    .map((part, i) =>
      i % 2 === 1
        ? markdownCode(part)
        : markdownText(part.replace(/\s+/g, " ")),
    )
    .join("");
}
