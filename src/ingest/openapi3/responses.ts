import type { ApiResponse } from "../../model/types.js";
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

/** §4.8.16 Responses Object; entries and headers may be `$ref`s into components. */
export function readResponses(
  reading: SpecReading,
  operation: RecordNode,
): ApiResponse[] {
  const responses: ApiResponse[] = [];
  for (const { status, entry, definition } of responseEntries(
    reading,
    child(operation, "responses"),
  )) {
    const response: ApiResponse = {
      status,
      description:
        overridden(entry, "description") ??
        stringAt(definition, "description") ??
        "",
      content: readContent(reading, child(definition, "content")),
      sources: [sourceOf(entry)],
    };
    const headers = readHeaders(reading, definition);
    if (headers) response.headers = headers;
    responses.push(response);
  }
  return responses;
}
