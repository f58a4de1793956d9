import { isRecord } from "../reader.js";
import { keyValues } from "./fields.js";

/** A piece of text after `{{var}}` substitution: literal text, or a variable nobody defined. */
export type TextPart = { text: string } | { variable: string };

const PLACEHOLDER = /\{\{([^{}]+)\}\}/g;
/** Guards against variables that refer to each other in a cycle. */
const MAX_DEPTH = 8;

/**
 * Collection, folder and item variables as a chain of scopes: the innermost definition wins, as
 * in Postman. Disabled variables do not count.
 */
export class VariableScope {
  private readonly values = new Map<string, string>();

  constructor(
    list: unknown,
    private readonly parent?: VariableScope,
  ) {
    for (const kv of keyValues(list, [], ["key", "id"]))
      if (!kv.disabled && kv.value !== undefined)
        this.values.set(kv.key, kv.value);
  }

  /** A scope for a folder or item; the same scope when it declares nothing. */
  child(owner: unknown): VariableScope {
    const list = isRecord(owner) ? owner.variable : undefined;
    return Array.isArray(list) && list.length > 0
      ? new VariableScope(list, this)
      : this;
  }

  lookup(name: string): string | undefined {
    return this.values.get(name) ?? this.parent?.lookup(name);
  }

  /** Splits `text` into literal text (variables substituted) and the variables left unresolved. */
  substitute(text: string, depth = 0): TextPart[] {
    const parts: TextPart[] = [];
    let last = 0;
    for (const match of text.matchAll(PLACEHOLDER)) {
      if (match.index > last)
        parts.push({ text: text.slice(last, match.index) });
      const name = match[1]!;
      const value = depth < MAX_DEPTH ? this.lookup(name) : undefined;
      if (value === undefined) parts.push({ variable: name });
      else parts.push(...this.substitute(value, depth + 1));
      last = match.index + match[0].length;
    }
    if (last < text.length) parts.push({ text: text.slice(last) });
    return mergeText(parts);
  }
}

function mergeText(parts: TextPart[]): TextPart[] {
  const out: TextPart[] = [];
  for (const part of parts) {
    const prev = out[out.length - 1];
    if ("text" in part && prev && "text" in prev)
      out[out.length - 1] = { text: prev.text + part.text };
    else out.push(part);
  }
  return out;
}

export function hasPlaceholder(text: string): boolean {
  return /\{\{[^{}]+\}\}/.test(text);
}

/** Names of the unresolved variables among `parts`, in order, without repeats. */
export function unresolvedNames(parts: readonly TextPart[]): string[] {
  const names: string[] = [];
  for (const part of parts)
    if ("variable" in part && !names.includes(part.variable))
      names.push(part.variable);
  return names;
}

/** The text with every variable resolved, or undefined when one is not. */
export function resolvedText(parts: readonly TextPart[]): string | undefined {
  let out = "";
  for (const part of parts) {
    if ("variable" in part) return undefined;
    out += part.text;
  }
  return out;
}
