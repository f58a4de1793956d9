import type { MediaContent, NamedSchema, Schema } from "../../model/types.js";
import { bodyReading, firstListings } from "../../model/media-types.js";
import { admitsEvery, sameSchema } from "../../model/schema/schema.js";

// What the generated server makes of a request body by the media type it is read as, decided
// once for its validators (validators/endpoints.ts's `bodies`) and its handlers' types
// (server/contracts.ts): templates/server/decode.ts reads the body (JSON parsed, text as a
// string, forms as fields, binary as a Blob, anything else as bytes), validate.ts judges a JSON
// or text body by the schema of the listed media type it was read under (`listedMediaType`).

/**
 * The media types of a request body whose bodies the server judges by their schema (JSON, text
 * and ranges), each as `baseMediaType` writes it (as the runtime compares them), once: a type listed twice (with parameters that
 * differ) is read under its first listing, as the runtime finds it.
 */
export function judgedContent(
  content: readonly MediaContent[],
): { type: string; content: MediaContent }[] {
  return firstListings(content).filter(
    ({ type }) => bodyReading(type) !== "other",
  );
}

/**
 * The media types of a request body that get a validator of their own (validators' `bodies`),
 * each with its schema: none when `body` (the first JSON media type's schema, which judges a JSON
 * body otherwise) judges every body rightly, else each judged media type with a schema (a text
 * one only when a string may fail it: `{type: string}` needs no check).
 */
export function ownBodySchemas(
  content: readonly MediaContent[],
  schemas: Readonly<Record<string, NamedSchema>>,
  body: Schema | undefined,
): { type: string; schema: Schema }[] {
  const judged = judgedContent(content).filter(
    ({ type, content: c }) =>
      bodyReading(type) !== "text" || !admitsEvery(schemas, c.schema, "string"),
  );
  const differs = judged.some(({ type, content: c }) =>
    bodyReading(type) === "json"
      ? !sameSchema(c.schema, body)
      : c.schema !== undefined,
  );
  if (!differs) return [];
  const out: { type: string; schema: Schema }[] = [];
  for (const { type, content: c } of judged)
    if (c.schema !== undefined) out.push({ type, schema: c.schema });
  return out;
}
