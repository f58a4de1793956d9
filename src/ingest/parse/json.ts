import type { Path } from "../../model/pointer.js";
import { LineIndex } from "./lines.js";
import { MAX_NESTING, scanJsonStructure } from "./nesting.js";
import {
  ParseError,
  scalarTokenAt,
  type ParsedDocument,
  type ParseWarning,
} from "./parsed-document.js";

/**
 * JSON with positions, paid for only when asked.
 *
 * Values come from `JSON.parse`, the fastest parser there is. Positions come from a scanner that
 * walks the raw text: the first `locate` call indexes every member down to {@link INDEX_DEPTH}
 * (`/paths/{path}/{method}` and `/definitions/{name}` are at depth 3 or less), and deeper lookups
 * descend from the nearest indexed ancestor, skipping siblings without building them. When
 * `JSON.parse` fails, the same scanner finds the line and column of the error.
 */
const INDEX_DEPTH = 4;

export function parseJson(text: string, file: string): ParsedDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const scan = new Scanner(text);
    const problem = scan.validate();
    const at = new LineIndex(text).position(problem?.offset ?? 0);
    const message =
      problem?.message ??
      (error instanceof Error ? error.message : String(error));
    throw new ParseError(
      `invalid JSON: ${message}`,
      file,
      at.line,
      at.column,
      "parse/invalid-json",
    );
  }
  const structure = scanJsonStructure(text);
  const lines = new LineIndex(text);
  if (structure.tooDeepAt !== undefined) {
    const at = lines.position(structure.tooDeepAt);
    throw new ParseError(
      `values nest deeper than ${MAX_NESTING} levels here; the file is not read`,
      file,
      at.line,
      at.column,
      "parse/too-deep",
    );
  }
  const warnings = structure.duplicates.map(({ key, first, second }) => {
    const earlier = lines.position(first);
    const here = lines.position(second);
    return {
      code: "parse/duplicate-json-key" as const,
      message: `duplicate key ${JSON.stringify(key)}: it is also at line ${earlier.line}${earlier.line === here.line ? `, column ${earlier.column}` : ""}, and this later one wins (JSON.parse keeps the last)`,
      ...here,
      related: [earlier],
    };
  });
  return new JsonDocument(text, value, warnings);
}

class JsonDocument implements ParsedDocument {
  private index: Map<string, number> | undefined;
  private lines: LineIndex;

  constructor(
    private readonly text: string,
    readonly value: unknown,
    readonly warnings: readonly ParseWarning[],
  ) {
    this.lines = new LineIndex(text);
  }

  locate(path: Path): { line: number; column: number } {
    if (!this.index) {
      this.index = new Map();
      const scanner = new Scanner(this.text);
      scanner.skipWs();
      this.index.set("", scanner.pos);
      scanner.indexValue(0, "", this.index);
    }
    // Find the deepest indexed ancestor, then walk the rest of the way.
    let depth = Math.min(path.length, INDEX_DEPTH);
    let offset: number | undefined;
    for (; depth >= 0; depth--) {
      offset = this.index.get(keyOf(path, depth));
      if (offset !== undefined) break;
    }
    if (offset === undefined) return { line: 1, column: 1 };
    if (depth < path.length) {
      const scanner = new Scanner(this.text);
      offset = scanner.descend(
        offset,
        depth === 0 ? false : isMemberKey(path, depth),
        path.slice(depth),
      );
    }
    return this.lines.position(offset);
  }

  rawScalar(path: Path): string | undefined {
    const at = this.locate(path);
    let value: unknown = this.value;
    for (const segment of path)
      value =
        value !== null && typeof value === "object"
          ? (value as Record<string, unknown>)[segment as string]
          : undefined;
    return scalarTokenAt(
      this.lines.lineText(at.line),
      at.column,
      typeof path.at(-1) === "string",
      value,
    );
  }
}

function keyOf(path: Path, depth: number): string {
  let key = "";
  for (let i = 0; i < depth; i++) key += "\u0000" + String(path[i]);
  return key;
}

/** True when the entry recorded for `path[0..depth)` is an object member (its offset is the key). */
function isMemberKey(path: Path, depth: number): boolean {
  return typeof path[depth - 1] === "string";
}

class Scanner {
  pos = 0;

  constructor(private readonly text: string) {}

  skipWs(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff) p++;
      else break;
    }
    this.pos = p;
  }

  /** Moves past a string starting at `pos` (which holds `"`); returns the raw slice with quotes. */
  skipString(): string {
    const t = this.text;
    const start = this.pos;
    let p = start + 1;
    for (;;) {
      const q = t.indexOf('"', p);
      if (q === -1) {
        this.pos = t.length;
        return t.slice(start);
      }
      let backslashes = 0;
      for (let b = q - 1; t.charCodeAt(b) === 92; b--) backslashes++;
      if (backslashes % 2 === 0) {
        this.pos = q + 1;
        return t.slice(start, q + 1);
      }
      p = q + 1;
    }
  }

  readKey(): string {
    const raw = this.skipString();
    return raw.includes("\\") ? (JSON.parse(raw) as string) : raw.slice(1, -1);
  }

  /** Skips one value of any kind (assumes valid JSON: it runs after JSON.parse succeeded). */
  skipValue(): void {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (c === 34) {
      this.skipString();
      return;
    }
    if (c === 123 || c === 91) {
      let depth = 0;
      let p = this.pos;
      for (;;) {
        const ch = t.charCodeAt(p);
        if (ch === 34) {
          this.pos = p;
          this.skipString();
          p = this.pos;
          continue;
        }
        if (ch === 123 || ch === 91) depth++;
        else if (ch === 125 || ch === 93) {
          depth--;
          if (depth === 0) {
            this.pos = p + 1;
            return;
          }
        } else if (Number.isNaN(ch)) {
          this.pos = p;
          return;
        }
        p++;
      }
    }
    // literal or number
    let p = this.pos;
    for (;;) {
      const ch = t.charCodeAt(p);
      if (
        ch === 44 ||
        ch === 125 ||
        ch === 93 ||
        ch === 32 ||
        ch === 10 ||
        ch === 13 ||
        ch === 9 ||
        Number.isNaN(ch)
      )
        break;
      p++;
    }
    this.pos = p;
  }

  /** Records the offset of every member and element below the value at `pos`, down to INDEX_DEPTH. */
  indexValue(depth: number, prefix: string, index: Map<string, number>): void {
    const t = this.text;
    const c = t.charCodeAt(this.pos);
    if (depth >= INDEX_DEPTH || (c !== 123 && c !== 91)) {
      this.skipValue();
      return;
    }
    this.pos++;
    this.skipWs();
    if (c === 123) {
      if (t.charCodeAt(this.pos) === 125) {
        this.pos++;
        return;
      }
      for (;;) {
        const keyStart = this.pos;
        const key = this.readKey();
        const path = prefix + "\u0000" + key;
        index.set(path, keyStart);
        this.skipWs();
        this.pos++; // ':'
        this.skipWs();
        this.indexValue(depth + 1, path, index);
        this.skipWs();
        if (t.charCodeAt(this.pos) === 44) {
          this.pos++;
          this.skipWs();
          continue;
        }
        this.pos++; // '}'
        return;
      }
    }
    if (t.charCodeAt(this.pos) === 93) {
      this.pos++;
      return;
    }
    for (let i = 0; ; i++) {
      const path = prefix + "\u0000" + i;
      index.set(path, this.pos);
      this.indexValue(depth + 1, path, index);
      this.skipWs();
      if (t.charCodeAt(this.pos) === 44) {
        this.pos++;
        this.skipWs();
        continue;
      }
      this.pos++; // ']'
      return;
    }
  }

  /**
   * From an entry's offset (a member's key, or a value), walks `rest` and returns the offset of
   * the deepest entry reached (so a missing member points at its nearest existing parent).
   */
  descend(offset: number, atKey: boolean, rest: Path): number {
    const t = this.text;
    this.pos = offset;
    let found = offset;
    if (atKey) this.toValue();
    for (const segment of rest) {
      const c = t.charCodeAt(this.pos);
      if (c === 123 && typeof segment === "string") {
        this.pos++;
        this.skipWs();
        let hit = false;
        while (t.charCodeAt(this.pos) === 34) {
          const keyStart = this.pos;
          const key = this.readKey();
          this.skipWs();
          this.pos++;
          this.skipWs();
          if (key === segment) {
            found = keyStart;
            hit = true;
            break;
          }
          this.skipValue();
          this.skipWs();
          if (t.charCodeAt(this.pos) === 44) {
            this.pos++;
            this.skipWs();
          }
        }
        if (!hit) return found;
      } else if (c === 91 && typeof segment === "number") {
        this.pos++;
        this.skipWs();
        for (let i = 0; i < segment; i++) {
          if (t.charCodeAt(this.pos) === 93) return found;
          this.skipValue();
          this.skipWs();
          if (t.charCodeAt(this.pos) === 44) {
            this.pos++;
            this.skipWs();
          }
        }
        if (t.charCodeAt(this.pos) === 93) return found;
        found = this.pos;
      } else {
        return found;
      }
    }
    return found;
  }

  private toValue(): void {
    this.skipString();
    this.skipWs();
    this.pos++;
    this.skipWs();
  }

  /** Full validation, used only to locate a syntax error that JSON.parse reported without one. */
  validate(): { offset: number; message: string } | undefined {
    try {
      this.skipWs();
      if (this.pos >= this.text.length)
        return { offset: this.pos, message: "the file is empty" };
      this.checkValue();
      this.skipWs();
      if (this.pos < this.text.length)
        this.fail("unexpected text after the end of the document");
      return undefined;
    } catch (problem) {
      if (problem instanceof SyntaxProblem)
        return { offset: problem.offset, message: problem.message };
      throw problem;
    }
  }

  private fail(message: string): never {
    throw new SyntaxProblem(message, this.pos);
  }

  private describe(): string {
    if (this.pos >= this.text.length) return "end of file";
    return JSON.stringify(this.text[this.pos]);
  }

  private checkValue(): void {
    const t = this.text;
    const c = t[this.pos];
    if (c === "{") {
      this.pos++;
      this.skipWs();
      if (t[this.pos] === "}") {
        this.pos++;
        return;
      }
      for (;;) {
        if (t[this.pos] !== '"')
          this.fail(
            `expected a property name in double quotes, found ${this.describe()}`,
          );
        this.checkString();
        this.skipWs();
        if (t[this.pos] !== ":")
          this.fail(
            `expected ':' after a property name, found ${this.describe()}`,
          );
        this.pos++;
        this.skipWs();
        this.checkValue();
        this.skipWs();
        if (t[this.pos] === ",") {
          this.pos++;
          this.skipWs();
          if (t[this.pos] === "}") this.fail("trailing comma before '}'");
          continue;
        }
        if (t[this.pos] === "}") {
          this.pos++;
          return;
        }
        this.fail(`expected ',' or '}' in an object, found ${this.describe()}`);
      }
    }
    if (c === "[") {
      this.pos++;
      this.skipWs();
      if (t[this.pos] === "]") {
        this.pos++;
        return;
      }
      for (;;) {
        this.checkValue();
        this.skipWs();
        if (t[this.pos] === ",") {
          this.pos++;
          this.skipWs();
          if (t[this.pos] === "]") this.fail("trailing comma before ']'");
          continue;
        }
        if (t[this.pos] === "]") {
          this.pos++;
          return;
        }
        this.fail(`expected ',' or ']' in an array, found ${this.describe()}`);
      }
    }
    if (c === '"') {
      this.checkString();
      return;
    }
    const literal =
      /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
        t.slice(this.pos, this.pos + 400),
      );
    if (literal) {
      this.pos += literal[0].length;
      return;
    }
    this.fail(`unexpected ${this.describe()}: expected a value`);
  }

  private checkString(): void {
    const t = this.text;
    const start = this.pos;
    this.pos++;
    for (;;) {
      if (this.pos >= t.length) {
        this.pos = start;
        this.fail("unterminated string");
      }
      const ch = t.charCodeAt(this.pos);
      if (ch === 34) {
        this.pos++;
        return;
      }
      if (ch === 92) {
        const next = t[this.pos + 1];
        if (next === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(t.slice(this.pos + 2, this.pos + 6)))
            this.fail("invalid \\u escape");
          this.pos += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next))
          this.fail("invalid escape in a string");
        this.pos += 2;
        continue;
      }
      if (ch < 0x20)
        this.fail("control character inside a string (a raw line break?)");
      this.pos++;
    }
  }
}

class SyntaxProblem extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}
