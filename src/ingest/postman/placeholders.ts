import { hasPlaceholder } from "./variables.js";

/**
 * The value as an example, or undefined when it is a placeholder rather than data: empty, `{}`
 * (or its url-encoded `%7B%7D`, as Postman exports write it), a `{{var}}` reference, or a
 * `<name>` stand-in.
 */
export function exampleValue(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  if (trimmed === "{}" || trimmed.toLowerCase() === "%7b%7d") return undefined;
  if (hasPlaceholder(trimmed)) return undefined;
  if (/^<[^<>]+>$/.test(trimmed)) return undefined;
  return value;
}

/**
 * `decodeURIComponent` that keeps the text when it is not valid percent-encoding. In a query
 * string `+` is a space (application/x-www-form-urlencoded); in a path it is itself.
 */
export function decodeText(text: string, plusIsSpace = false): string {
  try {
    return decodeURIComponent(plusIsSpace ? text.replace(/\+/g, " ") : text);
  } catch {
    return text;
  }
}
