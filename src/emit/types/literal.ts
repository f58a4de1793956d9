import { tsString } from "../shared/escape.js";

/**
 * A string literal quoted the way prettier prints it: double quotes, unless the text holds more
 * double than single quotes (then single quotes need fewer escapes). Escaping itself is
 * tsString's; only the quote character changes.
 */
export function stringLiteral(value: string): string {
  const doubles = value.split('"').length - 1;
  const singles = value.split("'").length - 1;
  const escaped = tsString(value);
  if (doubles <= singles) return escaped;
  const body = escaped
    .slice(1, -1)
    .replace(/\\(.)|'/gs, (match, escapedChar: string | undefined) =>
      escapedChar === undefined ? "\\'" : escapedChar === '"' ? '"' : match,
    );
  return `'${body}'`;
}
