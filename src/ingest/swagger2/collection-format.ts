import type { CollectionFormat, Parameter } from "../../model/types.js";
import { sourceOf, type Node } from "../openapi-common/node.js";
import type { SpecReading } from "../openapi-common/reading.js";

type Serialization = Pick<Parameter, "style" | "explode" | "collectionFormat">;

/**
 * Swagger 2.0 `collectionFormat` (§Parameter Object) as OpenAPI 3 `style`/`explode`, and as
 * written (`collectionFormat`, which the client and server serialize by). Only arrays have one,
 * and its default is `csv`, which differs from OpenAPI 3's query default (form with explode), so
 * an array parameter always gets an explicit style. `tsv`, and `ssv`/`pipes` outside the query,
 * have no OpenAPI 3 equivalent: reported, since the emitted OpenAPI 3.1 can only say csv.
 */
export function serializationOf(
  reading: SpecReading,
  location: Parameter["in"] | "formData",
  format: unknown,
  at: Node,
): Serialization {
  const inQuery =
    location === "query" || location === "cookie" || location === "formData";
  const simple: Serialization = inQuery
    ? { style: "form", explode: false }
    : { style: "simple", explode: false };
  if (format === undefined || format === "csv") return simple;
  const known = format as CollectionFormat;
  switch (known) {
    case "multi":
      if (inQuery)
        return { style: "form", explode: true, collectionFormat: known };
      break;
    case "ssv":
    case "pipes":
    case "tsv": {
      const style =
        known === "ssv"
          ? "spaceDelimited"
          : known === "pipes"
            ? "pipeDelimited"
            : undefined;
      if (style && location === "query")
        return { style, explode: false, collectionFormat: known };
      if (location !== "formData")
        reading.reporter.report(
          "swagger2/unsupported-collection-format",
          `collectionFormat ${JSON.stringify(format)} has no OpenAPI 3 equivalent in ${location}; the client and server send it, the emitted OpenAPI 3.1 says "csv"`,
          sourceOf(at),
        );
      return { ...simple, collectionFormat: known };
    }
    default:
      reading.reporter.report(
        "swagger2/unknown-collection-format",
        `unknown collectionFormat ${JSON.stringify(format)}; it is read as "csv"`,
        sourceOf(at),
      );
      return simple;
  }
  reading.reporter.report(
    "swagger2/unsupported-collection-format",
    `collectionFormat ${JSON.stringify(format)} is not allowed in ${location}; it is read as "csv"`,
    sourceOf(at),
  );
  return simple;
}
