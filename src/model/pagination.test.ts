import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createEndpoint, createParameter } from "./factories.js";
import {
  pageShape,
  pagination,
  type PageShape,
  type Pagination,
} from "./pagination.js";
import { resolveSchema } from "./schema/schema.js";
import type {
  ApiModel,
  Endpoint,
  NamedSchema,
  Schema,
  SchemaType,
} from "./types.js";

/**
 * pagination and pageShape against their bodies before they walked a body's properties once
 * (names squeezed once, the array property found with a look that stops at the second, module
 * expressions): the oracle, over endpoints built from the names and shapes the rules look for.
 */

const NEXT_URL = /^next(_?(url|link|page_?url|href))?$/i;
const PAGE_SIZE = /^(per_?page|page_?size|limit|size)$/i;

function oldPagination(
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

function oldPageShape(
  model: ApiModel,
  endpoint: Endpoint,
  successStatuses: readonly string[],
): PageShape | undefined {
  if (endpoint.method !== "get" || successStatuses.length !== 1) return;
  const response = endpoint.responses.find(
    (r) => r.status === successStatuses[0],
  );
  const content =
    response?.content.length === 1 ? response.content[0] : undefined;
  if (
    !response ||
    !content ||
    !/^application\/(.+\+)?json\b/i.test(content.mediaType)
  )
    return;
  const body = resolveSchema(model.schemas, content.schema);
  let items: string | undefined;
  if (body?.type !== "array") {
    const arrays = Object.entries(body?.properties ?? {}).filter(
      ([, s]) => resolveSchema(model.schemas, s)?.type === "array",
    );
    if (arrays.length !== 1) return;
    items = arrays[0]![0];
  }
  const query = (name: RegExp) =>
    endpoint.parameters.query.filter(
      (p) =>
        name.test(p.name) &&
        valueKind(resolveSchema(model.schemas, p.schema)) === "number",
    );
  const found: PageShape[] = [];
  const cursor = oldPagination(model, endpoint, successStatuses);
  if (cursor)
    found.push({
      kind: "cursor",
      parameter: cursor.parameter.name,
      field: cursor.field,
    });
  const nextUrl = Object.entries(body?.properties ?? {}).filter(
    ([name, s]) =>
      NEXT_URL.test(name) &&
      valueKind(resolveSchema(model.schemas, s), true) === "string",
  );
  if (nextUrl.length === 1)
    found.push({ kind: "next-url", field: nextUrl[0]![0] });
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

function squeezed(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, "");
}

const at = { file: "a.json", line: 1, column: 1, pointer: "#/a" };
const named = (name: string, schema: Schema): NamedSchema => ({
  name,
  schema,
  sources: [at],
});
const schemas: Record<string, NamedSchema> = {
  Items: named("Items", { type: "array", items: { type: "string" } }),
  Cursor: named("Cursor", { type: "string" }),
};
const ref = (name: string): Schema => ({
  $ref: `#/components/schemas/${name}`,
});
const fieldSchema = fc.constantFrom<Schema>(
  { type: "string" },
  { type: ["string", "null"] },
  { type: "integer" },
  { type: "array", items: {} },
  { type: "string", writeOnly: true },
  { type: "string", enum: ["a"] },
  ref("Items"),
  ref("Cursor"),
);
const fieldName = fc.constantFrom(
  "items",
  "data",
  "next",
  "nextUrl",
  "next_page_url",
  "next_cursor",
  "nextPage",
  "nextOffset",
  "total_count",
);
const body = fc.oneof(
  fc.constant<Schema>({ type: "array", items: {} }),
  fc.constant<Schema>(ref("Items")),
  fc
    .dictionary(fieldName, fieldSchema, { maxKeys: 5 })
    .map((properties): Schema => ({ type: "object", properties })),
  fc
    .dictionary(fieldName, fieldSchema, { maxKeys: 4 })
    .map((properties): Schema => ({ properties, allOf: [{}] })),
);
const query = fc.uniqueArray(
  fc.record({
    name: fc.constantFrom(
      "cursor",
      "page",
      "per_page",
      "pageSize",
      "offset",
      "limit",
      "size",
      "next",
      "page_token",
      "Cursor",
    ),
    type: fc.constantFrom<SchemaType>("string", "integer"),
  }),
  { maxLength: 5, selector: (p) => p.name },
);
const endpoint = fc
  .record({
    method: fc.constantFrom<"get" | "post">("get", "get", "post"),
    mediaType: fc.constantFrom(
      "application/json",
      "application/vnd.x+json",
      "text/plain",
    ),
    body,
    query,
    link: fc.boolean(),
  })
  .map(({ method, mediaType, body, query, link }): Endpoint => {
    const e = createEndpoint({ method, path: "/a", source: at });
    e.responses = [
      {
        status: "200",
        description: "",
        content: [{ mediaType, schema: body }],
        sources: [at],
        ...(link && { headers: { Link: {} } }),
      },
    ];
    e.parameters.query = query.map((p) =>
      createParameter({
        name: p.name,
        in: "query",
        source: at,
        schema: { type: p.type },
      }),
    );
    return e;
  });

describe("pagination and pageShape", () => {
  it("find what they found before their bodies walked the properties once", () => {
    const model = { schemas, endpoints: [] } as unknown as ApiModel;
    fc.assert(
      fc.property(
        endpoint,
        fc.constantFrom(["200"], ["200", "201"]),
        (e, statuses) => {
          expect(pagination(model, e, statuses)).toEqual(
            oldPagination(model, e, statuses),
          );
          expect(pageShape(model, e, statuses)).toEqual(
            oldPageShape(model, e, statuses),
          );
        },
      ),
      { numRuns: 3000 },
    );
  });
});
