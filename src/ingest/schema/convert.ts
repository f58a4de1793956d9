import type { NamedSchema, Schema } from "../../model/types.js";
import {
  isRecord,
  type Node,
  type ReaderContext,
  type SourceDocument,
} from "../reader.js";
import { setOwn } from "../../model/own-property.js";
import { refAlone } from "../../model/schema/ref.js";
import { breakRefCycles, documentationOf } from "./ref-cycles.js";
import { NamedSchemas } from "./named-schemas.js";
import { type At, Place, pathOf } from "./place.js";
import {
  applyDraft4Exclusive,
  discriminatorOf,
  makeNullable,
  nullableMember,
  nullableOwn,
} from "./dialect-rules.js";
import {
  checkedKeyword,
  checkPattern,
  reportEnumOutsideType,
  reportNonFiniteEnum,
  reportClosedAllOfMember,
  reportTypeOutsideAlternatives,
  reportUndeclaredRequired,
} from "./keyword-checks.js";
import {
  describeValue,
  KEYWORD_ROLES,
  REF_SIBLINGS_KEPT,
  type KeywordRole,
} from "./keywords.js";

/**
 * The schema dialects {@link SchemaConverter} translates into the model's (JSON Schema 2020-12).
 * A `$ref` not to a named schema imports its target as one. A schema that needs no change is the
 * document's own object in the model (nothing writes to the model's schemas), others are copies.
 */
export type SchemaDialect = "swagger2" | "openapi3.0" | "openapi3.1";

/** How many schemas may nest inside each other; deeper ones are read as any value (`unknown`). */
const MAX_SCHEMA_DEPTH = 128;

export class SchemaConverter {
  /** Named schemas: the document's own definitions plus anything imported through a `$ref`. */
  readonly schemas: Record<string, NamedSchema>;
  private readonly names: NamedSchemas;
  /** Schemas being converted inside each other right now (nesting, or a chain of new names). */
  private depth = 0;
  /** The keywords beside a 3.1 `$ref` being converted: the schema it names may declare members. */
  private besideRef: Record<string, unknown> | undefined;

  constructor(
    private readonly ctx: ReaderContext,
    private readonly dialect: SchemaDialect,
    home: readonly string[],
  ) {
    this.names = new NamedSchemas(ctx, home);
    this.schemas = this.names.schemas;
  }

  /** Converts the document's named schemas, found at `home` (past any `$ref` on the way). */
  convertHome(home: Node | undefined): void {
    if (!home || !isRecord(home.value)) return;
    for (const name of Object.keys(home.value))
      this.names.definition(home.doc, [...home.path, name], name);
    this.drain();
  }

  /**
   * Converts the named schemas registered but not converted yet. A reference registers its target
   * and moves on: converting it there would nest a conversion per link of a long `$ref` chain.
   */
  drain(): void {
    for (let next = this.names.next(); next; next = this.names.next())
      next.entry.schema = this.convert(next.raw, next.doc, next.path);
  }

  convert(raw: unknown, doc: SourceDocument, path: At): Schema {
    if (this.depth >= MAX_SCHEMA_DEPTH) return this.tooDeep(raw, doc, path);
    this.depth++;
    try {
      return this.convertAt(raw, doc, path);
    } finally {
      this.depth--;
    }
  }

  /**
   * Below {@link MAX_SCHEMA_DEPTH} nested schemas a schema is any value (`{}`, typed `unknown`):
   * every later walker recurses, and a type that deep is no use. Reported once, at the first place.
   */
  private tooDeep(raw: unknown, doc: SourceDocument, at: At): Schema {
    if (isRecord(raw))
      this.ctx.reporter
        .once("the document")
        .report(
          "schema/too-deep",
          `schemas nest more than ${MAX_SCHEMA_DEPTH} levels deep here; this one (and any other that deep in this document) is read as any value`,
          doc.ref(pathOf(at)),
        );
    return {};
  }

  private convertAt(raw: unknown, doc: SourceDocument, path: At): Schema {
    if (raw === true || raw === undefined) return {};
    if (raw === false) return { not: {} };
    if (!isRecord(raw)) {
      // a tuple's list of `items` never comes here: the keyword loop reads it as `prefixItems`
      this.ctx.reporter.report(
        "schema/not-a-schema",
        `a schema is an object (or true or false), not ${describeValue(raw)}: it is read as any value`,
        doc.ref(pathOf(path)),
      );
      return {};
    }
    if (typeof raw.$ref === "string") return this.reference(raw, doc, path);
    const keys = Object.keys(raw);
    // undefined while every keyword so far is kept as written: most schemas need no change, and
    // the document's own object is the model's (no copy, no property added one by one)
    let out: Record<string, unknown> | undefined;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const value = raw[key];
      const role = KEYWORD_ROLES.get(key);
      let next: unknown;
      switch (role) {
        case "example": {
          // OpenAPI's single `example` joins JSON Schema's `examples`, whichever comes first
          out ??= keptKeys(raw, keys, i);
          const example = this.literal(value, doc, path, key);
          out.examples = [example, ...((out.examples as unknown[]) ?? [])];
          continue;
        }
        case "examples":
          next = Array.isArray(value)
            ? this.literal(value, doc, path, key)
            : DROPPED; // not JSON Schema's list (emitters rely on one)
          if (out === undefined || next === DROPPED) break;
          out.examples = [
            ...((out.examples as unknown[]) ?? []),
            ...(next as unknown[]),
          ];
          continue;
        case "exclusive":
          // the draft-4 boolean form is applied below
          next = typeof value === "number" ? value : DROPPED;
          break;
        case undefined: {
          const checked = checkedKeyword(this.ctx, key, value, doc, path);
          // not a sub-schema: data (`default`, an `x-` member, an unknown keyword), whose
          // `$ref`s are read as an extension's
          next =
            checked === undefined
              ? DROPPED
              : this.literal(checked, doc, path, key);
          break;
        }
        default:
          if (key === "items" && Array.isArray(value)) {
            // draft-4 tuple form
            out ??= keptKeys(raw, keys, i);
            out.prefixItems = this.convertList("items", value, doc, path);
            continue;
          }
          next = this.keywordValue(role, key, value, doc, path);
      }
      if (out === undefined) {
        if (next === value) continue;
        out = keptKeys(raw, keys, i);
      }
      if (next !== DROPPED) setOwn(out, key, next);
    }
    if (raw.exclusiveMinimum === true || raw.exclusiveMaximum === true)
      applyDraft4Exclusive(raw, out!);
    if (raw.required !== undefined && raw !== this.besideRef)
      reportUndeclaredRequired(this.ctx, raw, doc, path);
    const converted = (out ?? raw) as Schema;
    if (raw.type !== undefined)
      reportTypeOutsideAlternatives(this.ctx, converted, raw, doc, path);
    if (raw.allOf !== undefined)
      reportClosedAllOfMember(this.ctx, raw, doc, path);
    if (raw.enum !== undefined) {
      const drop = reportNonFiniteEnum(this.ctx, converted, doc, path);
      if (drop.length > 0) {
        out ??= keptKeys(raw, keys, keys.length);
        const kept = (out.enum as unknown[]).filter(
          (_, i) => !drop.includes(i),
        );
        if (kept.length > 0) out.enum = kept;
        else delete out.enum;
      }
      reportEnumOutsideType(this.ctx, (out ?? raw) as Schema, doc, path);
    }
    if (raw.type === "file") {
      out ??= keptKeys(raw, keys, keys.length);
      out.type = "string";
      out.format = "binary";
    }
    // `nullable` is never kept as written, so `out` is a copy of this call's own by now
    if (raw.nullable === true || raw["x-nullable"] === true)
      return nullableOwn(out as Schema);
    if (nullableMember(raw)) return makeNullable((out ?? raw) as Schema);
    return (out ?? raw) as Schema;
  }

  /**
   * What the model keeps of a keyword with a role in {@link KEYWORD_ROLES} that convertAt does
   * not apply itself: the value itself when kept as written, another value, or {@link DROPPED}.
   */
  private keywordValue(
    role: KeywordRole,
    key: string,
    value: unknown,
    doc: SourceDocument,
    path: At,
  ): unknown {
    switch (role) {
      case "map":
        return isRecord(value)
          ? this.convertMap(key, value, doc, path)
          : DROPPED;
      case "one":
        // `items` is never a boolean here: a list is a tuple, which convertAt takes
        return typeof value === "boolean" && key !== "items"
          ? value
          : this.convert(value, doc, new Place(path, key));
      case "list":
        return Array.isArray(value)
          ? this.convertList(key, value, doc, path)
          : DROPPED;
      case "discriminator":
        return (
          discriminatorOf(value, (target, entry) =>
            this.names.mappingRef(target, doc, [
              ...pathOf(path),
              "discriminator",
              "mapping",
              entry,
            ]),
          ) ?? DROPPED
        );
      case "pattern":
        if (typeof value === "string")
          checkPattern(this.ctx, value, doc, new Place(path, key));
        return value;
      default:
        // convertAt's own, and `nullable`, which it applies after the keywords
        return DROPPED;
    }
  }

  /** An example at `key` of `path`, its `$ref`s followed as an extension's (the reader's `literal`). */
  private literal(value: unknown, doc: SourceDocument, path: At, key: string) {
    return this.ctx.literal(value, doc, () => pathOf(new Place(path, key)));
  }

  /** A map of sub-schemas (`properties`), the document's own when no member changed. */
  private convertMap(
    key: string,
    value: Record<string, unknown>,
    doc: SourceDocument,
    path: At,
  ): Record<string, unknown> {
    const names = Object.keys(value);
    if (key === "patternProperties")
      for (const name of names)
        checkPattern(this.ctx, name, doc, new Place(path, key, name));
    let out: Record<string, unknown> | undefined;
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const sub = value[name];
      const next = this.convert(sub, doc, new Place(path, key, name));
      if (out === undefined) {
        if (next === sub) continue;
        out = keptKeys(value, names, i);
      }
      setOwn(out, name, next);
    }
    return out ?? value;
  }

  /**
   * A list of sub-schemas (`oneOf`), the document's own when no member changed. An `allOf` member
   * is always an object of its own: the validators key its siblings by the member object
   * (emit/validators/composition.ts), which must not be one the model holds elsewhere.
   */
  private convertList(
    key: string,
    value: readonly unknown[],
    doc: SourceDocument,
    path: At,
  ): unknown[] {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const sub = value[i];
      let next: unknown = this.convert(sub, doc, new Place(path, key, i));
      if (next === sub && key === "allOf" && isRecord(sub))
        next = keptKeys(sub, Object.keys(sub), Object.keys(sub).length);
      if (out === undefined) {
        if (next === sub) continue;
        out = value.slice(0, i);
      }
      out.push(next);
    }
    return out ?? (value as unknown[]);
  }

  private reference(raw: Record<string, unknown>, doc: SourceDocument, at: At) {
    const modelRef = this.names.modelRef(raw.$ref as string, doc, at);
    if (modelRef === undefined) return {};
    const target$ref: Schema = { $ref: modelRef };
    // most references are a `$ref` alone: nothing beside it to apply, keep or look up
    if (refAlone(raw)) return target$ref;
    // 2.0 and 3.0 ignore $ref siblings except for docs; 3.1 (JSON Schema 2020-12) applies them
    // as well, which allOf says without changing what the reference points at.
    let out = target$ref;
    if (this.dialect === "openapi3.1") {
      const rest: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(raw))
        if (!REF_SIBLINGS_KEPT.has(key) && !key.startsWith("x-"))
          setOwn(rest, key, value);
      if (Object.keys(rest).length > 0) {
        this.besideRef = rest;
        out = { allOf: [target$ref, this.convert(rest, doc, at)] };
      }
    }
    documentationOf(raw as Schema, out);
    if (raw.nullable === true || raw["x-nullable"] === true)
      return makeNullable(out);
    return out;
  }

  /** Breaks reference cycles that have no structure between their members (see ref-cycles.ts). */
  breakAliasCycles(): void {
    this.drain();
    breakRefCycles(this.schemas, this.ctx);
  }
}

/** What {@link SchemaConverter} keeps of a keyword that it leaves out. */
const DROPPED = Symbol("dropped");

/** A copy of `raw` with its first `count` keys (in `keys`), each kept as written. */
function keptKeys(
  raw: Record<string, unknown>,
  keys: readonly string[],
  count: number,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < count; i++) setOwn(out, keys[i]!, raw[keys[i]!]);
  return out;
}
