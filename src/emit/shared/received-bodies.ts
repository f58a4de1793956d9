import type { MediaContent, NamedSchema, Schema } from "../../model/types.js";
import { bodyReading, firstListings } from "../../model/media-types.js";
import { admitsEvery, sameSchema } from "../../model/schema/schema.js";

/**
 * The media types of a request body the generated server checks by a schema of their own: none
 * when `body` (the first JSON media type's schema, else the form's) judges every body rightly,
 * else each judged one (JSON, forms, and text only when a string may fail it).
 */
export function ownBodySchemas(
  content: readonly MediaContent[],
  schemas: Readonly<Record<string, NamedSchema>>,
  body: Schema | undefined,
): { type: string; schema: Schema }[] {
  // judged by their schema: JSON, ranges, and text that a string may fail (each type's first)
  const judged = firstListings(content).filter(({ type, content: c }) => {
    const reading = bodyReading(type);
    return (
      reading !== "other" &&
      (reading !== "text" || !admitsEvery(schemas, c.schema, "string"))
    );
  });
  const differs = judged.some(({ type, content: c }) =>
    ["json", "form"].includes(bodyReading(type))
      ? !sameSchema(c.schema, body)
      : c.schema !== undefined,
  );
  if (!differs) return [];
  return judged.flatMap(({ type, content: c }) =>
    c.schema === undefined ? [] : [{ type, schema: c.schema }],
  );
}
