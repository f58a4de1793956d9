import { isIdentifierName } from "../../model/identifiers.js";
import { tsString } from "./escape.js";

/**
 * The one line width of generated code: prettier's default, so the output passes `prettier --check`
 * without running prettier. Every emitter lays out against this.
 */
export const PRINT_WIDTH = 80;

/**
 * A string literal quoted the way prettier prints it: double quotes, unless the text holds more
 * double than single quotes (then single quotes need fewer escapes). Escaping itself is
 * tsString's; only the quote character changes.
 */
export function stringLiteral(value: string): string {
  if (!value.includes('"')) return tsString(value);
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

/**
 * A property key: bare when it is an identifier, a string literal otherwise; `__proto__` is
 * computed (`["__proto__"]`), the one spelling that makes a member in an object literal instead of
 * setting the object's prototype (and that means the same member in a type).
 */
export function propertyKey(name: string): string {
  if (name === "__proto__") return `[${stringLiteral(name)}]`;
  return isIdentifierName(name) ? name : stringLiteral(name);
}

/** `text` as the content of a template literal: its value is `text` again. */
export function templateLiteralText(text: string): string {
  return text.replace(/[\\`]|\$\{/g, (c) => "\\" + c);
}
