/** RFC 9110 §5.1: a field name is a token. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * True when `name` can be sent as an HTTP header name. `fetch` throws `Headers.set: invalid
 * header name` for anything else (`tok(en)`, `X Api Key`), so such headers never reach a client.
 */
export function isHeaderName(name: string): boolean {
  return TOKEN.test(name);
}
