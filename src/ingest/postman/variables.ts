import type { Path } from "../../model/pointer.js";
import type { IngestCode } from "../codes.js";
import { type KeyValue, keyValues, type TextPart } from "./fields.js";

const PLACEHOLDER = /\{\{([^{}]+)\}\}/g;

/**
 * Bounds on expanding one `{{var}}` written in a request, like YAML aliases are bounded
 * (parse/alias-expansion.ts): variables may name variables, so a few short values nested 8 deep
 * with 10 references each stand for 10^8 substitutions, and `a → b → a` for infinitely many.
 * A reference that passes a bound is reported at its variable and left as it is, unresolved.
 */
const VARIABLE_LIMITS = {
  /** Variables looked up for one reference, nested (the reference's own is the first). */
  depth: 8,
  /** Substitutions made for one reference, all levels together (fan-out). */
  substitutions: 10_000,
  /** Characters of variable values substituted for one reference, all levels together. */
  characters: 1_000_000,
};

/** A variable's value, and where its entry is. */
type Definition = Required<Pick<KeyValue, "value" | "at">>;

/** Why a reference was left unresolved: the chain of variables it went through. */
type Problem = { kind: "cycle" | "depth" | "size"; chain: string[] };

type Report = (code: IngestCode, message: string, at: Path) => void;

/**
 * The collection's variables; disabled ones do not count. A folder's or a request's own `variable`
 * list is not read: newman (postman-runtime) ignores it and sends `{{var}}` as the collection says.
 * A value may name other variables; each name's expansion is kept.
 */
export class VariableScope {
  private readonly values = new Map<string, Definition>();
  private readonly expanded = new Map<string, TextPart[] | undefined>();

  /** `list`: the collection's `variable` member; `report`: says a reference past a bound. */
  constructor(
    list: unknown,
    private readonly report?: Report,
  ) {
    for (const kv of keyValues(list, ["variable"], ["key", "id"]))
      if (!kv.disabled && kv.value !== undefined)
        this.values.set(kv.key, { value: kv.value, at: kv.at });
  }

  /**
   * Splits `text` into literal text (variables substituted) and the variables left unresolved;
   * `take` writes a value in as the text it gives, or leaves it a variable (undefined): a URL
   * path takes a prefix (`api/v2`) alone.
   */
  substitute(
    text: string,
    take?: (value: string) => string | undefined,
  ): TextPart[] {
    return splitAt<never>(text, (name) => {
      const value = this.expand(name);
      if (value === undefined || !take) return value ?? [{ variable: name }];
      const taken = take(resolvedText(value) ?? "");
      return taken === undefined ? [{ variable: name }] : [{ text: taken }];
    });
  }

  /** `text` with its variables written in, or as it is when one has no value. */
  written(text: string): string {
    return resolvedText(this.substitute(text)) ?? text;
  }

  /** The text `{{name}}` stands for here, or undefined when it is not all known. */
  valueOf(name: string): string | undefined {
    const parts = this.expand(name);
    return parts && resolvedText(parts);
  }

  /** What `{{name}}` stands for here, or undefined: not defined, or past a bound (reported). */
  private expand(name: string): TextPart[] | undefined {
    if (this.expanded.has(name)) return this.expanded.get(name);
    const definition = this.values.get(name);
    let result: TextPart[] | undefined;
    if (definition !== undefined) {
      const budget = { substitutions: 1, characters: definition.value.length };
      const inner = this.expandValue(definition.value, [name], budget);
      if ("kind" in inner) this.reportProblem(name, definition, inner);
      else result = inner;
    }
    this.expanded.set(name, result);
    return result;
  }

  /** The parts of `value`, reached through `chain`; a variable not defined stays a variable. */
  private expandValue(
    value: string,
    chain: string[],
    budget: { substitutions: number; characters: number },
  ): TextPart[] | Problem {
    return splitAt(value, (name) => {
      const definition = this.values.get(name);
      if (definition === undefined) return [{ variable: name }];
      const through = [...chain, name];
      if (chain.includes(name)) return { kind: "cycle", chain: through };
      if (through.length > VARIABLE_LIMITS.depth)
        return { kind: "depth", chain: through };
      budget.substitutions += 1;
      budget.characters += definition.value.length;
      if (
        budget.substitutions > VARIABLE_LIMITS.substitutions ||
        budget.characters > VARIABLE_LIMITS.characters
      )
        return { kind: "size", chain: through };
      return this.expandValue(definition.value, through, budget);
    });
  }

  private reportProblem(
    name: string,
    definition: Definition,
    problem: Problem,
  ): void {
    const chain = problem.chain.join(" → ");
    const kept = `{{${name}}} is left as it is, unresolved`;
    const code =
      problem.kind === "cycle"
        ? "postman/variable-cycle"
        : "postman/variable-expansion";
    const message =
      problem.kind === "cycle"
        ? `the variable ${JSON.stringify(name)} refers back to itself (${chain}); ${kept}`
        : problem.kind === "depth"
          ? `{{${name}}} nests variables more than ${VARIABLE_LIMITS.depth} deep (${chain}); ${kept}`
          : `{{${name}}} expands past ${VARIABLE_LIMITS.substitutions.toLocaleString("en-US")} substitutions or ${VARIABLE_LIMITS.characters.toLocaleString("en-US")} characters (at ${chain}); ${kept}`;
    this.report?.(code, message, definition.at);
  }
}

/** `text` as parts, each `{{name}}` replaced by `part(name)`; the first problem met ends it. */
function splitAt<P extends Problem = never>(
  text: string,
  part: (name: string) => TextPart[] | P,
): TextPart[] | P {
  const out: TextPart[] = [];
  const push = (next: TextPart) => {
    const prev = out[out.length - 1];
    if ("text" in next && prev && "text" in prev)
      out[out.length - 1] = { text: prev.text + next.text };
    else out.push(next);
  };
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > last) push({ text: text.slice(last, match.index) });
    last = match.index + match[0].length;
    const inner = part(match[1]!);
    if (!Array.isArray(inner)) return inner;
    inner.forEach(push);
  }
  if (last < text.length) push({ text: text.slice(last) });
  return out;
}

export function hasPlaceholder(text: string): boolean {
  return text.search(PLACEHOLDER) !== -1;
}

/** Names of the unresolved variables among `parts`, in order, without repeats. */
export function unresolvedNames(parts: readonly TextPart[]): string[] {
  return [
    ...new Set(parts.flatMap((p) => ("variable" in p ? [p.variable] : []))),
  ];
}

export function resolvedText(parts: readonly TextPart[]): string | undefined {
  return parts.every((p): p is { text: string } => "text" in p)
    ? parts.map((p) => p.text).join("")
    : undefined;
}
