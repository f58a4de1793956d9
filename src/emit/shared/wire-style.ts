import type {
  CollectionFormat,
  Encoding,
  Parameter,
  ParameterLocation,
} from "../../model/types.js";

/**
 * How one parameter (or url-encoded form field) goes on the wire, as the client's `ParamStyle`
 * (templates/client/serialize.ts) and the server's `ParamSpec` (templates/server/runtime.ts) say
 * it: only what differs from the location's default.
 */
export interface WireStyle {
  style?: string;
  explode?: boolean;
  /** The separator of a not-exploded array when not the style's (Swagger 2.0 ssv, tsv, pipes). */
  delimiter?: string;
  allowReserved?: boolean;
  contentType?: string;
}

const DELIMITERS: Partial<Record<CollectionFormat, string>> = {
  ssv: " ",
  tsv: "\t",
  pipes: "|",
};

/** The style a location uses when the spec names none (OpenAPI 3.1 §4.8.12.4). */
export function defaultStyle(location: ParameterLocation): string {
  return location === "query" || location === "cookie" ? "form" : "simple";
}

export function wireStyle(
  location: ParameterLocation,
  p: Pick<
    Parameter & Encoding,
    "style" | "explode" | "allowReserved" | "collectionFormat" | "contentType"
  >,
): WireStyle {
  const out: WireStyle = {};
  if (p.contentType !== undefined) {
    out.contentType = p.contentType;
    return out;
  }
  const style = p.style ?? defaultStyle(location);
  const explode = p.explode ?? (style === "form" || style === "deepObject");
  if (style !== defaultStyle(location)) out.style = style;
  if (explode !== (style === "form" || style === "deepObject"))
    out.explode = explode;
  const delimiter = p.collectionFormat && DELIMITERS[p.collectionFormat];
  // a query ssv/pipes is spaceDelimited/pipeDelimited already
  if (delimiter && !(location === "query" && style !== "form"))
    out.delimiter = delimiter;
  if (p.allowReserved && location === "query") out.allowReserved = true;
  return out;
}
