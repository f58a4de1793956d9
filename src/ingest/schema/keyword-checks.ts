import type { Schema } from "../../model/types.js";
import { riskText } from "../../model/patterns/safety.js";
import { hasPropertyEscape } from "../../model/patterns/flags.js";
import type { ReaderContext, SourceDocument } from "../reader.js";
import { nonFiniteEnumValues } from "./dialect-rules.js";
import {
  describeValue,
  EXPECTED_TEXT,
  KEYWORD_TYPES,
  SCHEMA_TYPES,
  type KeywordType,
} from "./keywords.js";
import { type At, pathOf } from "./place.js";

/** Whether a keyword's value has the type {@link KEYWORD_TYPES} gives the keyword. */
const HAS_TYPE: Record<KeywordType, (value: unknown) => boolean> = {
  string: (v) => typeof v === "string",
  number: (v) => typeof v === "number" && Number.isFinite(v),
  boolean: (v) => typeof v === "boolean",
  strings: (v) => Array.isArray(v) && v.every((s) => typeof s === "string"),
  array: (v) => Array.isArray(v),
  type: (v) =>
    Array.isArray(v)
      ? v.length > 0 && v.every((t) => SCHEMA_TYPES.has(t))
      : SCHEMA_TYPES.has(v),
};

/**
 * A keyword's value when it has the type JSON Schema gives it; otherwise undefined, reported
 * (`schema/invalid-keyword`), so that no emitter meets an object where it expects text. A
 * number or boolean where text belongs is read as the text written (see `textOf`).
 */
export function checkedKeyword(
  { reporter }: ReaderContext,
  key: string,
  value: unknown,
  doc: SourceDocument,
  /** The schema's place; the keyword's path is made only to report it. */
  schemaAt: At,
): unknown {
  const expected = KEYWORD_TYPES.get(key);
  if (expected === undefined || HAS_TYPE[expected](value)) return value;
  if (
    expected === "string" &&
    (typeof value === "number" || typeof value === "boolean")
  )
    return doc.textOf([...pathOf(schemaAt), key], value);
  reporter.report(
    "schema/invalid-keyword",
    `${JSON.stringify(key)} must be ${EXPECTED_TEXT[expected]}; ${describeValue(value)} is ignored`,
    doc.ref([...pathOf(schemaAt), key]),
  );
  return undefined;
}

/**
 * The validators compile patterns as JavaScript regular expressions: one that is none is reported,
 * as is one that can stall them (model/patterns/safety.ts): run in linear time, or left unchecked.
 */
export function checkPattern(
  { reporter, patterns }: ReaderContext,
  pattern: string,
  doc: SourceDocument,
  at: At,
): void {
  const guard = patterns.guard(pattern);
  const text = JSON.stringify(pattern);
  const shown =
    text.length > 200
      ? `${text.slice(0, 200)}… (${pattern.length} characters)`
      : text;
  if (guard.kind === "invalid")
    reporter.report(
      "schema/invalid-pattern",
      `the pattern ${shown} is not a JavaScript regular expression${hasPropertyEscape(pattern) ? " (with the `u` flag its `\\p{…}` needs: a Unicode property this Node.js does not know, newer than its Unicode or misspelt)" : ""}; validators do not check it`,
      doc.ref(pathOf(at)),
    );
  else if (guard.kind === "linear")
    reporter.report(
      "schema/backtracking-pattern",
      `the pattern ${shown} ${riskText(guard.risk)}; the validators match it with a linear-time matcher instead of a RegExp`,
      doc.ref(pathOf(at)),
    );
  else if (guard.kind === "refused")
    reporter.report(
      "schema/unsafe-pattern",
      `the pattern ${shown} ${riskText(guard.risk)}, and the linear-time matcher cannot run it (${guard.why}): the validators do not check it; rewrite it to check it`,
      doc.ref(pathOf(at)),
    );
}

/**
 * `type: number` with `enum: ["NaN", "Infinity"]`: the indexes of the strings to leave out of
 * `schema.enum`, each reported; none (and nothing made) for the usual schema.
 */
export function reportNonFiniteEnum(
  { reporter }: ReaderContext,
  schema: Schema,
  doc: SourceDocument,
  at: At,
): readonly number[] {
  const drop = nonFiniteEnumValues(schema);
  for (const i of drop)
    reporter.report(
      "schema/non-finite-enum",
      `enum value ${JSON.stringify(schema.enum![i])} is a string, not a number JSON can carry; it is left out of the type`,
      doc.ref([...pathOf(at), "enum", i]),
    );
  return drop;
}
