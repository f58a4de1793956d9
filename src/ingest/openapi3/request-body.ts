import type { RequestBody } from "../../model/types.js";
import {
  child,
  isRecordNode,
  sourceOf,
  stringAt,
  type RecordNode,
} from "../openapi-common/node.js";
import type { SpecReading } from "../openapi-common/reading.js";
import { readContent } from "./content.js";
import { overridden } from "./reference.js";
import { reportItemSchemas } from "./v32.js";

/** §4.8.13 Request Body Object, `$ref` to components.requestBodies followed. */
export function readRequestBody(
  reading: SpecReading,
  operation: RecordNode,
): RequestBody | undefined {
  const entry = child(operation, "requestBody");
  if (entry.value === undefined) return undefined;
  const definition = reading.deref(entry, "request body");
  if (!definition) return undefined;
  if (!isRecordNode(definition)) {
    reading.reporter.report(
      "openapi3/invalid-request-body",
      "`requestBody` must be an object; it is ignored",
      sourceOf(entry),
    );
    return undefined;
  }
  const body: RequestBody = {
    required: definition.value.required === true,
    content: readContent(reading, child(definition, "content")),
    sources: [sourceOf(entry)],
  };
  reportItemSchemas(reading, body.content, "request");
  const description =
    overridden(entry, "description") ?? stringAt(definition, "description");
  if (description !== undefined) body.description = description;
  return body;
}
