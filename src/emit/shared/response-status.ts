import { reasonPhrase as httpReason } from "../../model/http-status.js";

/**
 * The Responses Object key for a model status (`"200"`, `"4XX"`, `"default"`), or undefined when
 * the status cannot be one (OpenAPI 3.1 §4.8.16: `[1-5]XX`, three digits, or `default`).
 */
export function statusKey(status: string): string | undefined {
  const s = status.trim();
  if (s === "default" || /^[1-5][0-9]{2}$/.test(s)) return s;
  return /^[1-5]xx$/i.test(s) ? s[0] + "XX" : undefined;
}

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
  return httpReason(key) ?? CLASSES[key[0]!] ?? "Response";
}
