import { parseJson } from "./media.js";

/** A JSON body as written in a request, bare `{{var}}`s replaced (see `parseJsonTemplate`). */
export interface JsonTemplate {
  value: unknown;
  /** Bare variables that had no JSON value: they stand as `null` in `value` (any value). */
  unknownVariables: string[];
}

const BARE = /^\{\{([^{}]+)\}\}/;

/**
 * Parses a JSON body that may hold bare variables outside strings (`{"version": {{v}}}`, which
 * Postman substitutes before sending). Each becomes its variable's value when that value is JSON
 * (`"3"` → 3), else the neutral `null`, which the inferred schema leaves unconstrained. Variables
 * inside strings stay text. Undefined when the text is not JSON even so.
 */
export function parseJsonTemplate(
  text: string,
  valueOf: (name: string) => string | undefined = () => undefined,
): JsonTemplate | undefined {
  let out = "";
  const unknownVariables: string[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inString) {
      out += ch;
      if (ch === "\\") out += text[++i] ?? "";
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    const bare = ch === "{" ? BARE.exec(text.slice(i, i + 1024)) : null;
    if (!bare) {
      out += ch;
      continue;
    }
    const name = bare[1]!;
    const raw = valueOf(name);
    const json = raw === undefined ? undefined : parseJson(raw);
    if (json === undefined) {
      out += "null";
      if (!unknownVariables.includes(name)) unknownVariables.push(name);
    } else out += JSON.stringify(json.value);
    i += bare[0].length - 1;
  }
  const parsed = parseJson(out);
  return parsed && { value: parsed.value, unknownVariables };
}
