import { NARROWER_THAN_LENGTH, textWidth } from "../shared/doc.js";
import { PRINT_WIDTH } from "../shared/literals.js";

/**
 * An object's text as print-json.ts lays it out, made by JSON.stringify (native code) and then
 * mended where prettier's layout differs from `JSON.stringify(value, null, 2)`. In the CLI most of
 * the printer's own code runs unoptimized (the launcher's large tier-up budget), so walking GitHub's
 * ~1M values in JavaScript cost several times what the native walk does.
 *
 * The two layouts agree on everything but arrays and numbers: objects are expanded one member a
 * line in both, keys and strings are quoted and escaped by the same JSON.stringify, and a value at
 * indent `i` has its members at `i + 2`. JSON.stringify expands every non-empty array; prettier puts
 * one on one line when it fits, fills lines with numbers, and keeps it expanded when an item is a
 * non-empty object. So each expanded array of atoms (scalars, `{}`, `[]`) is laid out again here,
 * exactly as printArray would; an array that holds a non-empty object stays as it is. What this
 * does not mend makes it give up (false; what it appended to `parts` is to be dropped): an array
 * as an item of an array, a number written with `e+` (prettier drops the `+`; the text is
 * searched for any `e+`, strings' included: rare, and it only costs the fast way), a value that
 * cannot be stringified (a LazyMembers, whose toJSON throws). The caller then prints the object
 * piece by piece.
 *
 * Values are JSON data (what JSON.parse or a YAML core-schema load gives, and object literals of
 * such): no toJSON, function or symbol values, on which the two would differ.
 */
export function stringifiedParts(
  value: object,
  indent: string,
  parts: string[],
): boolean {
  const frame = frameAt(indent.length >> 1);
  let text: string;
  frame.slot[0] = value;
  try {
    text = JSON.stringify(frame.outer ?? value, null, 2);
  } catch {
    return false;
  } finally {
    frame.slot[0] = 0;
  }
  if (hasExponentPlus(text)) return false;
  const end = text.length - frame.tail;
  let from = frame.head;
  let open = text.indexOf("[\n", from);
  while (open !== -1 && open < end) {
    // the array's line is its indent, its member's quoted key and ": " (strings hold no newline:
    // every newline in the text is JSON.stringify's); without a key it is an item of an array
    const lineStart = text.lastIndexOf("\n", open) + 1;
    const quote = text.indexOf('"', lineStart);
    if (quote === -1 || quote > open) return false;
    const at = quote - lineStart;
    // most arrays of objects are known by their first item, before their end is looked for
    // (which would read all of their text, and again for each array inside it)
    const first = open + at + 4;
    if (text.charCodeAt(first + 1) === 10 /* \n */) {
      const opening = text.charCodeAt(first);
      if (opening === 123 /* { */) {
        open = text.indexOf("[\n", first);
        continue;
      }
      if (opening === 91 /* [ */) return false;
    }
    const close = text.indexOf(closing(at), open);
    // its items, each after a newline and the indent `at + 2` (deeper lines have more spaces)
    const body = text.slice(open + 1, close);
    if (body.includes(itemOpening(at + 2, "{\n"))) {
      // an item is a non-empty object: prettier keeps the array expanded too
      open = text.indexOf("[\n", open + 2);
      continue;
    }
    if (body.includes(itemOpening(at + 2, "[\n"))) return false;
    const after = close + at + 2;
    const room =
      PRINT_WIDTH -
      (text.charCodeAt(after) === 44 /* , */ ? 1 : 0) -
      textWidth(text.slice(lineStart, open));
    const mended = mendedAtoms(body, at + 2, room);
    if (mended !== undefined) {
      parts.push(text.slice(from, open), mended);
      from = after;
    }
    open = text.indexOf("[\n", after);
  }
  parts.push(text.slice(from, end));
  return true;
}

/**
 * An expanded array of atoms (`body`: each item after a newline and `inner` spaces, a comma
 * between) as printArray lays it out when `room` columns are left on its line: on one line if it
 * fits, numbers filling lines, else undefined (it stays expanded, as JSON.stringify wrote it).
 */
function mendedAtoms(
  body: string,
  inner: number,
  room: number,
): string | undefined {
  const first = body.charCodeAt(inner + 1);
  const maybeNumbers = first === 45 /* - */ || (first >= 48 && first <= 57);
  // the one-line text is body.length + 1 - n * inner characters long for n items, and n is at
  // most (body.length + 1) / (inner + 3): an item is one character or more. So a long array is
  // known not to fit without making its line, unless some character is narrower than its length
  if (
    !maybeNumbers &&
    3 * (body.length + 1) > room * (inner + 3) &&
    !NARROWER_THAN_LENGTH.test(body)
  )
    return undefined;
  const flat = `[${body.slice(inner + 1).replaceAll(separator(inner), ", ")}]`;
  if (textWidth(flat) <= room) return flat;
  if (!maybeNumbers) return undefined;
  const items = body.slice(inner + 1).split(separator(inner));
  return items.length > 1 && allNumbers(items)
    ? fillNumbers(items, spaces(inner - 2))
    : undefined;
}

/**
 * Whether an `e+` is in the text (JSON.stringify's `1e+21`, or any string's). Looked for from the
 * rare `+`: includes("e+") stops at every `e` of the descriptions, ten times slower.
 */
function hasExponentPlus(text: string): boolean {
  for (
    let plus = text.indexOf("+");
    plus !== -1;
    plus = text.indexOf("+", plus + 1)
  )
    if (text.charCodeAt(plus - 1) === 101 /* e */) return true;
  return false;
}

function allNumbers(items: readonly string[]): boolean {
  for (let i = 0; i < items.length; i++) {
    const first = items[i]!.charCodeAt(0);
    if (first !== 45 /* - */ && (first < 48 || first > 57)) return false;
  }
  return true;
}

/** prettier's `fill` for number arrays (their JSON texts): as many per line as fit. */
export function fillNumbers(texts: readonly string[], indent: string): string {
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

/**
 * Arrays nested `depth` deep around one slot, so that JSON.stringify indents the slot's value
 * (and every line of it) by `2 * depth` spaces, as if it were printed where it is in the
 * document: the value's text is the middle of the result, `head` and `tail` characters cut off.
 */
interface Frame {
  /** undefined at depth 0: the value is stringified as it is */
  outer: unknown[] | undefined;
  slot: unknown[];
  head: number;
  tail: number;
}
const FRAMES: Frame[] = [];

function frameAt(depth: number): Frame {
  let frame = FRAMES[depth];
  if (frame === undefined) {
    const slot: unknown[] = [0];
    let outer = slot;
    for (let i = 1; i < depth; i++) outer = [outer];
    const text = depth === 0 ? "0" : JSON.stringify(outer, null, 2);
    const at = text.indexOf("0");
    frame = FRAMES[depth] = {
      outer: depth === 0 ? undefined : outer,
      slot,
      head: at,
      tail: text.length - at - 1,
    };
  }
  return frame;
}

const SPACES: string[] = [];
const OPENINGS = new Map<string, string>();
const CLOSINGS: string[] = [];
const SEPARATORS: string[] = [];

function spaces(n: number): string {
  return (SPACES[n] ??= " ".repeat(n));
}
/** The line that closes an array whose line is indented `n`. */
function closing(n: number): string {
  return (CLOSINGS[n] ??= `\n${spaces(n)}]`);
}
/** What is between two items indented `n`. */
function separator(n: number): string {
  return (SEPARATORS[n] ??= `,\n${spaces(n)}`);
}
/** The start of an item indented `n` whose text starts with `start`. */
function itemOpening(n: number, start: string): string {
  const key = start + n;
  let opening = OPENINGS.get(key);
  if (opening === undefined)
    OPENINGS.set(key, (opening = `\n${spaces(n)}${start}`));
  return opening;
}
