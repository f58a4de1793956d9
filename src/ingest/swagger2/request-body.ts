import type {
  Encoding,
  MediaContent,
  RequestBody,
  Schema,
} from "../../model/types.js";
import { serializationOf } from "./collection-format.js";
import { isFormMediaType } from "../openapi-common/media-types.js";
import { child, sourceOf, stringAt } from "../openapi-common/node.js";
import type { ParameterEntry } from "../openapi-common/parameters.js";
import type { SpecReading } from "../openapi-common/reading.js";
import { inlineSchema } from "./simple-schema.js";
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
  if (form.length > 0) return formData(reading, form, consumes);
  return undefined;
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
  const description = stringAt(definition, "description");
  if (description !== undefined) out.description = description;
  return out;
}

/**
 * formData parameters become the properties of one object schema. The media types are the form
 * types among `consumes`; without any, multipart/form-data when a file is sent (§Parameter Object:
 * `type: file` requires it), else application/x-www-form-urlencoded.
 */
function formData(
  reading: SpecReading,
  form: ParameterEntry[],
  consumes: string[],
): RequestBody {
  const properties: Record<string, Schema> = {};
  const required: string[] = [];
  const encoding: Record<string, Encoding> = {};
  let sendsFile = false;
  for (const parameter of form) {
    const raw = parameter.definition.value;
    if (raw.type === "array" && !isFile(raw)) {
      const how = serializationOf(
        reading,
        "formData",
        raw.collectionFormat,
        child(parameter.definition, "collectionFormat"),
      );
      setOwn(encoding, parameter.name, how);
    }
    const property = inlineSchema(reading, parameter.definition) ?? {};
    const description = stringAt(parameter.definition, "description");
    if (description !== undefined) property.description = description;
    setOwn(properties, parameter.name, property);
    if (raw.required === true) required.push(parameter.name);
    if (isFile(raw)) sendsFile = true;
  }
  const schema: Schema = { type: "object", properties };
  if (required.length > 0) schema.required = required;
  const declared = consumes.filter(isFormMediaType);
  const mediaTypes =
    declared.length > 0
      ? declared
      : [
          sendsFile
            ? "multipart/form-data"
            : "application/x-www-form-urlencoded",
        ];
  const hasEncoding = Object.keys(encoding).length > 0;
  return {
    required: required.length > 0,
    content: mediaTypes.map((mediaType) => ({
      ...content(mediaType, schema),
      ...(hasEncoding ? { encoding } : {}),
    })),
    sources: form.map((parameter) => sourceOf(parameter.entry)),
  };
}

function isFile(raw: Record<string, unknown>): boolean {
  if (raw.type === "file") return true;
  const items = raw.items;
  return (
    raw.type === "array" &&
    typeof items === "object" &&
    items !== null &&
    (items as Record<string, unknown>).type === "file"
  );
}

function content(mediaType: string, schema: Schema | undefined): MediaContent {
  return schema === undefined ? { mediaType } : { mediaType, schema };
}
