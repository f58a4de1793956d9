import type {
  ApiChange,
  ChangeRule,
  GeneratedFile,
  Reporter,
  SinceLastRun,
} from "../artifact.js";
import { isMap, markdownCode, markdownText } from "../toolkit.js";

const TITLE = "# Changes since the last run\n\n";

/**
 * The docs' changelog page, `docs/changes.md`: what changed in the API since the last run into
 * this folder, by the rules of `apiloom diff`.
 */
export function changelogPage(
  since: SinceLastRun,
  reporter: Reporter,
): GeneratedFile {
  const path = "docs/changes.md";
  // the same document: the last run's page stands, made again from its record, not its bytes (a
  // page edited by hand is stale; what is planted in the record comes out escaped)
  if (since.before === undefined || since.before === since.now) {
    const page = since.earlier(path, {
      // far above a real page's size: a larger, planted one is not read
      maxBytes: 4 * 1024 * 1024,
      onTooLarge: (why, at) =>
        reporter.report(
          "output/changelog-too-large",
          `the last run's ${path} is not read back: ${why}; the page is made from this run's comparison`,
          at,
        ),
    });
    const kept = readPageRecord(page, since.rules);
    if (kept) return { path, contents: render(kept, since.rules) };
  }
  return { path, contents: render(pageRecord(since), since.rules) };
}

/** What a page says when it lists no change, by the kind of its record. */
const NO_CHANGES = {
  first:
    "The first run into this folder: there is no earlier API description to compare with.\n",
  same: "No change to the API description since the last run.\n",
  unreadable:
    "The API description changed, but the earlier one could not be read back to compare (it has errors).\n",
  wording:
    "The API description changed (wording, examples or other documentation), but nothing that changes the generated code's contract.\n",
};

/** What a page says, as the data it is made from. */
type PageRecord =
  | { kind: keyof typeof NO_CHANGES }
  | { kind: "changes"; changes: readonly PageChange[] };
type PageChange = Pick<ApiChange, "rule" | "endpoint" | "message" | "names"> & {
  also?: string[];
};

const RECORD_LINE = "<!-- apiloom changes ";

function pageRecord(since: SinceLastRun): PageRecord {
  if (since.before === undefined) return { kind: "first" };
  if (since.before === since.now) return { kind: "same" };
  const changes = since.changes();
  if (changes === undefined) return { kind: "unreadable" };
  if (changes.length === 0) return { kind: "wording" };
  return { kind: "changes", changes: changes.map(pageChange) };
}

/** The record on a page's last line, checked field by field; undefined when it is not one. */
function readPageRecord(
  page: string | undefined,
  rules: SinceLastRun["rules"],
): PageRecord | undefined {
  const last = page?.trimEnd().split("\n").pop();
  if (!page?.startsWith(TITLE) || !last?.startsWith(RECORD_LINE))
    return undefined;
  let data: unknown;
  try {
    const text = last.slice(RECORD_LINE.length, -" -->".length);
    data = JSON.parse(Buffer.from(text, "base64").toString("utf8"));
  } catch {
    return undefined;
  }
  if (typeof data !== "object" || data === null) return undefined;
  const { kind, changes } = data as { kind?: unknown; changes?: unknown };
  if (typeof kind === "string" && Object.hasOwn(NO_CHANGES, kind))
    return { kind: kind as keyof typeof NO_CHANGES };
  if (kind !== "changes" || !Array.isArray(changes)) return undefined;
  const read = (changes as unknown[]).map((c) => readPageChange(c, rules));
  return read.every((c): c is PageChange => c !== undefined)
    ? { kind, changes: read }
    : undefined;
}

function readPageChange(c: unknown, rules: SinceLastRun["rules"]) {
  if (!isMap(c)) return undefined;
  const text = (v: unknown): v is string => typeof v === "string";
  const names = c.names as Record<string, unknown> | undefined;
  if (
    !text(c.rule) ||
    !Object.hasOwn(rules, c.rule) ||
    !text(c.endpoint) ||
    !text(c.message) ||
    typeof names !== "object" ||
    names === null ||
    !NAME_KEYS.every((k) => names[k] === undefined || text(names[k])) ||
    !(c.also === undefined || (Array.isArray(c.also) && c.also.every(text)))
  )
    return undefined;
  return pageChange(c as PageChange);
}

/** The names a page keeps of a change, in this order. */
const NAME_KEYS = ["function", "type", "member", "handler"] as const;

/** A change as a page keeps it: its names in NAME_KEYS' order, the functions it also changes. */
function pageChange(c: PageChange | ApiChange): PageChange {
  const names: ApiChange["names"] = {};
  for (const k of NAME_KEYS) names[k] = c.names[k];
  const { rule, endpoint, message } = c;
  const also = c.also?.map((a) => (typeof a === "string" ? a : a.function));
  return { rule, endpoint, message, names, ...(also && { also }) };
}

function render(record: PageRecord, rules: SinceLastRun["rules"]): string {
  const data = `${RECORD_LINE}${Buffer.from(JSON.stringify(record)).toString("base64")} -->\n`;
  return `${TITLE}${body(record, rules)}\n${data}`;
}

function body(record: PageRecord, rules: SinceLastRun["rules"]): string {
  if (record.kind !== "changes") return NO_CHANGES[record.kind];
  const of = (severity: ChangeRule["severity"]) =>
    record.changes.filter((c) => rules[c.rule]!.severity === severity);
  const warnings = of("warning").length;
  const lines = [
    `From the API description of the last run to this one (the rules of \`apiloom diff\`): ${of("breaking").length} breaking, ${warnings} warning${warnings === 1 ? "" : "s"}, ${of("info").length} info.`,
  ];
  for (const [severity, heading] of [
    ["breaking", "Breaking"],
    ["warning", "Warnings"],
    ["info", "Info"],
  ] as const) {
    const listed = of(severity);
    if (listed.length === 0) continue;
    lines.push("", `## ${heading}`, "");
    for (const c of listed) lines.push(`- ${item(c, rules)}`);
  }
  return lines.join("\n") + "\n";
}

/** `` `GET /events` ``: the message (`rule`, breaks clients); in your code: … */
function item(c: PageChange, rules: SinceLastRun["rules"]): string {
  const names: string[] = [];
  if (c.names.function)
    names.push(`client ${markdownCode(`${c.names.function}()`)}`);
  if (c.names.type)
    names.push(
      `type ${markdownCode(`${c.names.type}${c.names.member ? `.${c.names.member}` : ""}`)}`,
    );
  if (c.names.handler)
    names.push(`handler ${markdownCode(`handlers.${c.names.handler}`)}`);
  for (const a of c.also ?? []) names.push(`client ${markdownCode(`${a}()`)}`);
  const direction = rules[c.rule]!.breaks;
  const breaks = direction === "none" ? "" : `, breaks ${direction}`;
  const yours = names.length > 0 ? `. In your code: ${names.join(", ")}` : "";
  return `${markdownCode(c.endpoint)}: ${message(c.message)} (\`${c.rule}\`${breaks})${yours}`;
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
