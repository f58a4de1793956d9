import { schemaRef, schemaRefName } from "../../model/schema-ref.js";
import type { NamedSchema, Schema, SchemaType } from "../../model/types.js";
import type { Path } from "../../model/pointer.js";
import {
  isRecord,
  type ReaderContext,
  type SourceDocument,
} from "../reader.js";
import { setOwn } from "../openapi-common/own.js";
import { patternFlags } from "../../model/pattern-flags.js";

/**
 * Translates the schema dialects of Swagger 2.0 and OpenAPI 3.0/3.1 into the model's one dialect
 * (JSON Schema 2020-12 as OpenAPI 3.1 uses it). Named schemas stay references, so recursive and
 * mutually recursive types need no special care; a `$ref` to anywhere else (another file, a schema
 * inside an operation) is imported once as a named schema, which is also what keeps cycles finite.
 */
export type SchemaDialect = "swagger2" | "openapi3.0" | "openapi3.1";

export class SchemaConverter {
  /** Named schemas: the document's own definitions plus anything imported through a `$ref`. */
  readonly schemas: Record<string, NamedSchema> = {};
  /** `absPath#pointer` → name, for every named schema already registered. */
  private readonly byTarget = new Map<string, string>();

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
  }

  /** Converts a schema found at `path` of `doc`. */
  convert(raw: unknown, doc: SourceDocument, path: Path): Schema {
    if (raw === true || raw === undefined) return {};
    if (raw === false) return { not: {} };
    if (!isRecord(raw)) return {};
    if (typeof raw.$ref === "string") return this.reference(raw, doc, path);

    const out: Schema = {};
    for (const [key, value] of Object.entries(raw)) {
      switch (key) {
        case "properties":
        case "patternProperties":
        case "$defs":
        case "definitions":
          if (isRecord(value)) {
            const props: Record<string, Schema> = {};
            if (key === "patternProperties")
              for (const name of Object.keys(value))
                this.checkPattern(name, doc, [...path, key, name]);
            for (const [name, sub] of Object.entries(value))
              setOwn(props, name, this.convert(sub, doc, [...path, key, name]));
            out[key] = props;
          }
          break;
        case "items":
          if (Array.isArray(value)) {
            // draft-4 tuple form
            out.prefixItems = value.map((sub, i) =>
              this.convert(sub, doc, [...path, key, i]),
            );
          } else out.items = this.convert(value, doc, [...path, key]);
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
              : this.convert(value, doc, [...path, key]);
          break;
        case "allOf":
        case "oneOf":
        case "anyOf":
        case "prefixItems":
          if (Array.isArray(value))
            out[key] = value.map((sub, i) =>
              this.convert(sub, doc, [...path, key, i]),
            );
          break;
        case "discriminator":
          if (typeof value === "string")
            out.discriminator = { propertyName: value };
          else if (isRecord(value) && typeof value.propertyName === "string") {
            const mapping = isRecord(value.mapping)
              ? Object.fromEntries(
                  Object.entries(value.mapping).map(([k, v]) => [
                    k,
                    typeof v === "string"
                      ? this.mappingRef(v, doc, path)
                      : String(v),
                  ]),
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
            this.checkPattern(value, doc, [...path, key]);
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
        default:
          setOwn(out, key, value);
      }
    }
    this.applyDraft4Exclusive(raw, out);
    if ((out.type as string) === "file") {
      out.type = "string";
      out.format = "binary";
    }
    if (raw.nullable === true || raw["x-nullable"] === true)
      return makeNullable(out);
    return out;
  }

  /** The validators compile patterns as JavaScript regular expressions (src/emit/validators). */
  private checkPattern(pattern: string, doc: SourceDocument, path: Path): void {
    if (patternFlags(pattern) !== undefined) return;
    this.ctx.report(
      "warning",
      "schema/invalid-pattern",
      `the pattern ${JSON.stringify(pattern)} is not a JavaScript regular expression; validators do not check it`,
      doc.ref(path),
    );
  }

  private applyDraft4Exclusive(
    raw: Record<string, unknown>,
    out: Schema,
  ): void {
    if (raw.exclusiveMinimum === true && typeof raw.minimum === "number") {
      out.exclusiveMinimum = raw.minimum;
      delete out.minimum;
    }
    if (raw.exclusiveMaximum === true && typeof raw.maximum === "number") {
      out.exclusiveMaximum = raw.maximum;
      delete out.maximum;
    }
  }

  private reference(
    raw: Record<string, unknown>,
    doc: SourceDocument,
    path: Path,
  ): Schema {
    const ref = raw.$ref as string;
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

  /**
   * A named schema that is nothing but a `$ref` leading back to itself through other aliases
   * (`A: {$ref: B}`, `B: {$ref: A}`) describes no value, and as a TypeScript alias it would not
   * compile. The cycle is reported and broken at its first member, which becomes `{}`.
   */
  breakAliasCycles(): void {
    for (const [name, entry] of Object.entries(this.schemas)) {
      const seen = new Set<string>([name]);
      let next = aliasOf(entry.schema);
      while (next !== undefined && Object.hasOwn(this.schemas, next)) {
        if (next === name) {
          this.ctx.report(
            "warning",
            "schema/alias-cycle",
            `schema ${JSON.stringify(name)} is only a reference that leads back to itself; it is read as any value`,
            entry.sources[0]!,
          );
          const broken: Schema = {};
          for (const key of DOC_KEYWORDS)
            if (entry.schema[key] !== undefined)
              (broken as Record<string, unknown>)[key] = entry.schema[key];
          entry.schema = broken;
          break;
        }
        if (seen.has(next)) break; // a cycle that does not pass through `name`
        seen.add(next);
        next = aliasOf(this.schemas[next]!.schema);
      }
    }
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
    entry.schema = this.convert(raw, doc, path);
    return name;
  }

  private mappingRef(value: string, doc: SourceDocument, path: Path): string {
    if (!value.includes("#") && !value.includes("/")) return value; // a bare schema name
    const target = this.ctx.resolveRef(value, doc, [
      ...path,
      "discriminator",
      "mapping",
    ]);
    if (!target) return value;
    return schemaRef(
      this.named(target.doc, target.path, suggestName(target.path, target.doc)),
    );
  }
}

/** Keywords that document a schema without constraining it. */
const DOC_KEYWORDS = [
  "description",
  "title",
  "deprecated",
  "readOnly",
  "writeOnly",
] as const;

/** `$ref` siblings that are not applied as a schema (3.0 `nullable` is applied on its own). */
const REF_SIBLINGS_KEPT = new Set<string>([
  "$ref",
  ...DOC_KEYWORDS,
  "nullable",
  "x-nullable",
  "example",
  "examples",
  "$comment",
]);

/** The schema name a pure alias (`{$ref}` plus documentation at most) stands for. */
function aliasOf(schema: Schema): string | undefined {
  if (typeof schema.$ref !== "string") return undefined;
  for (const key of Object.keys(schema))
    if (key !== "$ref" && !(DOC_KEYWORDS as readonly string[]).includes(key))
      return undefined;
  return schemaRefName(schema.$ref);
}

/** The name a referenced schema gets: its key under definitions/components, else the file name. */
function suggestName(path: Path, doc: SourceDocument): string {
  const last = path[path.length - 1];
  if (
    last !== undefined &&
    typeof last === "string" &&
    last !== "schema" &&
    last !== "items"
  )
    return last;
  const base = doc.file.split("/").pop() ?? "Schema";
  return base.replace(/\.(json|ya?ml)$/i, "") || "Schema";
}

/** Adds `null` to a schema: to its type list when it has one, else as an alternative. */
export function makeNullable(schema: Schema): Schema {
  if (schema.type !== undefined && schema.$ref === undefined) {
    const types: SchemaType[] = Array.isArray(schema.type)
      ? [...schema.type]
      : [schema.type];
    if (!types.includes("null")) types.push("null");
    const out: Schema = { ...schema, type: types };
    if (Array.isArray(schema.enum) && !schema.enum.includes(null))
      out.enum = [...schema.enum, null];
    return out;
  }
  return { anyOf: [schema, { type: "null" }] };
}
