/** RFC 9110 §5.1: a field name is a token. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** True when `name` can be sent as an HTTP header name: `fetch` throws for anything else. */
export function isHeaderName(name: string): boolean {
  return TOKEN.test(name);
}

/** True when node:http sends `value` as a header value (it throws for a control character). */
export const isHeaderValue = (value: string): boolean =>
  /^[\t\x20-\x7e\x80-\xff]*$/.test(value);

/**
 * A header fetch writes itself from the body and the connection: a value given for it makes
 * undici throw (`Transfer-Encoding`, `Expect`, `Keep-Alive`, `Upgrade`) or is replaced
 * (`Connection`, `Host`, `TE`, `Trailer`), so a description's parameter of that name is left out.
 * `Content-Length` is not: a right one is sent (a stream's length, for S3).
 */
export const isTransportHeader = (name: string): boolean =>
  /^(?:connection|expect|host|keep-alive|te|trailer|transfer-encoding|upgrade)$/i.test(
    name,
  );
