import {
  defaultExplode,
  defaultStyle,
  resolveSerialization,
  serializationOf,
} from "../../model/serialization.js";
import type {
  CollectionFormat,
  Encoding,
  Parameter,
  ParameterLocation,
  Serialization,
} from "../../model/types.js";

/**
 * How a parameter (or url-encoded form field) goes on the wire, as the client's `ParamStyle` and
 * the server's `ParamSpec` say it: only what differs from the location's default.
 */
export interface WireStyle {
  style?: string;
  explode?: boolean;
  /** The separator of a not-exploded array when not the style's (Swagger 2.0 ssv, tsv, pipes). */
  delimiter?: string;
  allowReserved?: boolean;
  contentType?: string;
}

/** The request's parts by parameter location, as `<Name>Request` and the client's calls name them. */
export const REQUEST_PARTS = Object.freeze(
  (
    [
      ["path", "path"],
      ["query", "query"],
      ["header", "headers"],
      ["cookie", "cookies"],
    ] as const satisfies readonly (readonly [ParameterLocation, string])[]
  ).map((part) => Object.freeze(part)),
);

const DELIMITERS: Partial<Record<CollectionFormat, string>> = {
  ssv: " ",
  tsv: "\t",
  pipes: "|",
};

/** How a parameter goes on the wire, from the serialization the model resolved. */
export function parameterWireStyle(parameter: Parameter): WireStyle {
  // the four members wireStyle reads, not a copy of the whole parameter
  return wireStyle(parameter.in, {
    allowReserved: parameter.allowReserved,
    collectionFormat: parameter.collectionFormat,
    contentType: parameter.contentType,
    serialization: serializationOf(parameter),
  });
}

/** {@link WireStyle} of a resolved `p.serialization` (a parameter's, a form field's). */
export function wireStyle(
  location: ParameterLocation,
  p: Pick<
    Parameter & Encoding,
    "allowReserved" | "collectionFormat" | "contentType"
  > & { serialization: Serialization },
): WireStyle {
  if (p.contentType !== undefined) return { contentType: p.contentType };
  const out: WireStyle = {};
  const { style, explode } = p.serialization;
  if (style !== defaultStyle(location)) out.style = style;
  if (explode !== defaultExplode(style)) out.explode = explode;
  const delimiter = p.collectionFormat && DELIMITERS[p.collectionFormat];
  // a query ssv/pipes is spaceDelimited/pipeDelimited already
  if (delimiter && !(location === "query" && style !== "form"))
    out.delimiter = delimiter;
  // a path parameter's only in the simple style (RFC 6570's `{+name}`)
  if (
    p.allowReserved &&
    (location === "query" || (location === "path" && style === "simple"))
  )
    out.allowReserved = true;
  return out;
}

/**
 * How a form field is sent: a url-encoded field's style as a query parameter's, a part's media
 * type, and the part headers whose schema fixes a value (`const`, a one-value `enum`, `default`).
 */
export function encodingStyle(
  encoding: Encoding,
): WireStyle & { headers?: Record<string, string> } {
  const out: ReturnType<typeof encodingStyle> = wireStyle("query", {
    ...encoding,
    contentType: undefined,
    serialization: resolveSerialization("query", encoding),
  });
  // an explicit style or explode is the field's, default or not: not the JSON of no encoding
  if (encoding.style !== undefined || encoding.explode !== undefined)
    out.style ??= "form";
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
