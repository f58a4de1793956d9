import type {
  CollectionFormat,
  Encoding,
  MediaContent,
  Parameter,
  ParameterStyle,
  RequestBody,
  Schema,
} from "../../model/types.js";
import { baseMediaType, bodyReading } from "../../model/media-types.js";
import {
  child,
  copyStrings,
  type RecordNode,
  sourceOf,
} from "../openapi-common/node.js";
import type { ParameterEntry } from "../openapi-common/parameters.js";
import type { SpecReading } from "../openapi-common/reading.js";
import { isRecord, isRef } from "../reader.js";
import { setOwn } from "../../model/own-property.js";

/**
 * Folds an operation's `body` parameter, or its `formData` parameters, into one request body with
 * a content entry per media type (the operation's `consumes`, else the document's).
 */
export function foldRequestBody(
  reading: SpecReading,
  body: ParameterEntry[],
  form: ParameterEntry[],
  consumes: string[],
): RequestBody | undefined {
  if (body.length > 0) {
    for (const extra of [...body.slice(1), ...form])
      reading.reporter.report(
        "swagger2/extra-body-parameter",
        `parameter ${JSON.stringify(extra.name)} is ignored: an operation has at most one body parameter, and no formData parameters beside it`,
        sourceOf(extra.entry),
      );
    return bodyParameter(reading, body[0]!, consumes);
  }
  return form.length > 0 ? formData(reading, form, consumes) : undefined;
}

function bodyParameter(
  reading: SpecReading,
  body: ParameterEntry,
  consumes: string[],
): RequestBody {
  const { definition } = body;
  const schemaNode = child(definition, "schema");
  let schema: Schema | undefined;
  if (schemaNode.value === undefined)
    reading.reporter.report(
      "swagger2/body-without-schema",
      `body parameter ${JSON.stringify(body.name)} has no schema`,
      sourceOf(body.entry),
    );
  else schema = reading.schema(schemaNode);
  const mediaTypes = consumes.length > 0 ? consumes : ["application/json"];
  const out: RequestBody = {
    required: definition.value.required === true,
    content: mediaTypes.map((mediaType) => content(mediaType, schema)),
    sources: [sourceOf(body.entry)],
  };
  copyStrings(out, definition, "description");
  return out;
}

/**
 * formData parameters as the properties of one object schema, sent as the form types among
 * `consumes`, else multipart/form-data for a file (§Parameter Object), else urlencoded.
 */
function formData(
  reading: SpecReading,
  form: ParameterEntry[],
  consumes: string[],
): RequestBody {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  const encoding: Record<string, Encoding> = {};
  for (const parameter of form) {
    const raw = parameter.definition.value;
    if (raw.type === "array" && !isFile(raw)) {
      const how = serializationOf(reading, "formData", parameter.definition);
      setOwn(encoding, parameter.name, how);
    }
    const property = inlineSchema(reading, parameter.definition) ?? {};
    copyStrings(property, parameter.definition, "description");
    setOwn(properties, parameter.name, property);
    if (raw.required === true) required.push(parameter.name);
  }
  const schema: Schema = { type: "object", properties };
  if (required.length > 0) schema.required = required;
  const declared = consumes.filter(isFormMediaType);
  const fallback = form.some((p) => isFile(p.definition.value))
    ? "multipart/form-data"
    : "application/x-www-form-urlencoded";
  const mediaTypes = declared.length > 0 ? declared : [fallback];
  return {
    required: required.length > 0,
    content: mediaTypes.map((mediaType) => ({
      ...content(mediaType, schema),
      ...(Object.keys(encoding).length > 0 ? { encoding } : {}),
    })),
    sources: form.map((parameter) => sourceOf(parameter.entry)),
  };
}

/** Media types that carry form fields: the only ones a Swagger 2.0 `formData` body can use. */
export const isFormMediaType = (mediaType: string): boolean =>
  bodyReading(mediaType) === "form" ||
  baseMediaType(mediaType).startsWith("multipart/");

function isFile(raw: Record<string, unknown>): boolean {
  return (
    raw.type === "file" ||
    (raw.type === "array" && isRecord(raw.items) && raw.items.type === "file")
  );
}

function content(mediaType: string, schema: Schema | undefined): MediaContent {
  return schema === undefined ? { mediaType } : { mediaType, schema };
}

/**
 * The JSON Schema keywords a Swagger 2.0 non-body parameter, header or `items` object carries
 * inline (§Parameter Object, §Items Object). `x-nullable` is the common extension for null.
 */
const SCHEMA_KEYWORDS =
  `type format items default maximum exclusiveMaximum minimum exclusiveMinimum maxLength
  minLength pattern maxItems minItems uniqueItems enum multipleOf
  x-nullable`.split(/\s+/);

/**
 * The schema of a parameter or header written in Swagger 2.0's inline form; undefined when it
 * states none of the keywords (the seeds' parameters without `type`: nothing is invented).
 */
export function inlineSchema(reading: SpecReading, node: RecordNode) {
  const raw = itemsOnly(node.value) as Record<string, unknown>;
  if (Object.keys(raw).length === 0) return undefined;
  return reading.schemas.convert(raw, node.doc, node.path);
}

/** `items` keeps only schema keywords, recursively: `collectionFormat` is not a schema keyword. */
function itemsOnly(items: unknown): unknown {
  if (!isRecord(items) || isRef(items)) return items;
  const out: Record<string, unknown> = {};
  for (const key of SCHEMA_KEYWORDS)
    if (items[key] !== undefined)
      out[key] = key === "items" ? itemsOnly(items.items) : items[key];
  return out;
}

type Serialization = Pick<Parameter, "style" | "explode" | "collectionFormat">;

/** The collection formats OpenAPI 3 says in the query and a form, as the style they became. */
const STYLES = new Map<unknown, ParameterStyle>([
  ["multi", "form"],
  ["ssv", "spaceDelimited"],
  ["pipes", "pipeDelimited"],
]);

/**
 * Swagger 2.0 `collectionFormat` (§Parameter Object) as OpenAPI 3 `style`/`explode`, and as
 * written (the client and server serialize by it). Its default `csv` differs from OpenAPI 3's
 * query default, so an array parameter always gets an explicit style.
 */
export function serializationOf(
  reading: SpecReading,
  location: Parameter["in"] | "formData",
  definition: RecordNode,
): Serialization {
  const format = definition.value.collectionFormat;
  const inQuery = location === "query" || location === "formData";
  const simple: Serialization = {
    style: inQuery ? "form" : "simple",
    explode: false,
  };
  if (format === undefined || format === "csv") return simple;
  const known = format as CollectionFormat;
  const style = inQuery ? STYLES.get(known) : undefined;
  if (style)
    return { style, explode: known === "multi", collectionFormat: known };
  // multi outside the query and a form, and an unknown format, are read as csv
  const unknown = known !== "tsv" && !STYLES.has(known);
  reading.reporter.report(
    unknown
      ? "swagger2/unknown-collection-format"
      : "swagger2/unsupported-collection-format",
    unknown
      ? `unknown collectionFormat ${JSON.stringify(format)}; it is read as "csv"`
      : known === "multi"
        ? `collectionFormat "multi" is not allowed in ${location}; it is read as "csv"`
        : `collectionFormat ${JSON.stringify(format)} has no OpenAPI 3 equivalent in ${location}; the client and server send it, the emitted OpenAPI 3.1 says "csv"`,
    sourceOf(child(definition, "collectionFormat")),
  );
  return unknown || known === "multi"
    ? simple
    : { ...simple, collectionFormat: known };
}
