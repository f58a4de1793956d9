import { PRINT_WIDTH, propertyKey, stringLiteral } from "../shared/literals.js";

export type Literal =
  | string
  | number
  | boolean
  | readonly Literal[]
  | { readonly [key: string]: Literal | undefined };

/**
 * Prints data as a TypeScript literal in prettier's layout: objects always expanded (prettier keeps
 * an object expanded when its first key starts a new line), arrays of scalars on one line when they
 * fit. `column` is where the literal starts; `suffix` is what follows it on its line (`,` or `;`).
 */
export function printLiteral(
  value: Literal,
  indent: string,
  column: number,
  suffix: string,
): string {
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number" || typeof value === "boolean")
    return String(value);
  const inner = indent + "  ";
  if (isArray(value)) {
    if (value.length === 0) return "[]";
    if (value.every((v) => typeof v !== "object")) {
      const items = value.map((v) => printLiteral(v, inner, 0, ""));
      const flat = `[${items.join(", ")}]`;
      if (column + flat.length + suffix.length <= PRINT_WIDTH) return flat;
      return `[\n${items.map((i) => `${inner}${i},\n`).join("")}${indent}]`;
    }
    const lines = value.map(
      (v) => `${inner}${printLiteral(v, inner, inner.length, ",")},\n`,
    );
    return `[\n${lines.join("")}${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return "{}";
  const lines = entries.map(([key, v]) => {
    const head = `${inner}${propertyKey(key)}: `;
    const text = printLiteral(v!, inner, head.length, ",");
    // tsc gives a member named like one of Object.prototype's (`toString`) no contextual type
    // from an index signature, so `"string"` would widen to string: `as const` keeps it
    const keep =
      key in Object.prototype && !containsArray(v!) ? " as const" : "";
    return `${head}${text}${keep},\n`;
  });
  return `{\n${lines.join("")}${indent}}`;
}

function isArray(value: Literal): value is readonly Literal[] {
  return Array.isArray(value);
}

function containsArray(value: Literal): boolean {
  if (isArray(value)) return true;
  if (typeof value !== "object") return false;
  return Object.values(value).some((v) => v !== undefined && containsArray(v));
}
