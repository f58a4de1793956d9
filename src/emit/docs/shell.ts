/**
 * POSIX shell quoting. Spec text goes inside single quotes, where the shell interprets nothing;
 * a `'` in the text closes the quote, adds an escaped quote and reopens (`'it'\''s'`).
 */
export function shellQuote(text: string): string {
  return "'" + text.replace(/'/g, "'\\''") + "'";
}

/** One shell word made of literal text and `$VARIABLE`s the reader sets (`'X-Key: '"$API_KEY"`). */
export type WordPart = string | { variable: string };

export function shellWord(parts: readonly WordPart[]): string {
  let out = "";
  let literal = "";
  const flush = () => {
    if (literal !== "") out += shellQuote(literal);
    literal = "";
  };
  for (const part of parts) {
    if (typeof part === "string") literal += part;
    else {
      flush();
      out += `"$${part.variable}"`;
    }
  }
  flush();
  return out === "" ? "''" : out;
}
