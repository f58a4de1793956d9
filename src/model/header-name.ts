/** RFC 9110 §5.1: a field name is a token. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** True when `name` can be sent as an HTTP header name: `fetch` throws for anything else. */
export function isHeaderName(name: string): boolean {
  return TOKEN.test(name);
}
