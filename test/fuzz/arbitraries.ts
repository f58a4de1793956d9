import fc from "fast-check";

/**
 * Random API descriptions for the fuzz properties: OpenAPI 3.1, Swagger 2.0 and Postman v2.1
 * documents built from arbitraries, names drawn from the full Unicode range and from the words
 * that break naive code (prototype members, markup, reserved words, status codes).
 */
export const HOSTILE_WORDS = [
  "__proto__",
  "constructor",
  "prototype",
  "hasOwnProperty",
  "toString",
  "valueOf",
  "<script>alert(1)</script>",
  "*/",
  "${x}",
  "a b",
  "default",
  "200",
  "class",
  "$ref",
  "x-y",
  "🦄",
  "ä/ö",
  "\u0000",
  "\u2028",
  "",
] as const;

export const name: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_WORDS) },
  {
    weight: 3,
    arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 8 }),
  },
  { weight: 4, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,8}$/) },
);

type Json = unknown;

/** A JSON Schema over `refs` (names of schemas that exist): scalars, objects, arrays, refs, compositions. */
export function schema(
  refs: readonly string[],
  refPrefix: string,
): fc.Arbitrary<Json> {
  const { node } = fc.letrec<{ node: Json }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      fc.record(
        {
          type: fc.constantFrom(
            "string",
            "integer",
            "number",
            "boolean",
            "null",
          ),
          enum: fc.array(fc.oneof(name, fc.integer(), fc.boolean()), {
            maxLength: 3,
          }),
          format: fc.constantFrom(
            "date-time",
            "uuid",
            "int64",
            "binary",
            "weird",
          ),
          nullable: fc.boolean(),
        },
        { requiredKeys: ["type"] },
      ),
      fc.dictionary(name, tie("node"), { maxKeys: 4 }).chain((properties) =>
        fc.record(
          {
            type: fc.constant("object"),
            properties: fc.constant(properties),
            required: fc.subarray(Object.keys(properties)),
            additionalProperties: fc.oneof(fc.boolean(), tie("node")),
          },
          { requiredKeys: ["type", "properties"] },
        ),
      ),
      fc.record({ type: fc.constant("array"), items: tie("node") }),
      ...(refs.length > 0
        ? [
            fc
              .constantFrom(...refs)
              .map((r) => ({ $ref: refPrefix + escapePointer(r) })),
          ]
        : []),
      fc.record({
        ["allOf"]: fc.array(tie("node"), { minLength: 1, maxLength: 3 }),
      }),
      fc
        .tuple(
          fc.constantFrom("oneOf", "anyOf"),
          fc.array(tie("node"), { minLength: 1, maxLength: 3 }),
        )
        .map(([key, list]) => ({ [key]: list })),
    ),
  }));
  return node;
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** `/a/{b}/c`: literal segments and variables, the variables' names returned too. */
const pathTemplate = fc
  .array(
    fc.oneof(
      fc.stringMatching(/^[a-z0-9._-]{1,6}$/).map((s) => ({ literal: s })),
      name.map((v) => ({ variable: v })),
    ),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((segments) => ({
    path:
      "/" +
      segments
        .map((s) => ("literal" in s ? s.literal : `{${s.variable}}`))
        .join("/"),
    variables: segments.flatMap((s) => ("variable" in s ? [s.variable] : [])),
  }));

const METHODS = [
  "get",
  "put",
  "post",
  "delete",
  "patch",
  "head",
  "options",
] as const;
const STYLES = [
  "form",
  "simple",
  "label",
  "matrix",
  "spaceDelimited",
  "pipeDelimited",
  "deepObject",
] as const;

export const openapi31: fc.Arbitrary<Json> = fc
  .uniqueArray(name, { maxLength: 5 })
  .chain((names) => {
    const s = schema(names, "#/components/schemas/");
    const parameter = (variables: readonly string[]) =>
      fc.oneof(
        fc.record({
          name:
            variables.length > 0
              ? fc.oneof(fc.constantFrom(...variables), name)
              : name,
          in: fc.constant("path"),
          required: fc.boolean(),
          schema: s,
          style: fc.constantFrom(...STYLES),
        }),
        fc.record(
          {
            name,
            in: fc.constantFrom("query", "header", "cookie"),
            required: fc.boolean(),
            schema: s,
            style: fc.constantFrom(...STYLES),
            explode: fc.boolean(),
          },
          { requiredKeys: ["name", "in"] },
        ),
      );
    const operation = (variables: readonly string[]) =>
      fc.record(
        {
          operationId: name,
          summary: name,
          tags: fc.array(name, { maxLength: 2 }),
          parameters: fc.array(parameter(variables), { maxLength: 4 }),
          requestBody: fc.record({
            required: fc.boolean(),
            content: fc.dictionary(
              fc.constantFrom(
                "application/json",
                "text/plain",
                "multipart/form-data",
                "application/x-www-form-urlencoded",
              ),
              fc.record({ schema: s }),
              { minKeys: 1, maxKeys: 2 },
            ),
          }),
          responses: fc.dictionary(
            fc.constantFrom(
              "200",
              "201",
              "204",
              "400",
              "404",
              "default",
              "2XX",
            ),
            fc.record(
              {
                description: name,
                content: fc.dictionary(
                  fc.constantFrom("application/json", "text/plain"),
                  fc.record({
                    schema: s,
                    example: fc.jsonValue({ maxDepth: 3 }),
                  }),
                  {
                    maxKeys: 1,
                  },
                ),
                headers: fc.dictionary(name, fc.record({ schema: s }), {
                  maxKeys: 2,
                }),
              },
              { requiredKeys: ["description"] },
            ),
            { minKeys: 1, maxKeys: 3 },
          ),
        },
        { requiredKeys: ["responses"] },
      );
    const pathItem = pathTemplate.chain(({ path, variables }) =>
      fc
        .dictionary(fc.constantFrom(...METHODS), operation(variables), {
          minKeys: 1,
          maxKeys: 3,
        })
        .map((item) => [path, item] as const),
    );
    return fc.record({
      openapi: fc.constant("3.1.0"),
      info: fc.record({
        title: name,
        version: fc.oneof(name, fc.constant("1.0.0")),
      }),
      paths: fc
        .array(pathItem, { maxLength: 4 })
        .map((entries) => Object.fromEntries(entries)),
      components: fc.tuple(...names.map(() => s)).map((schemas) => ({
        schemas: Object.fromEntries(names.map((n, i) => [n, schemas[i]])),
      })),
    });
  });

export const swagger2: fc.Arbitrary<Json> = fc
  .uniqueArray(name, { maxLength: 4 })
  .chain((names) => {
    const s = schema(names, "#/definitions/");
    const parameter = fc.oneof(
      fc.record({
        name,
        in: fc.constantFrom("query", "header", "path", "formData"),
        type: fc.constantFrom("string", "integer", "array", "boolean", "file"),
        items: fc.record({ type: fc.constantFrom("string", "integer") }),
        collectionFormat: fc.constantFrom(
          "csv",
          "ssv",
          "tsv",
          "pipes",
          "multi",
        ),
        required: fc.boolean(),
      }),
      fc.record({ name, in: fc.constant("body"), schema: s }),
    );
    const operation = fc.record(
      {
        operationId: name,
        consumes: fc.subarray([
          "application/json",
          "application/x-www-form-urlencoded",
          "multipart/form-data",
        ]),
        produces: fc.subarray(["application/json", "text/plain"]),
        parameters: fc.array(parameter, { maxLength: 4 }),
        responses: fc.dictionary(
          fc.constantFrom("200", "201", "404", "default"),
          fc.record(
            { description: name, schema: s },
            { requiredKeys: ["description"] },
          ),
          {
            minKeys: 1,
            maxKeys: 2,
          },
        ),
      },
      { requiredKeys: ["responses"] },
    );
    return fc.record({
      swagger: fc.constant("2.0"),
      info: fc.record({ title: name, version: fc.constant("1") }),
      host: fc.constantFrom("api.example.test", "api.example.test:8080"),
      basePath: fc.constantFrom("/", "/v1", ""),
      paths: fc
        .array(
          pathTemplate.chain(({ path }) =>
            fc
              .dictionary(fc.constantFrom(...METHODS), operation, {
                minKeys: 1,
                maxKeys: 2,
              })
              .map((item) => [path, item] as const),
          ),
          { maxLength: 4 },
        )
        .map((entries) => Object.fromEntries(entries)),
      definitions: fc
        .tuple(...names.map(() => s))
        .map((schemas) =>
          Object.fromEntries(names.map((n, i) => [n, schemas[i]])),
        ),
    });
  });

export const postman21: fc.Arbitrary<Json> = (() => {
  const request = fc.record({
    method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH"),
    header: fc.array(fc.record({ key: name, value: name }), { maxLength: 2 }),
    url: fc
      .tuple(
        fc.array(
          fc.oneof(
            fc.stringMatching(/^[a-z]{1,5}$/),
            name.map((v) => `:${v}`),
            name.map((v) => `{{${v}}}`),
          ),
          { maxLength: 3 },
        ),
        fc.array(fc.tuple(name, name), { maxLength: 2 }),
      )
      .map(([segments, query]) => {
        const q = query
          .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
          .join("&");
        return `{{baseUrl}}/${segments.join("/")}${q ? `?${q}` : ""}`;
      }),
    body: fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).map((v) => ({
        mode: "raw",
        raw: JSON.stringify(v),
        options: { raw: { language: "json" } },
      })),
      fc
        .array(fc.record({ key: name, value: name }), { maxLength: 3 })
        .map((urlencoded) => ({ mode: "urlencoded", urlencoded })),
    ),
  });
  const { items } = fc.letrec<{ items: Json[]; item: Json }>((tie) => ({
    items: fc.array(tie("item"), { maxLength: 3 }),
    item: fc.oneof(
      { depthSize: "small" },
      fc.record({ name, request }),
      fc.record({ name, item: tie("items") }),
    ),
  }));
  return fc.record({
    info: fc.record({
      name,
      schema: fc.constant(
        "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
      ),
    }),
    variable: fc.constant([
      { key: "baseUrl", value: "https://api.example.test" },
    ]),
    item: items,
  });
})();

export const anyDocument = fc.oneof(openapi31, swagger2, postman21);
