import { isHeaderName, isTransportHeader } from "../../model/header-name.js";
import type { Path } from "../../model/pointer.js";
import type { PostmanContext } from "./context.js";
import { keyValues, type KeyValue } from "./fields.js";
import { mediaType } from "./media.js";

/** A request's headers, sorted by what they mean to the model. */
export interface RequestHeaders {
  /** Everything that is not Accept, Content-Type, Authorization or Cookie: header parameters. */
  parameters: KeyValue[];
  /** The pairs of a `Cookie` header: cookie parameters. */
  cookies: KeyValue[];
  /** Media types of the responses, from `Accept` (without the any-type wildcard). */
  accept: string[];
  /** The request body's media type, from `Content-Type`. */
  contentType?: string;
  /** The `Authorization` header: evidence of a security scheme. */
  authorization?: KeyValue;
}

/**
 * Reads `request.header`: a key/value list, or the 2.0 string form (`"Key: value\n…"`), and the
 * pre-2.0 `headers` member. Disabled Accept, Content-Type and Authorization headers say nothing.
 * Variables are written in, as newman sends them: in names, and in those three's values.
 */
export function readHeaders(
  request: Record<string, unknown>,
  at: Path,
  pc: PostmanContext,
): RequestHeaders {
  const written = (text: string) => pc.variables.written(text);
  const field = request.header !== undefined ? "header" : "headers";
  const value = request[field];
  const entries =
    typeof value === "string"
      ? headerLines(value, [...at, field])
      : keyValues(value, [...at, field]);
  const result: RequestHeaders = { parameters: [], cookies: [], accept: [] };
  for (const raw of entries) {
    const value = raw.value === undefined ? undefined : written(raw.value);
    const entry = { ...raw, key: written(raw.key) };
    const name = entry.key.trim().toLowerCase();
    if (name === "accept") {
      if (!entry.disabled && value !== undefined)
        for (const type of value.split(",").map(mediaType))
          if (type && type !== "*/*" && !result.accept.includes(type))
            result.accept.push(type);
    } else if (name === "content-type")
      result.contentType ??= mediaType(entry.disabled ? undefined : value);
    else if (name === "authorization")
      result.authorization ??= entry.disabled ? undefined : { ...entry, value };
    else if (name === "cookie") {
      for (const cookie of cookiePairs(entry))
        if (!result.cookies.some((c) => c.key === cookie.key))
          result.cookies.push(cookie);
    } else if (!isHeaderName(entry.key))
      pc.reporter.report(
        "postman/invalid-header-name",
        `${JSON.stringify(entry.key)} is not a valid HTTP header name; the header is left out`,
        pc.ref(entry.at),
      );
    else if (isTransportHeader(name)) {
      if (!entry.disabled)
        pc.reporter.report(
          "postman/transport-header",
          `${JSON.stringify(entry.key)} is a header fetch writes itself (a value given is refused or replaced); it is left out`,
          pc.ref(entry.at),
        );
    } else if (!result.parameters.some((p) => p.key.toLowerCase() === name))
      result.parameters.push(entry);
  }
  return result;
}

/** `Cookie: a=1; b=2` as one entry per cookie (RFC 6265 §4.2.1). */
function cookiePairs(entry: KeyValue): KeyValue[] {
  return (entry.value ?? "").split(";").flatMap((pair) => {
    const eq = pair.indexOf("=");
    const key = (eq === -1 ? pair : pair.slice(0, eq)).trim();
    if (key === "" || !isHeaderName(key)) return []; // a cookie name is a token too
    const value = eq === -1 ? "" : pair.slice(eq + 1).trim();
    const { description: _, ...cookie } = { ...entry, key, value };
    return [cookie];
  });
}

function headerLines(text: string, at: Path): KeyValue[] {
  return text.split(/\r?\n/).flatMap((line) => {
    const colon = line.indexOf(":");
    if (colon <= 0) return [];
    const disabled = line.trimStart().startsWith("//");
    const key = line
      .slice(0, colon)
      .trim()
      .replace(/^\/\/\s*/, "");
    if (key === "") return [];
    return [
      { key, value: line.slice(colon + 1).trim(), disabled, at, raw: {} },
    ];
  });
}
