import type { Path } from "../../model/pointer.js";
import type { TextPosition } from "./parsed-document.js";

interface Open {
  column: number;
  path: (string | number)[];
  kind: "key" | "item";
  items: number;
  /** An item whose content starts on a later line takes that line's position. */
  pending?: boolean;
}

/** How deep the whole-stream index goes; deeper paths are indexed per subtree when asked. */
export const YAML_INDEX_DEPTH = 3;

/**
 * Index of one YAML stream (per non-empty document, path key → position of the key or item) without
 * building a YAML document: one pass over the lines with a stack of the open keys and items by
 * column. It can be wrong on unusual text: its caller checks every answer.
 */
export function indexYamlLines(
  lines: readonly string[],
  options: {
    maxDepth: number;
    /** First line (0-based) and the column to start reading it at. */
    startLine?: number;
    startColumn?: number;
    /** Paths start below this one, and a sequence item there has this index (subtree scans). */
    base?: { path: (string | number)[]; index: number };
    /** A subtree ends at the first later line indented at most this much. */
    stopColumn?: number;
  },
) {
  const documents: Map<string, TextPosition>[] = [];
  let current = new Map<string, TextPosition>();
  let root: TextPosition | undefined; // where the document's first line of content starts
  const record = (path: (string | number)[], at: TextPosition) => {
    if (current.size === 0) current.set("", root ?? at); // the document's root
    if (path.length <= options.maxDepth) current.set(keyOf(path), at);
  };
  // what the top level's keys and items are under: the document, or a subtree's parent
  const above = options.base ?? { path: [], index: 0 };
  const base = (): Open[] => [
    { column: -1, path: above.path, kind: "key", items: above.index },
  ];
  let stack = base();
  let skipDeeperThan = -1; // block scalar: skip lines indented more than this column
  let closeQuote: '"' | "'" | undefined;
  let flowDepth = 0;
  const subtree = options.stopColumn !== undefined;

  const finishDocument = () => {
    if (current.size > 0) documents.push(current);
    current = new Map();
    root = undefined;
    stack = base();
  };

  for (let n = options.startLine ?? 0; n < lines.length; n++) {
    const raw = lines[n]!.replace(/\r$/, "");
    if (closeQuote) {
      if (quoteEnd(raw, 0, closeQuote) !== -1) closeQuote = undefined;
      continue;
    }
    if (flowDepth > 0) {
      flowDepth += bracketBalance(raw, 0);
      continue;
    }
    const first = n === options.startLine;
    const indent =
      first && options.startColumn !== undefined
        ? options.startColumn
        : raw.search(/\S/);
    if (indent === -1) continue;
    if (skipDeeperThan >= 0) {
      if (indent > skipDeeperThan) continue;
      skipDeeperThan = -1;
    }
    if (raw[indent] === "#") continue;
    if (subtree && !first && indent <= options.stopColumn!) break;
    if (indent === 0 && /^(---|\.\.\.)(\s|$)/.test(raw)) {
      if (subtree) break;
      finishDocument();
      continue;
    }
    if (raw.startsWith("%")) continue; // directive
    root ??= { line: n + 1, column: indent + 1 };

    let col = indent;
    for (;;) {
      if (
        raw[col] === "-" &&
        (col + 1 === raw.length || raw[col + 1] === " ")
      ) {
        while (
          stack.at(-1)!.column > col ||
          (stack.at(-1)!.column === col && stack.at(-1)!.kind === "item")
        )
          stack.pop();
        const parent = stack.at(-1)!; // the base, at column -1, is never taken off
        const path = [...parent.path, parent.items++];
        resolvePending(stack, n, col);
        let next = raw.slice(col + 1).search(/\S/);
        if (raw[col + 1 + next] === "#") next = -1; // `- # note`: the content is below
        const entry: Open = { column: col, path, kind: "item", items: 0 };
        if (next === -1) entry.pending = true;
        else record(path, { line: n + 1, column: col + 1 + next + 1 });
        stack.push(entry);
        if (next === -1) break;
        col = col + 1 + next;
        continue;
      }
      // a key, else a scalar item (`- value`) or a line not modelled: only its multi-line value
      const key = readKey(raw, col);
      if (key) while (stack.at(-1)!.column >= col) stack.pop();
      resolvePending(stack, n, col);
      if (key) {
        const path = [...stack.at(-1)!.path, key.name];
        record(path, { line: n + 1, column: col + 1 });
        stack.push({ column: col, path, kind: "key", items: 0 });
      }
      const state = valueState(raw, key?.end ?? col);
      if (state.quote) closeQuote = state.quote;
      flowDepth = state.flowDepth;
      // a block scalar's lines are those indented deeper than its key, or than the open entry
      if (state.blockScalar) skipDeeperThan = Math.max(0, stack.at(-1)!.column);
      break;
    }
  }
  finishDocument();
  return documents;

  function resolvePending(open: Open[], line: number, column: number): void {
    const top = open.at(-1);
    if (top?.pending) {
      record(top.path, { line: line + 1, column: column + 1 });
      top.pending = false;
    }
  }
}

export function keyOf(path: Path): string {
  return path.map((segment) => "\u0000" + String(segment)).join("");
}

/** A mapping key starting at `col`: plain (`/pets/{id}:`) or quoted (`"a: b":`). */
function readKey(line: string, col: number) {
  const first = line[col];
  if (first === '"' || first === "'") {
    const close = quoteEnd(line, col + 1, first);
    const after = line.slice(close + 1).match(/^\s*:(?=\s|$)/);
    if (close === -1 || !after) return undefined;
    const quoted = line.slice(col, close + 1);
    return { name: quotedName(quoted), end: close + 1 + after[0].length };
  }
  // `?` starts an explicit key before a blank, else a plain one (`?a: 1`)
  if (
    first === undefined ||
    "[]{}&*!|>%@`#,".includes(first) ||
    (first === "?" && /\s/.test(line[col + 1] ?? " "))
  )
    return undefined;
  const colon = /:(?=\s|$)/g;
  colon.lastIndex = col;
  const match = colon.exec(line);
  if (!match) return undefined;
  const name = line.slice(col, match.index).trimEnd();
  if (name === "" || /\s#/.test(name)) return undefined;
  return { name, end: match.index + 1 };
}

/**
 * A quoted key's text: YAML's double-quoted escapes that JSON has too mean the same there; with
 * another (`"\0"`, `"\x41"`) it is a name no key has, so its places come from the full parse.
 */
function quotedName(quoted: string): string {
  if (quoted[0] === "'") return quoted.slice(1, -1).replaceAll("''", "'");
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return `\u0000${quoted}`;
  }
}

/** What the value after a key (or dash) opens that spans lines. */
function valueState(
  line: string,
  from: number,
): { quote?: '"' | "'"; flowDepth: number; blockScalar: boolean } {
  const plain = { flowDepth: 0, blockScalar: false };
  const rest = line.slice(from);
  const start = rest.search(/\S/);
  if (start === -1) return plain;
  const value = rest.slice(start);
  if (/^[|>][0-9+-]*\s*(#.*)?$/.test(value))
    return { flowDepth: 0, blockScalar: true };
  const at = from + start;
  const first = value[0];
  if (first === '"' || first === "'")
    return quoteEnd(line, at + 1, first) !== -1
      ? plain
      : { ...plain, quote: first };
  if (first === "[" || first === "{")
    return { ...plain, flowDepth: Math.max(0, bracketBalance(line, at)) };
  return plain;
}

/** The index of the quote that closes a `quote`d scalar, read from `from` on this line, or -1. */
function quoteEnd(line: string, from: number, quote: '"' | "'"): number {
  for (let i = from; i < line.length; i++) {
    const c = line[i];
    if (quote === '"' && c === "\\") i++;
    else if (c === quote) {
      if (quote === "'" && line[i + 1] === "'") i++;
      else return i;
    }
  }
  return -1;
}

/**
 * Open minus closed brackets from `from`, ignoring quoted text and comments. A quote opens a
 * scalar only where a node starts (first on the line, or after a bracket, a comma or `:`):
 * in `[won't fix, 10 " (Size 50)]` both are plain.
 */
export function bracketBalance(line: string, from: number): number {
  let depth = 0;
  let last = ","; // the last character that is not a space: a node starts after `[{,:`
  for (let i = from; i < line.length; i++) {
    const c = line[i]!;
    if ((c === '"' || c === "'") && "[{,:".includes(last)) {
      i = quoteEnd(line, i + 1, c);
      if (i === -1) break;
    } else if (c === "#" && (i === 0 || /\s/.test(line[i - 1]!))) break;
    else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") depth--;
    // `:` is an indicator before a space, or after a quoted key (`"a":"b"`); in `"From:" x` it is text
    if (
      c === ":" &&
      /\S/.test(line[i + 1] ?? " ") &&
      !`"'`.includes(line[i - 1]!)
    )
      last = "x";
    else if (c !== " " && c !== "\t") last = c;
  }
  return depth;
}
