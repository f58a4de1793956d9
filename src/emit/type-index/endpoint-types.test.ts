import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { MediaContent, Schema } from "../../model/types.js";
import { decodedAs } from "../shared/media-types.js";
import { contentType, receivedBodyVariants } from "./endpoint-types.js";
import { schemaToType, type SchemaMode } from "./schema-to-type.js";
import { raw, union, UNKNOWN, type TypeNode } from "./type-node.js";

const naming = { refName: (name: string) => name, schemas: {} };

// contentType as first written (each media type's decoding asked up to three times, two
// filtered lists spread): the oracle of the one that asks it once per media type
function oldContentType(content: MediaContent[], mode: SchemaMode): TypeNode {
  if (content.length === 0) return UNKNOWN;
  const typedBySchema = (mediaType: string) => {
    const as = decodedAs(mediaType);
    return as === "json" || as === "stream";
  };
  const decodedType = (c: MediaContent): TypeNode => {
    switch (decodedAs(c.mediaType)) {
      case "text":
        return raw("string");
      case "blob":
        return raw("Blob");
      default:
        return UNKNOWN;
    }
  };
  const mediaDefault = (c: MediaContent): TypeNode => {
    const type = c.mediaType.toLowerCase();
    if (type.startsWith("text/")) return raw("string");
    if (
      type === "application/octet-stream" ||
      type.startsWith("image/") ||
      type.startsWith("audio/") ||
      type.startsWith("video/")
    )
      return raw("Blob");
    return UNKNOWN;
  };
  const ordered =
    mode === "read"
      ? [
          ...content.filter((c) => typedBySchema(c.mediaType)),
          ...content.filter((c) => !typedBySchema(c.mediaType)),
        ]
      : content;
  // sent as a multipart form, a string, an integer or an array names no fields: a FormData
  const fieldless = (c: MediaContent) =>
    mode === "form" &&
    c.mediaType === "multipart/form-data" &&
    ["string", "integer", "array"].includes(c.schema?.type as string);
  // bytes (XML, an image) under a schema no string passes: the text or Blob given
  const bytes = (c: MediaContent) =>
    mode === "form" &&
    BYTES.includes(c.mediaType) &&
    ["integer", "object", "array"].includes(c.schema?.type as string);
  return union(
    ordered.map((c) =>
      mode === "read" && !typedBySchema(c.mediaType)
        ? decodedType(c)
        : fieldless(c)
          ? raw("FormData")
          : bytes(c)
            ? union([raw("string"), raw("Blob")])
            : c.schema
              ? schemaToType(c.schema, naming, mode)
              : mediaDefault(c),
    ),
  );
}

const mediaTypes = [
  "application/json",
  "application/problem+json; charset=utf-8",
  "APPLICATION/JSON",
  "application/xml",
  "text/plain",
  "text/html; charset=utf-8",
  "text/event-stream",
  "application/x-ndjson",
  "*/*",
  "application/*",
  "image/png",
  "audio/mpeg",
  "application/octet-stream",
  "multipart/form-data",
  "",
];

/** The media types above read as bytes: neither JSON, text, a form, a range nor none. */
const BYTES = [
  "application/xml",
  "application/x-ndjson",
  "image/png",
  "audio/mpeg",
  "application/octet-stream",
];

const schemas: Schema[] = [
  { type: "string" },
  { type: "string", format: "binary" },
  { type: "integer" },
  { type: "object", properties: { a: { type: "string" } } },
  { type: "array", items: { type: "number" } },
  { $ref: "#/components/schemas/Pet" },
  {},
];

const media: fc.Arbitrary<MediaContent> = fc
  .tuple(
    fc.constantFrom(...mediaTypes),
    fc.option(fc.constantFrom(...schemas), { nil: undefined }),
  )
  .map(([mediaType, schema]) => {
    const c = { mediaType } as MediaContent;
    if (schema !== undefined) c.schema = schema;
    return c;
  });

describe("contentType", () => {
  it("gives what the list-by-list way gave, in each mode", () => {
    fc.assert(
      fc.property(
        fc.array(media, { maxLength: 6 }),
        fc.constantFrom<SchemaMode>("read", "write", "form"),
        (content, mode) => {
          expect(contentType(content, naming, mode)).toEqual(
            oldContentType(content, mode),
          );
        },
      ),
      { numRuns: 3000, seed: 29 },
    );
  });

  it("puts what the client decodes by schema first when reading", () => {
    const node = contentType(
      [
        { mediaType: "application/xml", schema: { type: "string" } },
        { mediaType: "text/plain" },
        { mediaType: "application/json", schema: { type: "integer" } },
        { mediaType: "text/event-stream", schema: { type: "boolean" } },
      ] as MediaContent[],
      naming,
      "read",
    );
    expect(node).toEqual({
      kind: "union",
      members: [raw("number"), raw("boolean"), raw("Blob"), raw("string")],
    });
  });
});

describe("receivedBodyVariants", () => {
  const pet = {
    type: "object",
    properties: { a: { type: "string" } },
  } as Schema;
  const variants = (...types: string[]) =>
    receivedBodyVariants(
      types.map((mediaType) => ({ mediaType, schema: pet }) as MediaContent),
      naming,
      "write",
    );

  it("types bytes as the Blob the server hands over, listed alone or beside JSON", () => {
    expect(variants("application/xml")).toEqual([
      { mediaType: "application/xml", type: raw("Blob") },
    ]);
    expect(variants("application/json", "application/x-yaml")).toEqual([
      {
        mediaType: "application/json",
        type: schemaToType(pet, naming, "write"),
      },
      { mediaType: "application/x-yaml", type: raw("Blob") },
    ]);
  });

  it("has none for one JSON, text or form media type: the body is the one sent", () => {
    for (const type of [
      "application/json",
      "text/plain",
      "multipart/form-data",
    ])
      expect(variants(type)).toBeUndefined();
  });
});
