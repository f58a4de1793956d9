import {
  type Doc,
  group,
  items,
  printBefore,
  propertyKey,
  stringLiteral,
} from "../toolkit.js";

export type Literal =
  | string
  | number
  | boolean
  | readonly Literal[]
  | { readonly [key: string]: Literal | undefined };

/**
 * Data as a TypeScript literal in prettier's layout: objects expanded, arrays of scalars on one
 * line when they fit. `column`: where it starts; the `;` after it counts for the fit only.
 */
export function printLiteral(value: Literal, column: number): string {
  return printBefore(literalDoc(value), ";", { column });
}

function literalDoc(value: Literal): Doc {
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number" || typeof value === "boolean")
    return String(value);
  if (isArray(value)) {
    if (value.length === 0) return "[]";
    const scalars = value.every((v) => typeof v !== "object");
    return group(["[", items(value.map(literalDoc)), "]"], !scalars);
  }
  const members: Doc[] = [];
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined) continue;
    // tsc gives a member named like one of Object.prototype's (`toString`) no contextual type
    // from an index signature, so `"string"` would widen to string: `as const` keeps it
    const keep =
      key in Object.prototype && !containsArray(v) ? " as const" : "";
    members.push([`${propertyKey(key)}: `, literalDoc(v), keep]);
  }
  if (members.length === 0) return "{}";
  return group(["{", items(members, { spaced: true }), "}"], true);
}

function isArray(value: Literal): value is readonly Literal[] {
  return Array.isArray(value);
}

function containsArray(value: Literal): boolean {
  if (isArray(value)) return true;
  if (typeof value !== "object") return false;
  return Object.values(value).some((v) => v !== undefined && containsArray(v));
}
