import { isJsonMediaType } from "./media-types.js";
import { allProperties } from "./schema/members.js";
import { declaredTypes, resolveSchema } from "./schema/schema.js";
import { isAnnotation, isSchemaObject } from "./schema/walk.js";
import type { ApiModel, Endpoint, Parameter, Schema } from "./types.js";

/** How a cursor-paginated endpoint pages. */
export interface Pagination {
  /** The query parameter that carries the page (`cursor`, `pageToken`, `page`, `offset`). */
  parameter: Parameter;
  /** The property of the success body that carries the next value (`nextCursor`, `next_page`). */
  field: string;
  /** The TypeScript type of both: a plain string or a number. */
  kind: "string" | "number";
}

/**
 * The cursor rule (docs/client.md, "TanStack Query options"). Conservative on purpose: a wrong
 * guess is a silent bug, no guess costs a feature.
 */
export function pagination(
  model: ApiModel,
  endpoint: Endpoint,
  successStatuses: readonly string[],
): Pagination | undefined {
  const body = jsonSuccess(model, endpoint, successStatuses)?.body;
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
    const kind = valueKind(resolved(model, parameter.schema));
    if (!kind) continue;
    const wanted = `next${squeezed(parameter.name)}`;
    for (const [field, schema] of Object.entries(body.properties)) {
      if (squeezed(field) !== wanted) continue;
      const fieldSchema = resolved(model, schema);
      if (!fieldSchema?.writeOnly && valueKind(fieldSchema, true) === kind)
        found.push({ parameter, field, kind });
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

/** The `Pagination` of a declared cursor shape (config `client.pages`, checked beforehand). */
export function declaredPagination(
  model: ApiModel,
  endpoint: Endpoint,
  shape: PageShape,
): Pagination | undefined {
  if (shape.kind !== "cursor") return;
  const parameter = endpoint.parameters.query.find(
    (p) => p.name === shape.parameter,
  );
  const kind = valueKind(resolved(model, parameter?.schema));
  return parameter && kind
    ? { parameter, field: shape.field, kind }
    : undefined;
}

/** A GET's one success response whose content is JSON of one schema (`text/json` too), and it. */
function jsonSuccess(
  model: ApiModel,
  endpoint: Endpoint,
  successStatuses: readonly string[],
) {
  if (endpoint.method !== "get" || successStatuses.length !== 1) return;
  const response = endpoint.responses.find(
    (r) => r.status === successStatuses[0],
  );
  const body = resolveSchema(model.schemas, response?.content[0]?.schema);
  const oneJson = response?.content.every(
    (c) =>
      isJsonMediaType(c.mediaType) &&
      resolveSchema(model.schemas, c.schema) === body,
  );
  if (response?.content.length && oneJson) return { response, body };
}

/** resolveSchema, and OpenAPI 3.0's `allOf: [{$ref: X}, {description}]` (AWS's members) as X. */
function resolved(model: ApiModel, schema?: Schema): Schema | undefined {
  const s = resolveSchema(model.schemas, schema);
  const says = (o: object) =>
    Object.keys(o).some((k) => k === "writeOnly" || !isAnnotation(k));
  const { allOf = [], ...rest } = s ?? {};
  const [part, ...more] = allOf.filter((m) => !isSchemaObject(m) || says(m));
  return isSchemaObject(part) && !more.length && !says(rest)
    ? resolveSchema(model.schemas, part)
    : s;
}

/** `name` lowercased without `_` and `-`: `page_token`, `pageToken` and `Page-Token` agree. */
function squeezed(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, "");
}

/** A plain string or number schema's kind; `nullable` lets the type list hold "null" too. */
function valueKind(schema: Schema | undefined, nullable = false) {
  if (!schema || schema.enum || schema.const !== undefined) return;
  const types = declaredTypes(schema).filter(
    (t) => !(nullable && t === "null"),
  );
  if (types.length !== 1) return;
  if (types[0] === "string" && schema.format !== "binary") return "string";
  return types[0] === "integer" || types[0] === "number" ? "number" : undefined;
}

/**
 * How a client walks an endpoint's pages (docs/client.md, "Pages"); `items` is the body property
 * holding the page's items, absent when the body is the array itself.
 */
export type PageShape = { items?: string } & (
  | { kind: "cursor"; parameter: string; field: string }
  | { kind: "next-url"; field: string }
  | { kind: "link" }
  | { kind: "offset"; offset: string; limit: string }
  | { kind: "page"; page: string; size?: string }
);

const NEXT_URL = /^(@?odata\.)?next(_?(url|link|page_?url|href))?$/i;
const PAGE_SIZE = /^(per_?page|page_?size|limit|size)$/i;

/** The page shape of a GET endpoint when exactly one fits (docs/client.md, "Pages"), else undefined. */
export function pageShape(
  model: ApiModel,
  endpoint: Endpoint,
  successStatuses: readonly string[],
): PageShape | undefined {
  const success = jsonSuccess(model, endpoint, successStatuses);
  if (!success) return;
  const { response, body } = success;
  const properties = allProperties(model.schemas, body);
  const names = Object.keys(properties);
  let items: string | undefined;
  if (body?.type !== "array") {
    const arrays = names.filter(
      (name) => resolved(model, properties[name])?.type === "array",
    );
    if (arrays.length !== 1) return;
    items = arrays[0];
  }
  const query = (name: RegExp) =>
    endpoint.parameters.query.filter(
      (p) =>
        name.test(p.name) && valueKind(resolved(model, p.schema)) === "number",
    );
  const found: PageShape[] = [];
  const cursor = pagination(model, endpoint, successStatuses);
  if (cursor)
    found.push({
      kind: "cursor",
      parameter: cursor.parameter.name,
      field: cursor.field,
    });
  const nextUrl = names.filter(
    (name) =>
      NEXT_URL.test(name) &&
      valueKind(resolved(model, properties[name]), true) === "string",
  );
  if (nextUrl.length === 1)
    found.push({ kind: "next-url", field: nextUrl[0]! });
  // a declared Link header names the next page: it wins over the offset or page the client
  // would count (GitHub's page and per_page, from which its Link URLs are made)
  const link = Object.keys(response.headers ?? {}).some(
    (h) => h.toLowerCase() === "link",
  );
  if (link) found.push({ kind: "link" });
  const [offset] = query(/^offset$/i);
  const [limit] = query(/^limit$/i);
  if (offset && limit && !link)
    found.push({ kind: "offset", offset: offset.name, limit: limit.name });
  const [page] = query(/^page$/i);
  const sizes = query(PAGE_SIZE);
  if (page && !cursor && !link && sizes.length <= 1)
    found.push({
      kind: "page",
      page: page.name,
      ...(sizes[0] && { size: sizes[0].name }),
    });
  if (found.length !== 1) return;
  return items === undefined ? found[0] : { ...found[0]!, items };
}
