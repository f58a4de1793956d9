import type {
  ApiResponse,
  MediaContent,
  ResponseHeader,
} from "../../model/types.js";
import {
  child,
  sourceOf,
  stringAt,
  type RecordNode,
} from "../openapi-common/node.js";
import type { SpecReading } from "../openapi-common/reading.js";
import { responseEntries } from "../openapi-common/responses.js";
import { readContent, readHeaders } from "./content.js";
import { overridden } from "./reference.js";
import { reportItemSchemas } from "./v32.js";

/** §4.8.16 Responses Object; entries and headers may be `$ref`s into components. */
export function readResponses(
  reading: SpecReading,
  operation: RecordNode,
): ApiResponse[] {
  const responses: ApiResponse[] = [];
  const entries = [...responseEntries(reading, child(operation, "responses"))];
  // the statuses a client reads as a success: 2XX, or a lone `default`
  const success = entries.some((e) => e.status.startsWith("2"))
    ? (status: string) => status.startsWith("2")
    : (status: string) => status === "default";
  for (const { status, entry, definition } of entries) {
    // a Response Object a `$ref` reaches reads the same for every entry that refers to it
    const shared = entry !== definition;
    const known = shared ? READ.get(definition) : undefined;
    const response: ApiResponse = {
      status,
      description:
        overridden(entry, "description") ??
        stringAt(definition, "description") ??
        "",
      // a list of its own: an Accept header parameter adds media types to it (applyEvidence)
      content: known
        ? known.content.slice()
        : readContent(reading, child(definition, "content")),
      sources: [sourceOf(entry)],
    };
    const headers = known ? known.headers : readHeaders(reading, definition);
    if (headers) response.headers = headers;
    if (shared && !known)
      READ.set(definition, { content: response.content.slice(), headers });
    reportItemSchemas(
      reading,
      response.content,
      success(status) ? "success" : "error",
    );
    responses.push(response);
  }
  return responses;
}

/**
 * The content and headers of each Response Object reached through a `$ref`, read at the first
 * entry that refers to it (keyed by the node SpecReading.deref gives every entry). Each response
 * gets a list of its own; the media types, examples and headers in it are shared, as nothing
 * after the reading writes into them.
 */
const READ = new WeakMap<
  RecordNode,
  {
    content: MediaContent[];
    headers: Record<string, ResponseHeader> | undefined;
  }
>();
