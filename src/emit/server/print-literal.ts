import {
  PRINT_WIDTH,
  propertyKey,
  stringLiteral,
  textWidth,
} from "../toolkit.js";

export type Literal =
  | string
  | number
  | boolean
  | readonly Literal[]
  | { readonly [key: string]: Literal | undefined };

/**
 * Prints data as a TypeScript literal in prettier's layout: objects always expanded (prettier keeps
 * an object expanded when its first key starts a new line), arrays of scalars on one line when they
 * fit, else one item per line. `column` is where the literal starts on a line indented by `indent`;
 * `suffix` is what follows it on its line (`,` or `;`), counted for the fit but not returned.
 *
 * Written straight out rather than as a doc for the printer (shared/doc.ts): the layout has only
 * those two decisions, and server/routes.ts is one literal of every endpoint (GitHub's: 600 kB),
 * whose doc cost more than the rest of the server artifact. Every line but the last ends in `,`
 * (a member, an item, a trailing comma), so an array fits when its flat text and the `,` (or
 * the suffix) do. test/server/print-literal.test.ts checks it against the doc printer's layout.
 */
export function printLiteral(
  value: Literal,
  indent: string,
  column: number,
  suffix: string,
): string {
  const out: string[] = [];
  write(value, indent, column, textWidth(suffix), out);
  return out.join("");
}

/** Appends `value` at `column` of a line indented by `indent`, `after` columns following it. */
function write(
  value: Literal,
  indent: string,
  column: number,
  after: number,
  out: string[],
): void {
  if (typeof value === "string") return void out.push(stringLiteral(value));
  if (typeof value === "number" || typeof value === "boolean")
    return void out.push(String(value));
  const inner = indent + "  ";
  if (isArray(value)) {
    if (value.length === 0) return void out.push("[]");
    if (allScalars(value)) {
      const texts: string[] = [];
      for (let i = 0; i < value.length; i++)
        texts.push(scalarText(value[i] as string | number | boolean));
      const flat = `[${texts.join(", ")}]`;
      if (column + textWidth(flat) + after <= PRINT_WIDTH)
        return void out.push(flat);
      out.push("[\n");
      for (let i = 0; i < texts.length; i++) out.push(inner, texts[i]!, ",\n");
      return void out.push(indent, "]");
    }
    out.push("[\n");
    for (let i = 0; i < value.length; i++) {
      out.push(inner);
      write(value[i]!, inner, inner.length, 1, out);
      out.push(",\n");
    }
    return void out.push(indent, "]");
  }
  let any = false;
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const v = value[key];
    if (v === undefined) continue;
    if (!any) out.push("{\n");
    any = true;
    // tsc gives a member named like one of Object.prototype's (`toString`) no contextual type
    // from an index signature, so `"string"` would widen to string: `as const` keeps it
    const keep =
      key in Object.prototype && !containsArray(v) ? " as const" : "";
    const head = `${propertyKey(key)}: `;
    out.push(inner, head);
    write(v, inner, inner.length + textWidth(head), keep.length + 1, out);
    out.push(keep, ",\n");
  }
  out.push(any ? `${indent}}` : "{}");
}

/** No item is a list or a record (a plain loop: no closure per list printed). */
function allScalars(values: readonly Literal[]): boolean {
  for (let i = 0; i < values.length; i++)
    if (typeof values[i] === "object") return false;
  return true;
}

function scalarText(value: string | number | boolean): string {
  return typeof value === "string" ? stringLiteral(value) : String(value);
}

function isArray(value: Literal): value is readonly Literal[] {
  return Array.isArray(value);
}

function containsArray(value: Literal): boolean {
  if (isArray(value)) return true;
  if (typeof value !== "object") return false;
  return Object.values(value).some((v) => v !== undefined && containsArray(v));
}
