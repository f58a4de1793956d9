import type { Schema } from "../../model/types.js";
import { annotationOf } from "../../model/schema/schema.js";
import { jsdocLines } from "../shared/escape.js";

/**
 * JSDoc lines for a schema: description (else title; an `allOf` member's too: annotationOf); what a value must look like — `Format`,
 * bounds, `Pattern` — as openapi-typescript keeps them; then `@default`, each `@example` and
 * `@deprecated`. Undefined when there is nothing.
 */
export function docLines(schema: Schema | undefined): string[] | undefined {
  if (!schema || typeof schema !== "object") return undefined;
  const text =
    annotationOf(schema, "description") ?? annotationOf(schema, "title");
  // a new list, not spread into one: a description may have more lines than a call takes
  const lines = text ? trimBlankEnds(jsdocLines(text)) : [];
  pushFact(lines, "Format", schema.format);
  pushFact(lines, "Minimum", schema.minimum);
  pushFact(lines, "Exclusive minimum", schema.exclusiveMinimum);
  pushFact(lines, "Maximum", schema.maximum);
  pushFact(lines, "Exclusive maximum", schema.exclusiveMaximum);
  pushFact(lines, "Pattern", schema.pattern);
  if (schema.default !== undefined) pushTag(lines, "@default", schema.default);
  for (const example of Array.isArray(schema.examples) ? schema.examples : [])
    pushTag(lines, "@example", example);
  if (annotationOf(schema, "deprecated")) lines.push("@deprecated");
  return lines.length > 0 ? lines : undefined;
}

function pushFact(lines: string[], label: string, value: unknown): void {
  if (typeof value === "string" || typeof value === "number")
    for (const line of jsdocLines(`${label}: ${value}`)) lines.push(line);
}

/** Longest JSON a `@default`/`@example` shows: a long example helps no one in a tooltip. */
const MAX_TAG_JSON = 400;

/** `@default 10`, `@example {…}` (JSON, indented when it spans lines); none when too long. */
function pushTag(lines: string[], tag: string, value: unknown): void {
  const json = JSON.stringify(value, null, 2);
  if (json === undefined || json.length > MAX_TAG_JSON) return;
  const own = jsdocLines(json);
  lines.push(`${tag} ${own[0] ?? ""}`, ...own.slice(1));
}

export function trimBlankEnds(lines: string[]): string[] {
  const filled = (line: string) => line.trim() !== "";
  const start = lines.findIndex(filled);
  return start < 0 ? [] : lines.slice(start, lines.findLastIndex(filled) + 1);
}
