import { isLocationStyle } from "../../model/serialization.js";
import type { Parameter, ParameterStyle } from "../../model/types.js";
import { isRecord } from "../reader.js";
import {
  child,
  members,
  sourceOf,
  stringAt,
  type RecordNode,
} from "../openapi-common/node.js";
import type { ParameterEntry } from "../openapi-common/parameters.js";
import type { SpecReading } from "../openapi-common/reading.js";
import { descriptionOf, readExamples, schemaOf } from "./content.js";
import { unsupported32 } from "./v32.js";
import { namedValues } from "../openapi-common/special-headers.js";

/** §4.8.12 Parameter Object: a parameter's own fields. */
export function readParameter(
  reading: SpecReading,
  out: Parameter,
  parameter: ParameterEntry,
): void {
  const { definition } = parameter;
  const raw = definition.value;
  const schema = schemaOf(reading, definition);
  if (schema !== undefined) out.schema = schema;
  const mediaType =
    raw.schema === undefined
      ? members(child(definition, "content"))[0]?.[0]
      : undefined;
  if (mediaType !== undefined) out.contentType = mediaType;
  const style = styleOf(reading, definition, out.in);
  const example = readExamples(reading, definition)[0];
  const description = descriptionOf(parameter.entry, definition);
  if (description !== undefined) out.description = description;
  if (raw.deprecated === true) out.deprecated = true;
  if (style !== undefined) out.style = style;
  if (typeof raw.explode === "boolean") out.explode = raw.explode;
  if (example?.value !== undefined) out.example = example.value;
}

/** A parameter's `style`, when its location allows it (else reported, and the default's). */
function styleOf(
  reading: SpecReading,
  definition: RecordNode,
  location: Parameter["in"],
): ParameterStyle | undefined {
  const style = stringAt(definition, "style");
  if (style === undefined || isLocationStyle(location, style)) return style;
  if (style === "cookie" && location === "cookie" && reading.isOpenApi32)
    unsupported32(
      reading,
      "style cookie (OpenAPI 3.2) is not read: the cookie is sent and read in the default style (form)",
      child(definition, "style"),
    );
  else
    reading.reporter.report(
      "openapi3/invalid-style",
      `style ${JSON.stringify(style)} is not allowed in ${location}; the default is used`,
      sourceOf(child(definition, "style")),
    );
  return undefined;
}

/**
 * The values a special header parameter names (its schema's enum, default and examples, and the
 * parameter's own examples), for the media types and auth scheme they stand for.
 */
export function headerValues(
  reading: SpecReading,
  parameter: ParameterEntry,
): unknown[] {
  const schema = reading.deref(child(parameter.definition, "schema"), "schema");
  const raw = schema?.value;
  return [
    ...namedValues(raw, "example"),
    ...(isRecord(raw) && Array.isArray(raw.examples) ? raw.examples : []),
    ...readExamples(reading, parameter.definition).map((e) => e.value),
  ];
}
