import type { Parameter } from "../../model/types.js";
import type { Node } from "../openapi-common/node.js";
import type { SpecReading } from "../openapi-common/reading.js";

type Serialization = Pick<Parameter, "style" | "explode">;

/**
 * Swagger 2.0 `collectionFormat` (§Parameter Object) as OpenAPI 3 `style`/`explode`. Only arrays
 * have one, and its default is `csv`, which differs from OpenAPI 3's query default (form with
 * explode), so an array parameter always gets an explicit style. `tsv` has no OpenAPI 3
 * equivalent; it is reported and read as `csv`.
 */
export function serializationOf(
  reading: SpecReading,
  location: Parameter["in"],
  format: unknown,
  at: Node,
): Serialization {
  const simple: Serialization =
    location === "query" || location === "cookie"
      ? { style: "form", explode: false }
      : { style: "simple", explode: false };
  if (format === undefined || format === "csv") return simple;
  switch (format) {
    case "multi":
      if (location === "query" || location === "cookie")
        return { style: "form", explode: true };
      break;
    case "ssv":
      if (location === "query")
        return { style: "spaceDelimited", explode: false };
      break;
    case "pipes":
      if (location === "query")
        return { style: "pipeDelimited", explode: false };
      break;
    case "tsv":
      reading.report(
        "warning",
        "unsupported-collection-format",
        'collectionFormat "tsv" (tab-separated) has no OpenAPI 3 equivalent; it is read as "csv"',
        at,
      );
      return simple;
    default:
      reading.report(
        "warning",
        "unknown-collection-format",
        `unknown collectionFormat ${JSON.stringify(format)}; it is read as "csv"`,
        at,
      );
      return simple;
  }
  reading.report(
    "warning",
    "unsupported-collection-format",
    `collectionFormat ${JSON.stringify(format)} is not allowed in ${location}; it is read as "csv"`,
    at,
  );
  return simple;
}
