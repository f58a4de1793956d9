import { isIdentifierName } from "../../model/identifiers.js";
import { tsString } from "./escape.js";

/** The line width of generated code: prettier's default (the output passes `prettier --check`). */
export const PRINT_WIDTH = 80;

/**
 * A string literal quoted as prettier quotes it: double quotes, unless the text holds more double
 * than single quotes (then single quotes need fewer escapes); escaped as tsString escapes.
 */
export function stringLiteral(value: string): string {
  if (!value.includes('"')) return tsString(value);
  const escaped = tsString(value);
  if (value.split('"').length <= value.split("'").length) return escaped;
  const body = escaped
    .slice(1, -1)
    .replace(/\\(.)|'/gs, (match, escapedChar: string | undefined) =>
      escapedChar === undefined ? "\\'" : escapedChar === '"' ? '"' : match,
    );
  return `'${body}'`;
}

/**
 * A property key: bare when an identifier, else a string literal; `__proto__` computed, the one
 * spelling that makes a member of an object literal (and of a type), not its prototype.
 */
export function propertyKey(name: string): string {
  if (name === "__proto__") return `[${stringLiteral(name)}]`;
  return isIdentifierName(name) ? name : stringLiteral(name);
}

/** `text` as the content of a template literal: its value is `text` again. */
export function templateLiteralText(text: string): string {
  return text.replace(/[\\`]|\$\{/g, (c) => "\\" + c);
}
