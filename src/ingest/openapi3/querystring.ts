import { createParameter } from "../../model/factories.js";
import type { Parameter } from "../../model/types.js";
import {
  child,
  copyStrings,
  isRecordNode,
  members,
  sourceOf,
  type Node,
} from "../openapi-common/node.js";
import type { ParameterEntry } from "../openapi-common/parameters.js";
import type { SpecReading } from "../openapi-common/reading.js";
import { unsupported32 } from "./v32.js";
import { readEncoding } from "./content.js";

const FORM = /^application\/x-www-form-urlencoded\s*(;|$)/i;

/**
 * An OpenAPI 3.2 `in: querystring` parameter (§4.8.12): a form-urlencoded query string whose schema
 * is an object with properties is one query parameter per property (as its Encoding Object says);
 * anything else is said at its place. One beside query parameters, or a second one, is skipped.
 */
export function readQuerystring(
  reading: SpecReading,
  parameter: ParameterEntry,
  all: readonly ParameterEntry[],
): Parameter[] {
  const { definition, name } = parameter;
  const label = `parameter ${JSON.stringify(name)} (in: querystring)`;
  const invalid = (why: string, node: Node): Parameter[] => {
    reading.report("invalid-parameter", `${label} ${why}; it is skipped`, node);
    return [];
  };
  const skipped = (why: string, node: Node): Parameter[] => {
    unsupported32(reading, `${label} is skipped: ${why}`, node);
    return [];
  };
  const at = child(definition, "in");
  if (all.some((p) => p.in === "query"))
    return invalid("may not sit beside `in: query` parameters", at);
  if (all.find((p) => p.in === "querystring") !== parameter)
    return invalid("is the operation's second one", at);
  const content = members(child(definition, "content"));
  if (content.length !== 1)
    return invalid(
      "must describe the query string with one media type in `content`",
      definition,
    );
  const [mediaType, media] = content[0]!;
  if (!FORM.test(mediaType) || !isRecordNode(media))
    return skipped(
      `apiloom reads a query string of application/x-www-form-urlencoded pairs, not ${mediaType}`,
      media,
    );
  const found = reading.deref(child(media, "schema"), "schema");
  const schema = found && isRecordNode(found) ? found : undefined;
  const properties = schema && child(schema, "properties");
  if (!schema || !properties || !isRecordNode(properties))
    return skipped(
      "its schema names no properties, the pairs apiloom would read as query parameters",
      found ?? media,
    );
  for (const keyword of ["allOf", "anyOf", "oneOf", "$ref"])
    if (schema.value[keyword] !== undefined)
      return skipped(
        `its schema combines others (${keyword}): apiloom reads one object's properties as query parameters`,
        child(schema, keyword),
      );
  const extra = schema.value["additionalProperties"];
  if (extra !== undefined && extra !== false)
    unsupported32(
      reading,
      `${label}: pairs besides the properties its schema names are not typed (additionalProperties); the client sends and the server reads the named ones only`,
      child(schema, "additionalProperties"),
    );
  const required = new Set(
    definition.value.required === true && Array.isArray(schema.value.required)
      ? schema.value.required.filter((r): r is string => typeof r === "string")
      : [],
  );
  const encoding = readEncoding(reading, child(media, "encoding"));
  return members(properties).map(([property, node]) => {
    const p = createParameter({
      name: property,
      in: "query",
      source: sourceOf(node),
    });
    p.required = required.has(property);
    p.schema = reading.schema(node);
    if (isRecordNode(node)) copyStrings(p, node, "description");
    const e =
      encoding && Object.hasOwn(encoding, property) ? encoding[property]! : {};
    if (e.style !== undefined) p.style = e.style;
    if (e.explode !== undefined) p.explode = e.explode;
    if (e.allowReserved) p.allowReserved = true;
    return p;
  });
}
