/**
 * The Responses Object key for a model status (`"200"`, `"4XX"`, `"default"`), or undefined when
 * the status cannot be one (OpenAPI 3.1 §4.8.16: `[1-5]XX`, three digits, or `default`).
 */
export function statusKey(status: string): string | undefined {
  const s = status.trim();
  if (s === "default") return s;
  if (/^[1-5][0-9]{2}$/.test(s)) return s;
  if (/^[1-5]xx$/i.test(s)) return s[0] + "XX";
  return undefined;
}

const PHRASES: Record<string, string> = {
  "100": "Continue",
  "101": "Switching Protocols",
  "200": "OK",
  "201": "Created",
  "202": "Accepted",
  "203": "Non-Authoritative Information",
  "204": "No Content",
  "205": "Reset Content",
  "206": "Partial Content",
  "300": "Multiple Choices",
  "301": "Moved Permanently",
  "302": "Found",
  "303": "See Other",
  "304": "Not Modified",
  "307": "Temporary Redirect",
  "308": "Permanent Redirect",
  "400": "Bad Request",
  "401": "Unauthorized",
  "403": "Forbidden",
  "404": "Not Found",
  "405": "Method Not Allowed",
  "406": "Not Acceptable",
  "409": "Conflict",
  "410": "Gone",
  "412": "Precondition Failed",
  "413": "Content Too Large",
  "415": "Unsupported Media Type",
  "422": "Unprocessable Content",
  "429": "Too Many Requests",
  "500": "Internal Server Error",
  "501": "Not Implemented",
  "502": "Bad Gateway",
  "503": "Service Unavailable",
  "504": "Gateway Timeout",
};

const CLASSES: Record<string, string> = {
  "1": "Informational response",
  "2": "Successful response",
  "3": "Redirection",
  "4": "Client error",
  "5": "Server error",
};

/** A description for a response no input described (OpenAPI requires one). */
export function reasonPhrase(key: string): string {
  if (key === "default") return "Any other response";
  return PHRASES[key] ?? CLASSES[key[0]!] ?? "Response";
}
