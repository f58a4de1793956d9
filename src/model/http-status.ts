/** Reason phrases of the registered HTTP status codes (RFC 9110 §15 and friends). */
const REASONS: Record<string, string> = {
  "100": "Continue",
  "101": "Switching Protocols",
  "200": "OK",
  "201": "Created",
  "202": "Accepted",
  "203": "Non-Authoritative Information",
  "204": "No Content",
  "205": "Reset Content",
  "206": "Partial Content",
  "207": "Multi-Status",
  "300": "Multiple Choices",
  "301": "Moved Permanently",
  "302": "Found",
  "303": "See Other",
  "304": "Not Modified",
  "307": "Temporary Redirect",
  "308": "Permanent Redirect",
  "400": "Bad Request",
  "401": "Unauthorized",
  "402": "Payment Required",
  "403": "Forbidden",
  "404": "Not Found",
  "405": "Method Not Allowed",
  "406": "Not Acceptable",
  "407": "Proxy Authentication Required",
  "408": "Request Timeout",
  "409": "Conflict",
  "410": "Gone",
  "411": "Length Required",
  "412": "Precondition Failed",
  "413": "Content Too Large",
  "414": "URI Too Long",
  "415": "Unsupported Media Type",
  "416": "Range Not Satisfiable",
  "417": "Expectation Failed",
  "418": "I'm a teapot",
  "422": "Unprocessable Content",
  "423": "Locked",
  "425": "Too Early",
  "426": "Upgrade Required",
  "428": "Precondition Required",
  "429": "Too Many Requests",
  "431": "Request Header Fields Too Large",
  "451": "Unavailable For Legal Reasons",
  "500": "Internal Server Error",
  "501": "Not Implemented",
  "502": "Bad Gateway",
  "503": "Service Unavailable",
  "504": "Gateway Timeout",
  "505": "HTTP Version Not Supported",
};

/** Older names Postman exports still use for some statuses. */
const ALIASES: Record<string, string> = {
  "request entity too large": "413",
  "unprocessable entity": "422",
};

/** `"404"` → `"Not Found"`; undefined for an unregistered code. */
export const registeredReason = (status: string): string | undefined =>
  REASONS[status];

const CLASSES: Record<string, string> = {
  "1": "Informational response",
  "2": "Successful response",
  "3": "Redirection",
  "4": "Client error",
  "5": "Server error",
};

/** A description for a response no input described (OpenAPI requires one), by its key. */
export function reasonPhrase(key: string): string {
  if (key === "default") return "Any other response";
  return REASONS[key] ?? CLASSES[key[0]!] ?? "Response";
}

/** The status code a reason phrase names (`"Not Found"` → `"404"`), case-insensitively. */
export function statusOfReason(text: string): string | undefined {
  const wanted = text.trim().toLowerCase();
  for (const [code, reason] of Object.entries(REASONS))
    if (reason.toLowerCase() === wanted) return code;
  return ALIASES[wanted];
}

/**
 * The Responses Object key for a model status (`"200"`, `"4XX"`, `"default"`), or undefined when
 * the status cannot be one (OpenAPI 3.1 §4.8.16: `[1-5]XX`, three digits, or `default`).
 */
export function statusKey(status: string): string | undefined {
  const s = status.trim();
  if (s === "default" || /^[1-5][0-9]{2}$/.test(s)) return s;
  return /^[1-5]xx$/i.test(s) ? s[0] + "XX" : undefined;
}
