import { schemaRef } from "../../model/schema-ref.js";
import type { NamedSchema, Schema } from "../../model/types.js";
import { toPointer, type Path } from "../../model/pointer.js";
import {
  isRecord,
  type ReaderContext,
  type SourceDocument,
} from "../reader.js";
import { setOwn } from "../../model/own.js";
import { breakRefCycles, DOC_KEYWORDS } from "./ref-cycles.js";
import { type At, Place, pathOf } from "./place.js";
import { patternFlags } from "../../model/pattern-flags.js";
import {
  applyDraft4Exclusive,
  makeNullable,
  nonFiniteEnumValues,
  suggestName,
} from "./dialect-rules.js";
import {
  describeValue,
  EXPECTED_TEXT,
  KEYWORD_TYPES,
  REF_SIBLINGS_KEPT,
  SCHEMA_TYPES,
} from "./keywords.js";

export { makeNullable } from "./dialect-rules.js";

/**
 * Translates the schema dialects of Swagger 2.0 and OpenAPI 3.0/3.1 into the model's one dialect
 * (JSON Schema 2020-12 as OpenAPI 3.1 uses it). Named schemas stay references, so recursive and
 * mutually recursive types need no special care; a `$ref` to anywhere else (another file, a schema
 * inside an operation) is imported once as a named schema, which is also what keeps cycles finite.
 */
export type SchemaDialect = "swagger2" | "openapi3.0" | "openapi3.1";

/** How many schemas may nest inside each other; deeper ones are read as any value (`unknown`). */
export const MAX_SCHEMA_DEPTH = 128;

export class SchemaConverter {
  /** Named schemas: the document's own definitions plus anything imported through a `$ref`. */
  readonly schemas: Record<string, NamedSchema> = {};
  /** `absPath#pointer` → name, for every named schema already registered. */
  private readonly byTarget = new Map<string, string>();
  /** Schemas being converted inside each other right now (nesting, or a chain of new names). */
  private depth = 0;
  /** Named schemas registered, waiting to be converted (see {@link drain}). */
  private readonly pending: {
    entry: NamedSchema;
    raw: unknown;
    doc: SourceDocument;
    path: Path;
  }[] = [];

  constructor(
    private readonly ctx: ReaderContext,
    private readonly dialect: SchemaDialect,
    /** Where the document keeps its named schemas: `["definitions"]` or `["components","schemas"]`. */
    private readonly home: readonly string[],
  ) {}

  /** Converts every schema under the document's home (`definitions` or `components.schemas`). */
  convertHome(): void {
    let container: unknown = this.ctx.doc.value;
    for (const key of this.home)
      container = isRecord(container) ? container[key] : undefined;
    if (!isRecord(container)) return;
    for (const name of Object.keys(container))
      this.named(this.ctx.doc, [...this.home, name], name);
    this.drain();
  }

  /**
   * Converts the named schemas registered but not converted yet. A reference registers its target
   * and moves on; converting it there would nest one conversion per link of a `$ref` chain, and a
   * long chain would be as deep as the stack.
   */
  drain(): void {
    for (let next = this.pending.shift(); next; next = this.pending.shift())
      next.entry.schema = this.convert(next.raw, next.doc, next.path);
  }

  /** Converts a schema found at `path` of `doc`. */
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
   * every walker after this one recurses, and a generated type that deep is no use to anyone.
   * Reported once per document, at the first place.
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
    if (!isRecord(raw)) return {};
    if (typeof raw.$ref === "string") return this.reference(raw, doc, path);

    const out: Schema = {};
    // keys, not Object.entries: no [key, value] pair per keyword of every schema
    for (const key of Object.keys(raw)) {
      const value = raw[key];
      switch (key) {
        case "properties":
        case "patternProperties":
        case "$defs":
        case "definitions":
          if (isRecord(value)) {
            const props: Record<string, Schema> = {};
            const at = (name: string) => new Place(path, key, name);
            if (key === "patternProperties")
              for (const name of Object.keys(value))
                this.checkPattern(name, doc, at(name));
            for (const name of Object.keys(value))
              setOwn(props, name, this.convert(value[name], doc, at(name)));
            out[key] = props;
          }
          break;
        case "items":
          if (Array.isArray(value)) {
            // draft-4 tuple form
            out.prefixItems = value.map((sub, i) =>
              this.convert(sub, doc, new Place(path, key, i)),
            );
          } else out.items = this.convert(value, doc, new Place(path, key));
          break;
        case "additionalProperties":
        case "not":
        case "propertyNames":
        case "contains":
        case "if":
        case "then":
        case "else":
        case "unevaluatedProperties":
        case "additionalItems":
          (out as Record<string, unknown>)[key] =
            typeof value === "boolean"
              ? value
              : this.convert(value, doc, new Place(path, key));
          break;
        case "allOf":
        case "oneOf":
        case "anyOf":
        case "prefixItems":
          if (Array.isArray(value))
            out[key] = value.map((sub, i) =>
              this.convert(sub, doc, new Place(path, key, i)),
            );
          break;
        case "discriminator":
          if (typeof value === "string")
            out.discriminator = { propertyName: value };
          else if (isRecord(value) && typeof value.propertyName === "string") {
            const mapping = isRecord(value.mapping)
              ? Object.fromEntries(
                  Object.entries(value.mapping).flatMap(([k, v]) => {
                    const ref =
                      typeof v === "string"
                        ? this.mappingRef(v, doc, [
                            ...pathOf(path),
                            "discriminator",
                            "mapping",
                            k,
                          ])
                        : String(v);
                    return ref === undefined ? [] : [[k, ref]];
                  }),
                )
              : undefined;
            out.discriminator = mapping
              ? { propertyName: value.propertyName, mapping }
              : { propertyName: value.propertyName };
          }
          break;
        case "example":
          // OpenAPI's single `example` joins JSON Schema's `examples`, whichever comes first
          out.examples = [value, ...(out.examples ?? [])];
          break;
        case "examples":
          // a non-list `examples` is not JSON Schema; emitters rely on a list
          if (Array.isArray(value))
            out.examples = [...(out.examples ?? []), ...value];
          break;
        case "pattern":
          if (typeof value === "string")
            this.checkPattern(value, doc, new Place(path, key));
          setOwn(out, key, value);
          break;
        case "nullable":
        case "x-nullable":
          break; // applied below
        case "exclusiveMinimum":
        case "exclusiveMaximum":
          if (typeof value === "number") out[key] = value;
          // draft-4 boolean form, applied below
          break;
        default: {
          const checked = this.keyword(key, value, doc, path);
          if (checked !== undefined) setOwn(out, key, checked);
        }
      }
    }
    applyDraft4Exclusive(raw, out);
    this.dropNonFiniteEnum(out, doc, path);
    if ((out.type as string) === "file") {
      out.type = "string";
      out.format = "binary";
    }
    if (raw.nullable === true || raw["x-nullable"] === true)
      return makeNullable(out);
    return out;
  }

  /** `type: number` with `enum: ["NaN", "Infinity"]`: reported, and the strings left out. */
  private dropNonFiniteEnum(out: Schema, doc: SourceDocument, path: At): void {
    const drop = nonFiniteEnumValues(out);
    if (drop.length === 0) return;
    for (const i of drop)
      this.ctx.reporter.report(
        "schema/non-finite-enum",
        `enum value ${JSON.stringify(out.enum![i])} is a string, not a number JSON can carry; it is left out of the type`,
        doc.ref([...pathOf(path), "enum", i]),
      );
    const kept = out.enum!.filter((_, i) => !drop.includes(i));
    if (kept.length > 0) out.enum = kept;
    else delete out.enum;
  }

  /** The validators compile patterns as JavaScript regular expressions (src/emit/validators). */
  private checkPattern(pattern: string, doc: SourceDocument, at: At): void {
    if (patternFlags(pattern) !== undefined) return;
    this.ctx.reporter.report(
      "schema/invalid-pattern",
      `the pattern ${JSON.stringify(pattern)} is not a JavaScript regular expression; validators do not check it`,
      doc.ref(pathOf(at)),
    );
  }

  /**
   * A keyword's value when it has the type JSON Schema gives it; otherwise undefined, reported
   * (`schema/invalid-keyword`), so that no emitter meets an object where it expects text. A
   * number or boolean where text belongs is read as the text written (see `textOf`).
   */
  private keyword(
    key: string,
    value: unknown,
    doc: SourceDocument,
    /** The schema's place; the keyword's path is made only to report it. */
    schemaAt: At,
  ): unknown {
    const expected = KEYWORD_TYPES.get(key);
    if (expected === undefined) return value;
    let ok: boolean;
    switch (expected) {
      case "string":
        if (typeof value === "number" || typeof value === "boolean")
          return doc.textOf([...pathOf(schemaAt), key], value);
        ok = typeof value === "string";
        break;
      case "number":
        ok = typeof value === "number" && Number.isFinite(value);
        break;
      case "boolean":
        ok = typeof value === "boolean";
        break;
      case "strings":
        ok = Array.isArray(value) && value.every((v) => typeof v === "string");
        break;
      case "array":
        ok = Array.isArray(value);
        break;
      case "type":
        ok = Array.isArray(value)
          ? value.length > 0 && value.every((v) => SCHEMA_TYPES.has(v))
          : SCHEMA_TYPES.has(value);
        break;
    }
    if (ok) return value;
    this.ctx.reporter.report(
      "schema/invalid-keyword",
      `${JSON.stringify(key)} must be ${EXPECTED_TEXT[expected]}; ${describeValue(value)} is ignored`,
      doc.ref([...pathOf(schemaAt), key]),
    );
    return undefined;
  }

  private reference(
    raw: Record<string, unknown>,
    doc: SourceDocument,
    at: At,
  ): Schema {
    const ref = raw.$ref as string;
    const path = pathOf(at);
    const target = this.ctx.resolveRef(ref, doc, [...path, "$ref"]);
    if (!target) return {};
    const name = this.named(
      target.doc,
      target.path,
      suggestName(target.path, target.doc),
    );
    const target$ref: Schema = {
      $ref: schemaRef(name),
    };
    // 2.0 and 3.0 ignore $ref siblings except for docs; 3.1 (JSON Schema 2020-12) applies them
    // as well, which allOf says without changing what the reference points at.
    let out = target$ref;
    if (this.dialect === "openapi3.1") {
      const rest: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(raw))
        if (!REF_SIBLINGS_KEPT.has(key) && !key.startsWith("x-"))
          setOwn(rest, key, value);
      if (Object.keys(rest).length > 0)
        out = { allOf: [target$ref, this.convert(rest, doc, path)] };
    }
    for (const key of DOC_KEYWORDS)
      if (raw[key] !== undefined)
        (out as Record<string, unknown>)[key] = raw[key];
    if (raw.nullable === true || raw["x-nullable"] === true)
      return makeNullable(out);
    return out;
  }

  /** Breaks reference cycles that have no structure between their members (see ref-cycles.ts). */
  breakAliasCycles(): void {
    this.drain();
    breakRefCycles(this.schemas, this.ctx);
  }

  /** Registers the schema at `path` of `doc` under a unique name (once), converting it. */
  private named(doc: SourceDocument, path: Path, wanted: string): string {
    const key = `${doc.absPath}#${doc.docIndex}#${path.join("\u0000")}`;
    const known = this.byTarget.get(key);
    if (known !== undefined) return known;
    let name = wanted;
    for (let i = 2; Object.hasOwn(this.schemas, name); i++)
      name = `${wanted}${i}`;
    this.byTarget.set(key, name);
    const entry: NamedSchema = { name, schema: {}, sources: [doc.ref(path)] };
    setOwn(this.schemas, name, entry);
    let raw: unknown = doc.value;
    for (const segment of path)
      raw =
        isRecord(raw) || Array.isArray(raw)
          ? (raw as Record<string, unknown>)[segment as string]
          : undefined;
    this.pending.push({ entry, raw, doc, path });
    return name;
  }

  /**
   * A discriminator mapping's target as the model's `$ref` (§4.8.25.1: a reference, or the name
   * of a schema under components/schemas); undefined, reported as a `$ref` would be, when it
   * names nothing. `at` is the mapping entry.
   */
  private mappingRef(
    value: string,
    doc: SourceDocument,
    at: Path,
  ): string | undefined {
    let ref = value;
    if (!value.includes("#") && !value.includes("/")) {
      // a bare schema name: the home of the document's schemas holds it, or nothing does
      let home: unknown = doc.value;
      for (const key of this.home)
        home = isRecord(home) ? home[key] : undefined;
      if (!isRecord(home) || !Object.hasOwn(home, value)) {
        this.ctx.reporter.report(
          "ref/not-found",
          `discriminator mapping ${JSON.stringify(value)} names no schema (no ${JSON.stringify([...this.home, value].join("/"))}); the entry is left out`,
          doc.ref(at),
        );
        return undefined;
      }
      ref = "#" + toPointer([...this.home, value]);
    }
    const target = this.ctx.resolveRef(ref, doc, at);
    if (!target) return undefined;
    return schemaRef(
      this.named(target.doc, target.path, suggestName(target.path, target.doc)),
    );
  }
}
