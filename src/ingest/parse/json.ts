import { LineIndex } from "./lines.js";
import { scanJsonStructure, TOO_DEEP } from "./nesting.js";
import { ParseError, type ParsedDocument } from "./parsed-document.js";
import { JsonDocument } from "./json-positions.js";
import { Scanner } from "./json-scanner.js";

/**
 * JSON with positions, paid for only when asked: values from `JSON.parse`, positions from a scanner
 * of the raw text (json-positions.ts), a syntax error's place from it checking every token.
 */
export function parseJson(text: string, file: string): ParsedDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const problem = new SyntaxChecker(text).validate();
    const at = new LineIndex(text).position(problem?.offset ?? 0);
    // JSON.parse throws a SyntaxError (or a RangeError, nested past the stack)
    throw new ParseError(
      `invalid JSON: ${problem?.message ?? (error as Error).message}`,
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
    throw new ParseError(TOO_DEEP, file, at.line, at.column, "parse/too-deep");
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

/** The scanner checking every token against the JSON grammar, for a text JSON.parse rejected. */
class SyntaxChecker extends Scanner {
  /** Full validation, used only to locate a syntax error that JSON.parse reported without one. */
  validate(): { offset: number; message: string } | undefined {
    try {
      this.skipWs();
      this.checkValue();
      this.skipWs();
      if (this.pos < this.text.length)
        this.fail("unexpected text after the end of the document");
      return undefined;
    } catch (problem) {
      if (problem instanceof SyntaxProblem)
        return { offset: this.pos, message: problem.message };
      throw problem;
    }
  }

  private fail(message: string): never {
    throw new SyntaxProblem(message);
  }

  private describe(): string {
    return JSON.stringify(this.text[this.pos]) ?? "end of file";
  }

  /** A value and everything in it: the arrays and objects open around the text read, on a stack. */
  private checkValue(): void {
    const t = this.text;
    const open: string[] = [];
    for (;;) {
      const c = t[this.pos];
      if (c === "{" || c === "[") {
        this.pos++;
        this.skipWs();
        if (t[this.pos] === (c === "{" ? "}" : "]")) this.pos++;
        else {
          open.push(c);
          if (c === "{") this.checkKey();
          continue;
        }
      } else if (c === '"') this.checkString();
      else {
        const literal =
          /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
            t.slice(this.pos, this.pos + 400),
          );
        if (!literal)
          this.fail(`unexpected ${this.describe()}: expected a value`);
        this.pos += literal[0].length;
      }
      // a value read: close what it ends, up to the next member
      for (;;) {
        const container = open[open.length - 1];
        if (container === undefined) return;
        const close = container === "{" ? "}" : "]";
        this.skipWs();
        if (t[this.pos] === ",") {
          this.pos++;
          this.skipWs();
          if (t[this.pos] === close)
            this.fail(`trailing comma before '${close}'`);
          if (container === "{") this.checkKey();
          break;
        }
        if (t[this.pos] !== close)
          this.fail(
            `expected ',' or '${close}' in ${container === "{" ? "an object" : "an array"}, found ${this.describe()}`,
          );
        this.pos++;
        open.pop();
      }
    }
  }

  /** A property name and its colon, at the next value. */
  private checkKey(): void {
    const t = this.text;
    if (t[this.pos] !== '"')
      this.fail(
        `expected a property name in double quotes, found ${this.describe()}`,
      );
    this.checkString();
    this.skipWs();
    if (t[this.pos] !== ":")
      this.fail(`expected ':' after a property name, found ${this.describe()}`);
    this.pos++;
    this.skipWs();
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

/** A syntax error, at the checker's `pos` when thrown. */
class SyntaxProblem extends Error {}
