import type { ResponseHeader } from "../../model/types.js";
import { setOwn } from "../../model/own-property.js";
import { statusKey } from "../../model/http-status.js";
import {
  child,
  isRecordNode,
  members,
  type Node,
  type RecordNode,
} from "./node.js";
import type { SpecReading } from "./reading.js";

/**
 * The entries of a `responses` object: each its status (ranges upper-cased, `4xx` → `4XX`), the
 * entry (maybe a `$ref`: where the response is written) and the Response Object it is or refers
 * to. `x-` members are left to the extensions; any other key, and an entry not an object, skipped.
 */
export function responseEntries(reading: SpecReading, responses: Node) {
  if (responses.value === undefined) return [];
  if (!isRecordNode(responses)) {
    reading.report(
      "invalid-responses",
      "`responses` must be an object; it is ignored",
      responses,
    );
    return [];
  }
  return members(responses).flatMap(([key, entry]) => {
    if (key.startsWith("x-")) return [];
    const status = statusKey(key);
    if (status === undefined) {
      reading.report(
        "invalid-status",
        `response key ${JSON.stringify(key)} is not an HTTP status, a range like 4XX, or "default"; it is skipped`,
        entry,
      );
      return [];
    }
    const definition = reading.deref(entry, "response");
    if (!definition) return [];
    if (!isRecordNode(definition)) {
      reading.report(
        "invalid-response",
        `response ${status} must be an object; it is skipped`,
        entry,
      );
      return [];
    }
    return [{ status, entry, definition }];
  });
}

/**
 * The `headers` map of a response (or of a multipart Encoding Object), `$ref`s followed: `read`
 * reads each header that is an object; any other is reported and skipped.
 */
export function readHeaderMap(
  reading: SpecReading,
  owner: RecordNode,
  read: (header: RecordNode, entry: Node) => ResponseHeader,
): Record<string, ResponseHeader> | undefined {
  const entries = members(child(owner, "headers"));
  if (entries.length === 0) return undefined;
  const out: Record<string, ResponseHeader> = {};
  for (const [name, entry] of entries) {
    const node = reading.deref(entry, "header");
    if (!node) continue;
    if (isRecordNode(node)) setOwn(out, name, read(node, entry));
    else
      reading.report(
        "invalid-header",
        `response header ${JSON.stringify(name)} must be an object; it is skipped`,
        entry,
      );
  }
  return out;
}
