import type {
  ApiResponse,
  Encoding,
  Example,
  MediaContent,
  RequestBody,
  ResponseHeader,
} from "../../model/types.js";
import { setOwn } from "../../model/own-property.js";
import { isLocationStyle } from "../../model/serialization.js";
import { successStatuses } from "../../model/item-streams.js";
import { readItemSchema, reportItemSchemas } from "./v32.js";
import {
  child,
  copyStrings,
  isRecordNode,
  members,
  type Node,
  type RecordNode,
  sourceOf,
  stringAt,
} from "../openapi-common/node.js";
import type { SpecReading } from "../openapi-common/reading.js";
import { isRecord, isRef } from "../reader.js";
import { readHeaderMap, responseEntries } from "../openapi-common/responses.js";

/** A `content` map (§4.8.14 Media Type Object per media type), in source order. */
function readContent(reading: SpecReading, content: Node): MediaContent[] {
  return members(content).flatMap(([key, listed]) => {
    // no type named (spoonacular's `""`): any, as `*/*` says, for the client and server to agree
    const mediaType = key.trim() === "" ? "*/*" : key;
    if (mediaType !== key)
      reading.reporter.report(
        "openapi3/invalid-media-type",
        `media type ${JSON.stringify(key)} names no type; it is read as */* (any)`,
        sourceOf(listed),
      );
    // OpenAPI 3.2: a Media Type Object may be a $ref (to components.mediaTypes)
    const entry =
      reading.isOpenApi32 && isRecordNode(listed) && "$ref" in listed.value
        ? reading.deref(listed, "media type")
        : listed;
    if (entry === undefined) return [];
    if (!isRecordNode(entry)) {
      reading.reporter.report(
        "openapi3/invalid-media-type",
        `media type ${JSON.stringify(mediaType)} must be an object; it is skipped`,
        sourceOf(entry),
      );
      return [];
    }
    const item: MediaContent = { mediaType };
    const schema = child(entry, "schema");
    if (schema.value !== undefined) item.schema = reading.schema(schema);
    const itemSchema = child(entry, "itemSchema");
    if (itemSchema.value !== undefined && reading.isOpenApi32)
      readItemSchema(reading, item, itemSchema);
    const examples = readExamples(reading, entry);
    if (examples.length > 0) item.examples = examples;
    const encoding = readEncoding(reading, child(entry, "encoding"));
    if (encoding) item.encoding = encoding;
    return [item];
  });
}

/** §4.8.15 Encoding Objects of a form body, by property name. */
export function readEncoding(reading: SpecReading, node: Node) {
  const out: Record<string, Encoding> = {};
  for (const [name, entry] of members(node)) {
    if (!isRecordNode(entry)) continue;
    const raw = entry.value;
    const encoding: Encoding = {};
    copyStrings(encoding, entry, "contentType");
    const headers = readHeaders(reading, entry);
    if (headers) encoding.headers = headers;
    const style = stringAt(entry, "style");
    if (style !== undefined && isLocationStyle("query", style))
      encoding.style = style;
    if (typeof raw.explode === "boolean") encoding.explode = raw.explode;
    if (raw.allowReserved === true) encoding.allowReserved = true;
    setOwn(out, name, encoding);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** A parameter's or header's schema: its `schema`, else that of its `content`'s first media type. */
export function schemaOf(reading: SpecReading, owner: RecordNode) {
  const own = child(owner, "schema");
  if (own.value !== undefined) return reading.schema(own);
  const first = members(child(owner, "content"))[0];
  if (!first || !isRecordNode(first[1])) return undefined;
  const schema = child(first[1], "schema");
  return schema.value === undefined ? undefined : reading.schema(schema);
}

/** `example` and `examples` (§4.8.19 Example Objects, `$ref`s followed) of one owner. */
export function readExamples(reading: SpecReading, owner: RecordNode) {
  const out: Example[] = [];
  // the value, its `$ref`s followed: openapi.json has no components.examples for them to name
  const value = (node: Node) =>
    reading.ctx.literal(node.value, node.doc, () => node.path);
  if (owner.value.example !== undefined)
    out.push({ value: value(child(owner, "example")) });
  for (const [name, entry] of members(child(owner, "examples"))) {
    const example = reading.deref(entry, "example");
    if (!example || !isRecordNode(example)) continue;
    const item: Example = { name };
    copyStrings(item, example, "summary");
    if (example.value.value !== undefined)
      item.value = value(child(example, "value"));
    // OpenAPI 3.2: the example as data (its serialized form aside)
    else if (example.value.dataValue !== undefined)
      item.value = value(child(example, "dataValue"));
    out.push(item);
  }
  return out;
}

export function readHeaders(reading: SpecReading, owner: RecordNode) {
  return readHeaderMap(reading, owner, (node, entry) => {
    const header: ResponseHeader = {};
    const schema = schemaOf(reading, node);
    if (schema !== undefined) header.schema = schema;
    const description = descriptionOf(entry, node);
    if (description !== undefined) header.description = description;
    if (node.value.required === true) header.required = true;
    const example = readExamples(reading, node)[0]?.value;
    if (example !== undefined) header.example = example;
    return header;
  });
}

/**
 * The `description` of the object `entry` is or refers to: OpenAPI 3.1 §4.8.23, a Reference
 * Object's `description` overrides the component's (3.0 writes none, so 3.0 is read the same).
 */
export function descriptionOf(entry: Node, definition: RecordNode) {
  const own = isRef(entry.value) ? entry.value.description : undefined;
  return typeof own === "string" ? own : stringAt(definition, "description");
}

/** §4.8.13 Request Body Object, `$ref` to components.requestBodies followed. */
export function readRequestBody(reading: SpecReading, operation: RecordNode) {
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
    ...reading.kept(definition),
    sources: [sourceOf(entry)],
  };
  reportItemSchemas(reading, body.content, "request");
  const description = descriptionOf(entry, definition);
  if (description !== undefined) body.description = description;
  return body;
}

/** §4.8.16 Responses Object; entries and headers may be `$ref`s into components. */
export function readResponses(reading: SpecReading, operation: RecordNode) {
  const entries = responseEntries(reading, child(operation, "responses"));
  const success = successStatuses(entries);
  return entries.map(({ status, entry, definition }) => {
    const response: ApiResponse = {
      status,
      description: descriptionOf(entry, definition) ?? "",
      content: readContent(reading, child(definition, "content")),
      ...reading.kept(definition),
      sources: [sourceOf(entry)],
    };
    const headers = readHeaders(reading, definition);
    if (headers) response.headers = headers;
    // Link Objects (§4.8.20) are kept as written, for openapi.json
    for (const [name, entry] of members(child(definition, "links"))) {
      const link = reading.deref(entry, "link");
      const value =
        link && reading.ctx.literal(link.value, link.doc, () => link.path);
      if (isRecord(value)) setOwn((response.links ??= {}), name, value);
    }
    reportItemSchemas(
      reading,
      response.content,
      success.includes(status) ? "success" : "error",
    );
    return response;
  });
}
