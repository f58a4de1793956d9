import type { Schema } from "../../model/types.js";
import {
  isOfType,
  SCHEMA_TYPES as JSON_TYPES,
  typeOutsideAlternatives,
} from "../../model/schema/schema.js";
import { riskText } from "../../model/patterns/safety.js";
import { notRegExpNote } from "../../model/patterns/flags.js";
import {
  isRecord,
  isRef,
  type ReaderContext,
  type SourceDocument,
  valueAt,
} from "../reader.js";
import { parsePointer } from "../../model/pointer.js";
import { listValues } from "../../model/lists.js";
import { nonFiniteEnumValues } from "./dialect-rules.js";
import {
  describeValue,
  EXPECTED_TEXT,
  KEYWORD_TYPES,
  SCHEMA_TYPES,
  type KeywordType,
} from "./keywords.js";
import { type At, Place, pathOf } from "./place.js";

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
  // YAML's unquoted `null` is the null value: a `type` list naming it means the type "null"
  const read =
    key === "type" && Array.isArray(value) && value.map((t) => t ?? "null");
  const taken = read && HAS_TYPE.type(read);
  reporter.report(
    "schema/invalid-keyword",
    `${JSON.stringify(key)} must be ${EXPECTED_TEXT[expected]}; ${describeValue(value)} is ${taken ? 'read with its null as "null" (quote it)' : "ignored"}`,
    doc.ref([...pathOf(schemaAt), key]),
  );
  return taken ? read : undefined;
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
  if (guard.kind === "regexp") return;
  const text = JSON.stringify(pattern);
  const shown =
    text.length > 200
      ? `${text.slice(0, 200)}… (${pattern.length} characters)`
      : text;
  reporter.report(
    guard.kind === "invalid"
      ? "schema/invalid-pattern"
      : guard.kind === "linear"
        ? "schema/backtracking-pattern"
        : "schema/unsafe-pattern",
    guard.kind === "invalid"
      ? `the pattern ${shown} is not a JavaScript regular expression${notRegExpNote(pattern)}; validators do not check it`
      : guard.kind === "linear"
        ? `the pattern ${shown} ${riskText(guard.risk)}; the validators match it with a linear-time matcher instead of a RegExp`
        : `the pattern ${shown} ${riskText(guard.risk)}, and the linear-time matcher cannot run it (${guard.why}): the validators do not check it; rewrite it to check it`,
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

/** Keywords beside `properties` that may declare, or type, a member that `required` names. */
const DECLARING =
  `additionalProperties patternProperties allOf anyOf oneOf if dependentSchemas
  $dynamicRef`.split(/\s+/);
const COMPOSITIONS = new Set<unknown>(["allOf", "anyOf", "oneOf"]);

/**
 * `required` names that the schema's own `properties` do not declare, where nothing else in or
 * around it could (ajv's `strictRequired` rule): reported at the first, `schema/undeclared-required`.
 * A member of `allOf`, `anyOf` or `oneOf` is left alone (its siblings or parent may declare them),
 * and so is a map (`additionalProperties` types its members).
 */
export function reportUndeclaredRequired(
  { reporter }: ReaderContext,
  raw: Record<string, unknown>,
  doc: SourceDocument,
  at: At,
): void {
  const { required, properties } = raw;
  if (!Array.isArray(required) || !isRecord(properties)) return;
  // `additionalProperties: false` declares nothing: every member it names is one no value has
  if (
    DECLARING.some((k) => raw[k] !== undefined && typeof raw[k] !== "boolean")
  )
    return;
  if (at instanceof Place && typeof at.b === "number" && COMPOSITIONS.has(at.a))
    return;
  const missing = required.flatMap((name, i) =>
    typeof name === "string" && !Object.hasOwn(properties, name) ? [i] : [],
  );
  if (missing.length === 0) return;
  const one = missing.length === 1;
  reporter.report(
    "schema/undeclared-required",
    `\`required\` lists ${listValues(missing.map((i) => required[i]))}, which \`properties\` does not declare: the type requires ${one ? "it" : "them"} (any value but \`undefined\`) and the validators reject a value without ${one ? "it" : "them"}. A typo, or a member to declare?`,
    doc.ref([...pathOf(at), "required", missing[0]!]),
  );
}

/**
 * An `allOf` member closed by `additionalProperties: false` beside members (or a parent) that
 * declare others (`Video: allOf [Base (closed), {properties: {duration}}]`): JSON Schema, and so
 * the validators, reject every value with them, which the type allows. Reported at the member
 * (`schema/closed-allof-member`); a `$ref` within the document is followed once.
 */
export function reportClosedAllOfMember(
  { reporter }: ReaderContext,
  raw: Record<string, unknown>,
  doc: SourceDocument,
  at: At,
): void {
  if (!Array.isArray(raw.allOf)) return;
  const members = raw.allOf.map((m) =>
    isRef(m) ? valueAt(doc.value, parsePointer(m.$ref) ?? [""]) : m,
  );
  const names = (m: unknown) =>
    isRecord(m) && isRecord(m.properties) ? Object.keys(m.properties) : [];
  members.forEach((m, i) => {
    if (!isRecord(m) || m.additionalProperties !== false || m.patternProperties)
      return;
    const own = new Set(names(m));
    const others = [
      ...new Set([raw, ...members.filter((_, j) => j !== i)].flatMap(names)),
    ].filter((name) => !own.has(name));
    const them = others.length === 1 ? "it" : "them";
    if (others.length > 0)
      reporter.report(
        "schema/closed-allof-member",
        `this \`allOf\` member's \`additionalProperties: false\` refuses ${listValues(others)}, which the others declare: the validators (JSON Schema) reject every value with ${them}, while the type allows ${them}`,
        doc.ref([...pathOf(at), "allOf", i]),
      );
  });
}

/**
 * `type: integer` with `enum: ["1", "2"]`, `type: array` with `enum: [a, b]`: no value is both, so
 * the validators (JSON Schema) reject every one while the type lists the enum's values. Reported
 * at the `enum` (`schema/enum-outside-type`); `null` beside a nullable type is no such value.
 * `type: [string, "null"]` with an `enum` without null: `schema/null-outside-enum`.
 */
export function reportEnumOutsideType(
  { reporter }: ReaderContext,
  schema: Schema,
  doc: SourceDocument,
  at: At,
): void {
  const { type, enum: values } = schema;
  if (!Array.isArray(values)) return;
  // `type: [string, "null"]` with `enum: [a, b]`: null is of the type, not of the enum
  if (Array.isArray(type)) {
    if (type.length > 1 && type.includes("null") && !values.includes(null))
      reporter.report(
        "schema/null-outside-enum",
        '`type` lists "null" and `enum` does not: the validators reject null, and the type leaves it out (a nullable enum lists null among its values)',
        doc.ref([...pathOf(at), "enum"]),
      );
    return;
  }
  if (!JSON_TYPES.has(type as string)) return;
  const given = values.filter((v) => v !== null);
  if (given.length === 0 || given.some((v) => isOfType(type as string, v)))
    return;
  reporter.report(
    "schema/enum-outside-type",
    `\`enum\` lists ${listValues(given)}, none of them of \`type: ${type as string}\`: no value is both, so the validators reject every one, while the type is the enum's values${type === "array" ? " (an enum meant for `items`?)" : ""}`,
    doc.ref([...pathOf(at), "enum"]),
  );
}

/** Reports typeOutsideAlternatives at the alternative, unless nullable (then null is valid). */
export function reportTypeOutsideAlternatives(
  { reporter }: ReaderContext,
  schema: Schema,
  raw: Record<string, unknown>,
  doc: SourceDocument,
  at: At,
): void {
  if (raw.nullable === true || raw["x-nullable"] === true) return;
  for (const { key, at: at0, own, theirs } of typeOutsideAlternatives(schema))
    reporter.report(
      "schema/type-outside-alternatives",
      `\`type: ${own.join(", ")}\` shares no type with ${key === "allOf" ? "this `allOf` member" : `any \`${key}\` alternative`} (${theirs.join(", ")}): no value is both, so the validators reject every one${own.includes("null") ? ' (a nullable union is `type: [..., "null"]`, or `null` among the alternatives)' : own.includes("array") ? " (alternatives meant for `items`?)" : ""}`,
      doc.ref([...pathOf(at), key, at0]),
    );
}
