import type { ApiResponse, ResponseHeader } from "../../model/types.js";
import {
  child,
  isRecordNode,
  members,
  sourceOf,
  stringAt,
  type RecordNode,
} from "../openapi-common/node.js";
import type { SpecReading } from "../openapi-common/reading.js";
import { responseEntries } from "../openapi-common/responses.js";
import { readContent, schemaOfContent } from "./content.js";
import { overridden } from "./reference.js";
import { setOwn } from "../../model/own.js";

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

/** The `headers` map of a response or of a multipart Encoding Object. */
export function readHeaders(
  reading: SpecReading,
  response: RecordNode,
): Record<string, ResponseHeader> | undefined {
  const entries = members(child(response, "headers"));
  if (entries.length === 0) return undefined;
  const out: Record<string, ResponseHeader> = {};
  for (const [name, entry] of entries) {
    const node = reading.deref(entry, "header");
    if (!node) continue;
    if (!isRecordNode(node)) {
      reading.reporter.report(
        "openapi3/invalid-header",
        `response header ${JSON.stringify(name)} must be an object; it is skipped`,
        sourceOf(entry),
      );
      continue;
    }
    const header: ResponseHeader = {};
    const schemaNode = child(node, "schema");
    const schema =
      schemaNode.value !== undefined
        ? reading.schema(schemaNode)
        : schemaOfContent(reading, child(node, "content"));
    if (schema !== undefined) header.schema = schema;
    const description =
      overridden(entry, "description") ?? stringAt(node, "description");
    if (description !== undefined) header.description = description;
    setOwn(out, name, header);
  }
  return out;
}
