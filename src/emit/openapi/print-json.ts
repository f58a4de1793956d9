import { isMap, PRINT_WIDTH, type TextOut, textWidth } from "../toolkit.js";

/** A JSON value as the OpenAPI document holds it; `undefined` members are left out when printed. */
export type JsonObject = { [key: string]: unknown };

/** `value`, or undefined when it has no member that is not undefined (so none is printed). */
export const nonEmpty = <T extends object>(value: T): T | undefined =>
  Object.values(value).some((v) => v !== undefined) ? value : undefined;

/**
 * JSON laid out exactly as prettier's `json` parser lays out JSON.stringify's output, without
 * running prettier: JSON.stringify's two-space layout, then its arrays as prettier lays them out
 * (on one line when it fits, numbers filling lines, an array of arrays of 2+ items one a line).
 * Written to `target` in pieces: an object's members one at a time down to {@link SPLIT_DEPTH},
 * and those of its {@link LazyMembers} at any depth.
 */
export function printJsonTo(value: unknown, target: TextOut): void {
  if (isMap(value)) printObject(value, 1, target);
  else target.write(layout(JSON.stringify(value, null, 2) ?? "null", false));
  target.write("\n");
}

/**
 * An object whose members are made one at a time as they are printed, then dropped (a large
 * API's `paths`): printJsonTo's value or a member of an object in it, not an array's item.
 * `make` must not return undefined.
 */
export class LazyMembers {
  constructor(
    readonly keys: readonly string[],
    readonly make: (key: string) => unknown,
  ) {}

  toJSON(): never {
    throw new Error("a LazyMembers is printed by printJsonTo only");
  }
}

/** Objects at this depth or deeper are printed whole (a member of components.schemas). */
const SPLIT_DEPTH = 3;

/** Prints an object whose members are at `depth` (1: the value's own), one member at a time. */
function printObject(
  object: Record<string, unknown> | LazyMembers,
  depth: number,
  out: TextOut,
): void {
  const lazy = object instanceof LazyMembers;
  const keys = lazy
    ? object.keys
    : Object.keys(object).filter((key) => object[key] !== undefined);
  if (keys.length === 0) return out.write("{}");
  keys.forEach((key, i) => {
    const value = lazy ? object.make(key) : object[key];
    const start = i === 0 ? "{\n" : ",\n";
    if (value instanceof LazyMembers || (depth < SPLIT_DEPTH && isMap(value))) {
      out.write(`${start}${"  ".repeat(depth)}${JSON.stringify(key)}: `);
      return printObject(value, depth + 1, out);
    }
    // `"key": value` indented and laid out: the member wrapped in an object a level, printed,
    // the wrappers' lines cut off (`{\n` and one `"": {\n` a level before, `\n}` a level after)
    let wrapped: unknown = { [key]: value };
    for (let level = 1; level < depth; level++) wrapped = { "": wrapped };
    const before = 2 + (depth - 1) * (depth + 6);
    const after = depth * (depth + 1);
    const text = JSON.stringify(wrapped, null, 2).slice(before, -after);
    out.write(start + layout(text, i < keys.length - 1));
  });
  out.write(`\n${"  ".repeat(depth - 1)}}`);
}

// prettier writes `1e+21` as `1e21`, the only number form of JSON.stringify it changes; a line
// that ends in digits ends in a number (a string's line ends in `"`)
const EXPONENT = /(\d)e\+(\d+,?(?:\n|$))/g;

// an array JSON.stringify broke whose items are each one line (not an opening `{` or `[`)
const ITEM = String.raw`(?:[^ \n][^\n]*)?[^ \n[{,]`;
const EXPANDED_ARRAY = new RegExp(
  String.raw`\[\n( +)(${ITEM}(?:,\n\1${ITEM})*)\n *\]`,
  "y",
);
const NUMBER = /^-?\d[\d.e-]*$/;

/**
 * JSON.stringify(…, null, 2)'s text with its numbers and arrays as prettier lays them out;
 * `followed`: a comma follows the text on its last line.
 */
function layout(json: string, followed: boolean): string {
  // `+` is rare in JSON text, `e+` searched for is not
  let text = json.includes("+") ? json.replace(EXPONENT, "$1e$2") : json;
  // innermost arrays first: one laid on one line may let the array around it be laid so too
  for (let nested = true; nested;) {
    nested = false;
    let laid = "";
    let copied = 0;
    for (
      let at = text.indexOf("[\n");
      at !== -1;
      at = text.indexOf("[\n", at + 1)
    ) {
      EXPANDED_ARRAY.lastIndex = at;
      const [array, indent, body] = EXPANDED_ARRAY.exec(text) ?? [];
      if (array === undefined) continue;
      const items = body!.split(`,\n${indent}`);
      if (items.length > 1 && items.every(isRow)) continue;
      const flat = `[${items.join(", ")}]`;
      const before = text.slice(text.lastIndexOf("\n", at) + 1, at);
      const end = at + array.length;
      const trailing = (end < text.length ? text[end] === "," : followed)
        ? 1
        : 0;
      let replaced: string;
      if (textWidth(before) + textWidth(flat) + trailing <= PRINT_WIDTH) {
        replaced = flat;
        // an item of an array (or the whole text)
        if (before.trim() === "") nested = true;
      } else if (items.length > 1 && items.every((item) => NUMBER.test(item)))
        replaced = fillNumbers(items, indent!.slice(2));
      else continue;
      laid += text.slice(copied, at) + replaced;
      copied = end;
    }
    if (copied > 0) text = laid + text.slice(copied);
  }
  return text;
}

/** An array of two or more items laid on one line: rows of them are one per line. */
function isRow(item: string): boolean {
  return item.startsWith("[") && (JSON.parse(item) as unknown[]).length > 1;
}

/** prettier's `fill` for number arrays (their JSON texts): as many per line as fit. */
function fillNumbers(texts: readonly string[], indent: string): string {
  const lines: string[] = [];
  texts.forEach((text, i) => {
    const item = text + (i < texts.length - 1 ? "," : "");
    const line = lines.at(-1);
    if (line && textWidth(line) + 1 + textWidth(item) <= PRINT_WIDTH)
      lines[lines.length - 1] += " " + item;
    else lines.push(indent + "  " + item);
  });
  return `[\n${lines.join("\n")}\n${indent}]`;
}
