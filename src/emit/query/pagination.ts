import { resolveSchema } from "../../model/schema.js";
import type {
  ApiModel,
  Endpoint,
  Parameter,
  Schema,
  SchemaType,
} from "../../model/types.js";

/** How a paginated endpoint pages: the query parameter that asks for a page, the field that names the next. */
export interface Pagination {
  /** The query parameter that carries the page (`cursor`, `pageToken`, `page`, `offset`). */
  parameter: Parameter;
  /** The property of the success body that carries the next value (`nextCursor`, `next_page`). */
  field: string;
  /** The TypeScript type of both: a plain string or a number. */
  kind: "string" | "number";
}

/**
 * The rule, conservative on purpose (a wrong guess is a silent bug; no guess costs a feature):
 * a GET endpoint paginates when
 * - it has exactly one success status, whose only content is JSON with an object schema (after
 *   `$ref`s; no allOf/oneOf/anyOf, not nullable), and
 * - exactly one pair matches: a query parameter P and a property of that object named
 *   `next` + P, ignoring case, `_` and `-` (`cursor` ↔ `nextCursor`, `page_token` ↔
 *   `next_page_token`, `page` ↔ `nextPage`, `offset` ↔ `next_offset`), both plain strings
 *   (no enum, const or binary format) or both numbers (integer or number, no enum or const).
 * Anything else, including two matching pairs, is not paginated: no infinite variant is made.
 */
export function pagination(
  model: ApiModel,
  endpoint: Endpoint,
  successStatuses: readonly string[],
): Pagination | undefined {
  if (endpoint.method !== "get" || successStatuses.length !== 1) return;
  const response = endpoint.responses.find(
    (r) => r.status === successStatuses[0],
  );
  if (response?.content.length !== 1) return;
  const [content] = response.content;
  if (!content || !/^application\/(.+\+)?json\b/i.test(content.mediaType))
    return;
  const body = resolveSchema(model.schemas, content.schema);
  if (
    !body?.properties ||
    !(body.type === "object" || body.type === undefined) ||
    body.allOf ||
    body.oneOf ||
    body.anyOf
  )
    return;
  const found: Pagination[] = [];
  for (const parameter of endpoint.parameters.query) {
    const kind = valueKind(resolveSchema(model.schemas, parameter.schema));
    if (!kind) continue;
    for (const [field, schema] of Object.entries(body.properties)) {
      if (squeezed(field) !== `next${squeezed(parameter.name)}`) continue;
      const fieldSchema = resolveSchema(model.schemas, schema);
      if (fieldSchema?.writeOnly) continue;
      if (valueKind(fieldSchema, true) === kind)
        found.push({ parameter, field, kind });
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

/** `name` lowercased without `_` and `-`: `page_token`, `pageToken` and `Page-Token` agree. */
function squeezed(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, "");
}

/** A plain string or number schema's kind; `nullable` lets the type list hold "null" too. */
function valueKind(
  schema: Schema | undefined,
  nullable = false,
): Pagination["kind"] | undefined {
  if (!schema || schema.enum || schema.const !== undefined) return;
  const types: SchemaType[] = Array.isArray(schema.type)
    ? schema.type.filter((t) => !(nullable && t === "null"))
    : schema.type
      ? [schema.type]
      : [];
  if (types.length !== 1) return;
  if (types[0] === "string" && schema.format !== "binary") return "string";
  if (types[0] === "integer" || types[0] === "number") return "number";
  return undefined;
}
