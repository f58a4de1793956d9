import { isMap, PRINT_WIDTH, type TextOut, textWidth } from "../toolkit.js";

/**
 * JSON laid out exactly as prettier (default options, `json` parser) lays out JSON.stringify's
 * output, without running prettier: objects stay expanded, an array goes on one line when it
 * fits in 80 columns, arrays of numbers fill lines, and an array whose items are all arrays (or
 * objects) of two or more members puts one per line. Strings are never broken.
 */

export function printJson(value: unknown): string {
  const parts: string[] = [];
  printJsonTo(value, { write: (part) => parts.push(part) });
  return parts.join("");
}

/** Writes {@link printJson}'s text to `target`, a few thousand pieces at a time, in order. */
export function printJsonTo(value: unknown, target: TextOut): void {
  // pieces appended to one output, not a string per level (copied once per nesting level)
  const out = new Output(target);
  print(value, "", 0, 0, out);
  out.push("\n");
  out.end();
}

/**
 * An object whose members are made one at a time as they are printed, then dropped (a large
 * API's `paths`). `make` must not return undefined.
 */
export class LazyMembers {
  constructor(
    readonly keys: readonly string[],
    readonly make: (key: string) => unknown,
  ) {}

  /** Only printJson prints it. */
  toJSON(): never {
    throw new Error("a LazyMembers is printed by printJson only");
  }
}

/**
 * Appends the text of `value` to `out`. `column`: where the value starts on its line;
 * `trailing`: characters that must follow it on the same line (a comma).
 */
function print(
  value: unknown,
  indent: string,
  column: number,
  trailing: number,
  out: Output,
): void {
  if (Array.isArray(value))
    return printArray(value, indent, column, trailing, out);
  if (value instanceof LazyMembers) return printLazy(value, indent, out);
  if (isMap(value)) return printObject(value, indent, out);
  out.push(scalar(value));
}

/**
 * Appends an object's members (`for...in`: the values are plain data, whose enumerable keys are
 * their own), each once the next defined one is found, so it knows whether a comma follows.
 */
function printObject(
  value: Record<string, unknown>,
  indent: string,
  out: Output,
): void {
  let lines: Level | undefined;
  let pending: string | undefined;
  for (const key in value) {
    if (value[key] === undefined) continue;
    if (pending === undefined) {
      lines = level(indent);
      out.push(lines.openObject);
    } else {
      printMember(pending, value[pending], lines!, 1, out);
      out.push(lines!.next);
    }
    pending = key;
  }
  if (pending === undefined) {
    out.push("{}");
    return;
  }
  printMember(pending, value[pending], lines!, 0, out);
  out.push(lines!.closeObject);
}

function printMember(
  key: string,
  value: unknown,
  lines: Level,
  trailing: number,
  out: Output,
): void {
  const quoted = quotedKey(key);
  out.push(quoted.text);
  print(value, lines.inner, lines.inner.length + quoted.width, trailing, out);
}

/**
 * Where the text goes: its pieces gathered into one string, handed to the target whenever it
 * holds 32K characters (so that a large document is never whole in memory).
 */
class Output {
  private text = "";
  constructor(private readonly target: TextOut) {}

  push(piece: string): void {
    this.text += piece;
    if (this.text.length >= 1 << 15) this.end();
  }

  end(): void {
    if (this.text !== "") this.target.write(this.text);
    this.text = "";
  }
}

/** The pieces of one nesting level, made once per depth, line break and inner indent included. */
interface Level {
  inner: string;
  openObject: string;
  openArray: string;
  next: string;
  closeObject: string;
  closeArray: string;
}
const LEVELS: Level[] = [];

/** The level of values printed at `indent` (indents are made only here, two spaces a level). */
function level(indent: string): Level {
  return (LEVELS[indent.length >> 1] ??= {
    inner: indent + "  ",
    openObject: `{\n${indent}  `,
    openArray: `[\n${indent}  `,
    next: `,\n${indent}  `,
    closeObject: `\n${indent}}`,
    closeArray: `\n${indent}]`,
  });
}

/** A member's `"key": ` and its width. */
function quotedKey(key: string): { text: string; width: number } {
  const text = `${JSON.stringify(key)}: `;
  return { text, width: textWidth(text) };
}

function printLazy(value: LazyMembers, indent: string, out: Output): void {
  if (value.keys.length === 0) {
    out.push("{}");
    return;
  }
  const lines = level(indent);
  const inner = lines.inner;
  const lastIndex = value.keys.length - 1;
  for (let i = 0; i <= lastIndex; i++) {
    const key = quotedKey(value.keys[i]!);
    out.push(i === 0 ? lines.openObject : lines.next);
    out.push(key.text);
    const last = i === lastIndex;
    print(
      value.make(value.keys[i]!),
      inner,
      inner.length + key.width,
      last ? 0 : 1,
      out,
    );
  }
  out.push(lines.closeObject);
}

function printArray(
  items: unknown[],
  indent: string,
  column: number,
  trailing: number,
  out: Output,
): void {
  const values = items.includes(undefined)
    ? items.map((v) => (v === undefined ? null : v))
    : items;
  if (values.length === 0) {
    out.push("[]");
    return;
  }
  if (!mustBreak(values)) {
    const flat = flatArray(values);
    if (
      flat !== undefined &&
      column + textWidth(flat) + trailing <= PRINT_WIDTH
    ) {
      out.push(flat);
      return;
    }
    if (values.length > 1 && values.every(isFiniteNumber)) {
      out.push(fillNumbers(values.map(scalar), indent));
      return;
    }
  }
  const lines = level(indent);
  const inner = lines.inner;
  for (let i = 0; i < values.length; i++) {
    const last = i === values.length - 1;
    out.push(i === 0 ? lines.openArray : lines.next);
    print(values[i], inner, inner.length, last ? 0 : 1, out);
  }
  out.push(lines.closeArray);
}

/** A non-empty object always breaks (prettier keeps objects expanded); so do rows of rows. */
function mustBreak(values: unknown[]): boolean {
  let allArrays = values.length >= 2;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isMap(v) && hasMembers(v)) return true;
    if (allArrays && !(Array.isArray(v) && v.length > 1)) allArrays = false;
  }
  return allArrays;
}

/** The one-line form, or undefined when something inside cannot be on one line. */
function flatArray(values: unknown[]): string | undefined {
  const parts: string[] = [];
  for (const v of values) {
    if (Array.isArray(v)) {
      if (v.length === 0) parts.push("[]");
      else {
        const arrayItems = v.map((x) => (x === undefined ? null : x));
        if (mustBreak(arrayItems)) return undefined;
        const inner = flatArray(arrayItems);
        if (inner === undefined) return undefined;
        parts.push(inner);
      }
    } else if (isMap(v)) {
      if (hasMembers(v)) return undefined;
      parts.push("{}");
    } else parts.push(scalar(v));
  }
  return `[${parts.join(", ")}]`;
}

/** A number prettier fills lines with: NaN and the infinities are JSON.stringify's `null`. */
function isFiniteNumber(value: unknown): boolean {
  return typeof value === "number" && Number.isFinite(value);
}

function scalar(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = JSON.stringify(value) ?? "null";
  // prettier prints `1e+21` as `1e21`; JSON.stringify makes no other number form prettier changes
  return typeof value === "number" ? text.replace("e+", "e") : text;
}

function hasMembers(value: Record<string, unknown>): boolean {
  for (const key in value) if (value[key] !== undefined) return true;
  return false;
}

/** prettier's `fill` for number arrays (their JSON texts): as many per line as fit. */
function fillNumbers(texts: readonly string[], indent: string): string {
  const inner = indent + "  ";
  const lines: string[] = [];
  let line = "";
  for (let i = 0; i < texts.length; i++) {
    const item = texts[i]! + (i < texts.length - 1 ? "," : "");
    if (line === "") line = inner + item;
    else if (textWidth(line) + 1 + textWidth(item) <= PRINT_WIDTH)
      line += " " + item;
    else {
      lines.push(line);
      line = inner + item;
    }
  }
  lines.push(line);
  return `[\n${lines.join("\n")}\n${indent}]`;
}
