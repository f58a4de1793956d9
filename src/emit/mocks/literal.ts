import { type Doc, group } from "../shared/doc.js";
import { propertyKey, stringLiteral } from "../shared/literals.js";
import { items } from "../shared/statements.js";

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
  const members = entries.map(([key, v]) => [
    `${propertyKey(key)}: `,
    jsonDoc(v),
  ]);
  return group(["{", items(members, { spaced: true }), "}"]);
}
