import type { MediaContent, NamedSchema, Schema } from "../../model/types.js";
import {
  effectiveTypes,
  isMap,
  isOfType,
  refTarget,
} from "../../model/schema/schema.js";
import type { ScalarChoices } from "../../model/scalar-choices.js";
import { revivedScalar } from "../../model/schema/scalars.js";
import { patternSample } from "../../model/patterns/pattern-sample.js";
import { assignOwn, setOwn } from "../../model/own-property.js";
import { isJsonMediaType, undescribedBody } from "./media-types.js";

/** File content in a sample (`format: binary`): a Blob in client calls, `@file` in curl. */
export class BinarySample {
  toJSON(): string {
    return "<binary>";
  }
  toString(): string {
    return "<binary>";
  }
}

export const BINARY: BinarySample = Object.freeze(new BinarySample());

/** A date(-time) held as a `Date` (`dates: "Date"`): `new Date("…")` in calls, text on the wire. */
export class DateSample {
  constructor(readonly text: string) {}
  toJSON(): string {
    return this.text;
  }
  toString(): string {
    return this.text;
  }
}

/** Properties shown for a top-level object that marks none required. */
const OPTIONAL_SHOWN = 3;
/** Schema nodes one sample may visit: a huge schema costs no more than this per endpoint. */
const BUDGET = 40;
/** Nesting shown; deeper objects are `{}`. Deep examples are unreadable (and huge once indented). */
const MAX_DEPTH = 3;

export interface SampleOptions {
  /**
   * `trust`: the spec's own examples win wherever they are (curl sends what the spec shows).
   * `typed`: only scalar examples that match their schema's type, so the sample fits the
   * generated TypeScript types (specs' examples often do not match their schemas).
   */
  examples: "trust" | "typed";
  /** A binary string is text, as inside a JSON body (the types say `string` there). */
  binaryText?: boolean;
  /** `typed`: whether a scalar example that fits its schema's type may stand (all, by default). */
  accepts?: (value: unknown, schema: Schema) => boolean;
  /** The scalar choices, for a sample as the generated types hold it; absent: JSON values. */
  scalars?: ScalarChoices;
}

/**
 * A small value of a schema's shape, for the docs' examples and the mocks' answers: below the
 * top level only required members and the fewest items the schema allows (short, valid but for
 * a pattern patternSample cannot read); a reference into itself stops at `{}`.
 */
export function sampleValue(
  schema: Schema | undefined,
  schemas: Record<string, NamedSchema>,
  options: SampleOptions = { examples: "trust" },
): unknown {
  return sample(schema, 0, { left: BUDGET, refs: [], options, schemas });
}

interface State {
  left: number;
  /** References being expanded, to stop cycles. */
  refs: string[];
  options: SampleOptions;
  schemas: Record<string, NamedSchema>;
}

/** A request body's sample: its schema's, else by its media type (as `undescribedBody` says). */
export function bodySample(
  media: MediaContent | undefined,
  schemas: Record<string, NamedSchema>,
  options?: SampleOptions,
): unknown {
  if (media?.schema)
    return sampleValue(media.schema, schemas, {
      ...(options ?? { examples: "trust" }),
      binaryText: isJsonMediaType(media.mediaType),
    });
  const kind = undescribedBody(media?.mediaType ?? "");
  return kind === "binary" ? BINARY : kind === "text" ? "text" : {};
}

/** `value`, a sample of `schema`, as the generated types hold it with these scalar choices. */
export function revivedSample(
  value: unknown,
  schema: Schema | undefined,
  scalars: ScalarChoices | undefined,
): unknown {
  const kind = revivedScalar(schema, scalars);
  if (kind === "int64")
    return Number.isInteger(value) ? BigInt(value as number) : value;
  if (kind !== undefined && typeof value === "string")
    return new DateSample(value);
  return value;
}

const sample = (schema: Schema | undefined, depth: number, state: State) =>
  revivedSample(
    jsonSample(schema, depth, state),
    schema,
    state.options.scalars,
  );

function jsonSample(
  schema: Schema | undefined,
  depth: number,
  state: State,
): unknown {
  if (!schema || typeof schema !== "object") return "string";
  const exhausted = state.left-- <= 0;
  // the schema's own example or default, if the options let it stand
  const first = Array.isArray(schema.examples) ? schema.examples[0] : undefined;
  const own = [first, schema.example, schema.default].find(
    (value) =>
      value !== undefined &&
      (state.options.examples === "trust" ||
        (fitsType(value, schema) &&
          (state.options.accepts?.(value, schema) ?? true))),
  );
  if (own !== undefined) return own;
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0)
    return schema.enum[0];
  if (typeof schema.$ref === "string") {
    const target = refTarget(state.schemas, schema.$ref);
    if (!target || state.refs.includes(target.name)) return {};
    state.refs.push(target.name);
    // the budget spent: the target's value at the depth that shows no member (`[]`, `{}`, a
    // scalar), not `{}` whatever its type (an enum's `Status: {}`)
    const value = sample(target.schema, exhausted ? MAX_DEPTH : depth, state);
    state.refs.pop();
    return value;
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    // members beside the allOf (Azure's `allOf: [Resource], properties, required`) count too
    const { allOf, ...beside } = schema;
    const parts = [...allOf, ...(beside.properties ? [beside] : [])].map((s) =>
      sample(s, depth, state),
    );
    return parts.every(isPlainObject) ? assignOwn({}, ...parts) : parts[0];
  }
  for (const key of ["oneOf", "anyOf"] as const) {
    const list = schema[key];
    if (Array.isArray(list) && list.length > 0)
      return sample(list[0], depth, state);
  }
  // the type a sample shows: the first of the effective types that is not null, else null
  const types = effectiveTypes(schema);
  switch (types.find((t) => t !== "null") ?? types[0]) {
    case "string":
      return schema.format === "binary" && state.options.binaryText
        ? "<binary>"
        : schema.format !== undefined && Object.hasOwn(FORMATS, schema.format)
          ? FORMATS[schema.format]
          : (matching(schema) ??
            "string"
              .padEnd(bound(schema.minLength, 0, 64), "s")
              .slice(0, bound(schema.maxLength, 64, 64)));
    case "integer":
    case "number":
      return typeof schema.minimum === "number"
        ? schema.minimum
        : Math.min(0, typeof schema.maximum === "number" ? schema.maximum : 0);
    case "boolean":
      return true;
    case "null":
      return null;
    case "array": {
      // below the top level as few items as the schema allows: none, or its minItems (to 16)
      const count = Math.max(bound(schema.minItems, 0, 16), depth > 0 ? 0 : 1);
      return exhausted || count === 0
        ? []
        : Array(count).fill(sample(schema.items, depth + 1, state));
    }
    case "object": {
      const out: Record<string, unknown> = {};
      if (depth >= MAX_DEPTH) return out;
      const properties = schema.properties ?? {};
      const names = Object.keys(properties);
      const marked = new Set(schema.required);
      const required = names.filter((n) => marked.has(n));
      const shown =
        required.length > 0 || depth > 0
          ? required
          : names.slice(0, OPTIONAL_SHOWN);
      for (const name of shown)
        setOwn(out, name, sample(properties[name], depth + 1, state));
      return out;
    }
    default:
      return "string";
  }
}

/** A string its `pattern` matches, when one is known and its length is within the schema's bounds. */
function matching(schema: Schema): string | undefined {
  const text =
    typeof schema.pattern === "string"
      ? patternSample(schema.pattern)
      : undefined;
  const length = text === undefined ? -1 : [...text].length;
  return length >= bound(schema.minLength, 0, Infinity) &&
    length <= bound(schema.maxLength, Infinity, Infinity)
    ? text
    : undefined;
}

/** A scalar that fits the schema's declared type(s) and enum; objects and arrays never do. */
export function fitsType(value: unknown, schema: Schema | undefined): boolean {
  if (typeof value === "object" && value !== null) return false;
  if (!schema) return true;
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) return false;
  if (schema.$ref !== undefined || schema.allOf || schema.oneOf || schema.anyOf)
    return false;
  const types = effectiveTypes(schema);
  if (types.length === 0) return true;
  const binary = schema.format === "binary";
  return types.some((t) => isOfType(t, value) && !(binary && t === "string"));
}

/** `value` when it is a whole number, at most `most` (and at least 0); else `fallback`. */
const bound = (value: unknown, fallback: number, most: number) =>
  Number.isInteger(value)
    ? Math.min(Math.max(value as number, 0), most)
    : fallback;

/** A string's sample by its format. */
const FORMATS: Readonly<Record<string, unknown>> = {
  "date-time": "2024-01-01T00:00:00Z",
  date: "2024-01-01",
  time: "00:00:00Z",
  byte: "c3RyaW5n",
  hostname: "example.com",
  ipv4: "192.0.2.1",
  ipv6: "2001:db8::1",
  uuid: "00000000-0000-0000-0000-000000000000",
  email: "user@example.com",
  uri: "https://example.com",
  url: "https://example.com",
  binary: BINARY,
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    isMap(value) &&
    !(value instanceof BinarySample) &&
    !(value instanceof DateSample)
  );
}
