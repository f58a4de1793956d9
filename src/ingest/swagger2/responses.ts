import type {
  MediaContent,
  ApiResponse,
  ResponseHeader,
} from "../../model/types.js";
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
import { inlineSchema } from "./simple-schema.js";
import { setOwn } from "../../model/own-property.js";

/**
 * §Responses Object. A response with a `schema` has content in every media type the operation
 * `produces`; one without has no body, except for the media types its `examples` name.
 */
export function readResponses(
  reading: SpecReading,
  operation: RecordNode,
  produces: string[],
): ApiResponse[] {
  const responses: ApiResponse[] = [];
  for (const { status, entry, definition } of responseEntries(
    reading,
    child(operation, "responses"),
  )) {
    const response: ApiResponse = {
      status,
      description: stringAt(definition, "description") ?? "",
      content: content(reading, definition, produces),
      sources: [sourceOf(entry)],
    };
    const headers = readHeaders(reading, definition);
    if (headers) response.headers = headers;
    responses.push(response);
  }
  return responses;
}

function content(
  reading: SpecReading,
  response: RecordNode,
  produces: string[],
): MediaContent[] {
  const out: MediaContent[] = [];
  const schemaNode = child(response, "schema");
  if (schemaNode.value !== undefined) {
    const schema = reading.schema(schemaNode);
    for (const mediaType of produces.length > 0
      ? produces
      : ["application/json"])
      out.push({ mediaType, schema });
  }
  // §Example Object: media type → example value
  for (const [mediaType, example] of members(child(response, "examples"))) {
    let entry = out.find((c) => c.mediaType === mediaType);
    if (!entry) {
      entry = { mediaType };
      out.push(entry);
    }
    entry.examples = [{ value: example.value }];
  }
  return out;
}

function readHeaders(
  reading: SpecReading,
  response: RecordNode,
): Record<string, ResponseHeader> | undefined {
  const headers = members(child(response, "headers"));
  if (headers.length === 0) return undefined;
  const out: Record<string, ResponseHeader> = {};
  for (const [name, node] of headers) {
    if (!isRecordNode(node)) {
      reading.reporter.report(
        "swagger2/invalid-header",
        `response header ${JSON.stringify(name)} must be an object; it is skipped`,
        sourceOf(node),
      );
      continue;
    }
    const header: ResponseHeader = {};
    const schema = inlineSchema(reading, node);
    if (schema !== undefined) header.schema = schema;
    const description = stringAt(node, "description");
    if (description !== undefined) header.description = description;
    setOwn(out, name, header);
  }
  return out;
}
