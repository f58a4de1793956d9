import {
  isRecordNode,
  members,
  sourceOf,
  type Node,
  type RecordNode,
} from "./node.js";
import type { SpecReading } from "./reading.js";

/** One entry of an operation's `responses`, its status key normalized. */
export interface ResponseEntry {
  /** `"200"`, `"4XX"` or `"default"`. */
  status: string;
  /** The entry itself (possibly a `$ref`): where the response is written. */
  entry: Node;
  /** The Response Object the entry is or refers to. */
  definition: RecordNode;
}

/**
 * The entries of a `responses` object. YAML reads `200:` as a number key, which arrives here as the
 * string "200" already; ranges are upper-cased (`4xx` → `4XX`); `x-` members are extensions; any
 * other key is reported and skipped. `$ref`s are followed; an entry that is not an object (itself
 * or at the end of its references) is reported and skipped.
 */
export function responseEntries(
  reading: SpecReading,
  responses: Node,
): ResponseEntry[] {
  if (responses.value === undefined) return [];
  if (!isRecordNode(responses)) {
    reading.reporter.report(
      reading.code("invalid-responses"),
      "`responses` must be an object; it is ignored",
      sourceOf(responses),
    );
    return [];
  }
  const out: ResponseEntry[] = [];
  for (const [key, entry] of members(responses)) {
    if (key.startsWith("x-")) continue;
    const status = normalizeStatus(key);
    if (status === undefined) {
      reading.reporter.report(
        reading.code("invalid-status"),
        `response key ${JSON.stringify(key)} is not an HTTP status, a range like 4XX, or "default"; it is skipped`,
        sourceOf(entry),
      );
      continue;
    }
    const definition = reading.deref(entry, "response");
    if (!definition) continue;
    if (!isRecordNode(definition)) {
      reading.reporter.report(
        reading.code("invalid-response"),
        `response ${status} must be an object; it is skipped`,
        sourceOf(entry),
      );
      continue;
    }
    out.push({ status, entry, definition });
  }
  return out;
}

function normalizeStatus(key: string): string | undefined {
  const trimmed = key.trim();
  if (trimmed === "default") return trimmed;
  if (/^[1-5]\d\d$/.test(trimmed)) return trimmed;
  if (/^[1-5]xx$/i.test(trimmed)) return trimmed[0] + "XX";
  return undefined;
}
