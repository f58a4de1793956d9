import { createParameter } from "../../model/factories.js";
import { isLocationStyle } from "../../model/serialization.js";
import type { Parameter, ParameterStyle, Schema } from "../../model/types.js";
import { extensionsOf, isRecord } from "../reader.js";
import {
  child,
  members,
  sourceOf,
  stringAt,
  type RecordNode,
} from "../openapi-common/node.js";
import type { ParameterEntry } from "../openapi-common/parameters.js";
import type { SpecReading } from "../openapi-common/reading.js";
import { overridden, readExamples, schemaOfContent } from "./content.js";
import { isOpenApi32, unsupported32 } from "./v32.js";

/** §4.8.12 Parameter Object. */
export function readParameter(
  reading: SpecReading,
  parameter: ParameterEntry & { in: Parameter["in"] },
): Parameter {
  const { definition } = parameter;
  const raw = definition.value;
  const out = createParameter({
    name: parameter.name,
    in: parameter.in,
    source: sourceOf(parameter.entry),
  });
  if (parameter.in !== "path") out.required = raw.required === true;
  else if (raw.required !== true)
    reading.reporter.report(
      "openapi3/optional-path-parameter",
      `path parameter ${JSON.stringify(parameter.name)} must be required; it is read as required`,
      sourceOf(parameter.entry),
    );
  // a Parameter Object a `$ref` reaches reads the same for every entry that refers to it
  const shared = parameter.entry !== definition;
  let facts = shared ? READ.get(definition) : undefined;
  if (facts === undefined) {
    facts = definitionFacts(reading, definition, parameter.in);
    if (shared) READ.set(definition, facts);
  }
  if (facts.schema !== undefined) out.schema = facts.schema;
  if (facts.contentType !== undefined) out.contentType = facts.contentType;
  const description =
    overridden(parameter.entry, "description") ??
    (facts.description ??= { value: stringAt(definition, "description") })
      .value;
  if (description !== undefined) out.description = description;
  if (facts.deprecated) out.deprecated = true;
  if (facts.style !== undefined) out.style = facts.style;
  if (facts.explode !== undefined) out.explode = facts.explode;
  if (facts.allowReserved) out.allowReserved = true;
  if (facts.example !== undefined) out.example = facts.example;
  if (facts.extensions !== undefined) out.extensions = facts.extensions;
  return out;
}

/** What a Parameter Object says of itself, whichever entry lists it. */
interface DefinitionFacts {
  schema?: Schema;
  contentType?: string;
  /** Its own description, read when an entry that does not override it first needs it. */
  description?: { value: string | undefined };
  deprecated: boolean;
  style?: ParameterStyle;
  explode?: boolean;
  allowReserved: boolean;
  example?: unknown;
  extensions?: Record<string, unknown>;
}

/**
 * The facts of each Parameter Object reached through a `$ref`, read at the first entry that
 * refers to it (SpecReading.deref gives every entry the same node, the key). The parameters
 * share the schema, example and extensions, which nothing after the reading writes.
 */
const READ = new WeakMap<RecordNode, DefinitionFacts>();

function definitionFacts(
  reading: SpecReading,
  definition: RecordNode,
  location: Parameter["in"],
): DefinitionFacts {
  const raw = definition.value;
  const facts: DefinitionFacts = {
    deprecated: raw.deprecated === true,
    allowReserved: raw.allowReserved === true,
  };
  const schemaNode = child(definition, "schema");
  const schema =
    schemaNode.value !== undefined
      ? reading.schema(schemaNode)
      : schemaOfContent(reading, child(definition, "content"));
  if (schema !== undefined) facts.schema = schema;
  if (schemaNode.value === undefined) {
    const mediaType = members(child(definition, "content"))[0]?.[0];
    if (mediaType !== undefined) facts.contentType = mediaType;
  }
  const style = stringAt(definition, "style");
  if (style !== undefined) {
    if (isLocationStyle(location, style)) facts.style = style;
    else if (
      style === "cookie" &&
      location === "cookie" &&
      isOpenApi32(reading)
    )
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
  }
  if (typeof raw.explode === "boolean") facts.explode = raw.explode;
  const example = readExamples(reading, definition)[0];
  if (example?.value !== undefined) facts.example = example.value;
  const extensions = extensionsOf(raw);
  if (Object.keys(extensions).length > 0) facts.extensions = extensions;
  return facts;
}

/**
 * The values a special header parameter names (its schema's enum, default and examples, and the
 * parameter's own examples), for the media types and auth scheme they stand for.
 */
export function headerValues(
  reading: SpecReading,
  parameter: ParameterEntry,
): unknown[] {
  const values: unknown[] = [];
  const schemaNode = child(parameter.definition, "schema");
  const schema =
    schemaNode.value === undefined
      ? undefined
      : reading.deref(schemaNode, "schema");
  if (schema && isRecord(schema.value)) {
    const raw = schema.value;
    if (Array.isArray(raw.enum)) values.push(...raw.enum);
    if (raw.default !== undefined) values.push(raw.default);
    if (raw.example !== undefined) values.push(raw.example);
    if (Array.isArray(raw.examples)) values.push(...raw.examples);
  }
  for (const example of readExamples(reading, parameter.definition))
    values.push(example.value);
  return values;
}
