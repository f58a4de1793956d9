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

/**
 * How one form field is sent: a url-encoded field's style as a query parameter's, a part's
 * media type (`contentType`), and the part headers whose schema fixes a value (`const`, a
 * one-value `enum` or a `default`): the only header values a generated client can know.
 */
export function encodingStyle(
  encoding: Encoding,
): WireStyle & { headers?: Record<string, string> } {
  const out: WireStyle & { headers?: Record<string, string> } = wireStyle(
    "query",
    { ...encoding, contentType: undefined },
  );
  if (encoding.contentType !== undefined)
    out.contentType = encoding.contentType;
  const headers: Record<string, string> = {};
  for (const [name, header] of Object.entries(encoding.headers ?? {})) {
    if (name.toLowerCase() === "content-type") continue; // §4.8.15: contentType says it
    const schema = header.schema;
    const fixed =
      schema?.const ??
      (Array.isArray(schema?.enum) && schema.enum.length === 1
        ? schema.enum[0]
        : schema?.default);
    if (fixed !== undefined && fixed !== null && typeof fixed !== "object")
      headers[name] = String(fixed as string | number | boolean);
  }
  if (Object.keys(headers).length > 0) out.headers = headers;
  return out;
}
