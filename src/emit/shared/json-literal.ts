import { type Doc, group, indent, line, textWidth } from "./doc.js";
import { propertyKey, stringLiteral } from "./literals.js";
import { items } from "./statements.js";

/**
 * A JSON value (what JSON.parse gives) as a TypeScript expression: every string is a string
 * literal made by the shared helpers, every key a property key (`__proto__` computed, so it
 * stays a member and never sets the prototype). Arrays and objects break one item per line
 * when they do not fit.
 */
export function jsonDoc(value: unknown): Doc {
  if (value === null) return "null";
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number" || typeof value === "boolean")
    return String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    return group(["[", items(value.map(jsonDoc)), "]"]);
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return "{}";
  const members = entries.map(([key, v]) => member(propertyKey(key), v));
  return group(["{", items(members, { spaced: true }), "}"]);
}

/**
 * `key: value`. A string too long for the line goes to the next one, indented (prettier's
 * break-after-operator), unless the key is shorter than 5 columns: breaking after it gains
 * little, and prettier keeps such a string beside it.
 */
function member(key: string, value: unknown): Doc {
  if (typeof value === "string" && textWidth(key) >= 5)
    return group([`${key}:`, indent([line, stringLiteral(value)])]);
  return [`${key}: `, jsonDoc(value)];
}
