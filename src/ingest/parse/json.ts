import { LineIndex } from "./lines.js";
import { jsonStructureOf, TOO_DEEP } from "./nesting.js";
import { ParseError, type ParsedDocument } from "./parsed-document.js";
import { JsonDocument } from "./json-positions.js";
import { SyntaxChecker } from "./json-syntax.js";

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
    const message = problem?.message ?? (error as Error).message;
    throw new ParseError(
      `invalid JSON: ${message}`,
      file,
      at.line,
      at.column,
      "parse/invalid-json",
    );
  }
  const structure = jsonStructureOf(text, value);
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
