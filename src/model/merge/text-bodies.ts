import { baseMediaType, bodyReading, isJsonMediaType } from "../media-types.js";
import type { ModelReporter } from "../diagnostics/codes.js";
import { admitsType } from "../schema/schema.js";
import type { Endpoint, NamedSchema } from "../types.js";

/**
 * Reports each `text/*` media type of a request body (an endpoint's, or a webhook's, which the
 * generated receiver reads alike) whose schema admits no string (`model/text-body-not-string`).
 * A text body is a string, and the generated server reads it as one and checks it by that
 * schema, so it refuses every such body (400); when no JSON media type is listed and the text one
 * is first, the generated client sends it, its value written as JSON text under that label. A
 * Swagger 2.0 operation that `consumes` JSON and text/plain with one body schema is the usual
 * cause; the API may well read JSON under either label, which apiloom cannot know.
 */
export function reportTextBodies(
  endpoint: Endpoint,
  schemas: Readonly<Record<string, NamedSchema>>,
  reporter: ModelReporter,
  what = `${endpoint.method.toUpperCase()} ${endpoint.path}`,
): void {
  const body = endpoint.requestBody;
  if (!body) return;
  const content = body.content;
  const refused = content.filter(
    (c) =>
      bodyReading(c.mediaType) === "text" &&
      c.schema !== undefined &&
      !admitsType(schemas, c.schema, "string"),
  );
  if (refused.length === 0) return;
  const types = [...new Set(refused.map((c) => baseMediaType(c.mediaType)))];
  const sent =
    !content.some((c) => isJsonMediaType(c.mediaType)) &&
    refused[0] === content[0];
  reporter.report(
    "model/text-body-not-string",
    `${what}: a ${types.join(" or ")} body is a string, which its schema does not admit: the generated server refuses every such body (400)${sent ? `, and the generated client sends the value as JSON text labelled ${types[0]}` : ""}. If the API reads JSON under that label, list application/json; if it takes text, give ${types.length === 1 ? "it" : "them"} a string schema`,
    body.sources[0] ?? endpoint.sources[0]!,
  );
}
