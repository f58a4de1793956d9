import { freeName } from "../../model/identifiers.js";
import { schemaRef } from "../../model/schema/ref.js";
import type { NamedSchema } from "../../model/types.js";
import { toPointer, type Path } from "../../model/pointer.js";
import { setOwn } from "../../model/own-property.js";
import {
  isRecord,
  type ReaderContext,
  type SourceDocument,
  valueAt,
} from "../reader.js";
import { suggestName } from "./dialect-rules.js";
import { type At, Place } from "./place.js";

/**
 * The named schemas of one document's conversion: its own definitions and every schema a `$ref`
 * imports, each registered once under a unique name, converted when the converter drains them.
 */
export class NamedSchemas {
  readonly schemas: Record<string, NamedSchema> = {};
  /** `absPath#pointer` → name, for every named schema already registered. */
  private readonly byTarget = new Map<string, string>();
  /** Per document, each `$ref` resolved so far and the model's `$ref` for it ({@link modelRef}). */
  private readonly refs = new Map<SourceDocument, Map<string, string>>();
  /** Named schemas registered, waiting to be converted. */
  private readonly pending: {
    entry: NamedSchema;
    raw: unknown;
    doc: SourceDocument;
    path: Path;
  }[] = [];

  constructor(
    private readonly ctx: ReaderContext,
    /** Where the document keeps its named schemas: `["definitions"]` or `["components","schemas"]`. */
    private readonly home: readonly string[],
  ) {}

  next() {
    return this.pending.shift();
  }

  /**
   * The model's `$ref` (`#/components/schemas/<name>`) for a `$ref` written at `at` of `doc`,
   * registering its target; undefined, reported, when it resolves to nothing. A `$ref` resolved
   * once in a document is not resolved again (one that fails is, and reports at each place).
   */
  modelRef(ref: string, doc: SourceDocument, at: At): string | undefined {
    let known = this.refs.get(doc);
    if (known === undefined) this.refs.set(doc, (known = new Map()));
    const resolved = known.get(ref);
    if (resolved !== undefined) return resolved;
    const target = this.ctx.resolveRef(ref, doc, new Place(at, "$ref"));
    if (!target) return undefined;
    const modelRef = schemaRef(this.named(target.doc, target.path));
    known.set(ref, modelRef);
    return modelRef;
  }

  /**
   * Registers the document's own definition `name` at `path`. One that is only a `$ref` into
   * another file (`X: {$ref: X.yaml}`, the layout `redocly split` writes) names that file's
   * schema itself, as bundling would: `X` is the schema, not an alias of an `X2` named after the
   * file (unless that schema already has a name).
   */
  definition(doc: SourceDocument, path: Path, name: string): void {
    const raw = valueAt(doc.value, path);
    const ref =
      isRecord(raw) && Object.keys(raw).length === 1 ? raw.$ref : undefined;
    if (typeof ref === "string") {
      const target = this.ctx.resolveRef(ref, doc, new Place(path, "$ref"));
      if (
        target &&
        target.doc !== doc &&
        !this.byTarget.has(targetKey(target.doc, target.path)) &&
        this.named(target.doc, target.path, name) === name
      ) {
        this.byTarget.set(targetKey(doc, path), name);
        return;
      }
    }
    this.named(doc, path, name);
  }

  /** Registers the schema at `path` of `doc` under a unique name (once), converting it. */
  named(doc: SourceDocument, path: Path, wanted = suggestName(path, doc)) {
    const key = targetKey(doc, path);
    const known = this.byTarget.get(key);
    if (known !== undefined) return known;
    const name = freeName(wanted, (n) => Object.hasOwn(this.schemas, n));
    this.byTarget.set(key, name);
    const entry: NamedSchema = { name, schema: {}, sources: [doc.ref(path)] };
    setOwn(this.schemas, name, entry);
    this.pending.push({ entry, raw: valueAt(doc.value, path), doc, path });
    return name;
  }

  /**
   * A discriminator mapping's target (§4.8.25.1: a reference, or a schema name under
   * components/schemas) as the model's `$ref`; undefined, reported, when it names nothing.
   */
  mappingRef(value: string, doc: SourceDocument, at: Path): string | undefined {
    // a bare schema name is one under the home of the document's schemas (a pointer through a
    // `components: {$ref: …}` too); one naming nothing is `ref/not-found` at the entry
    const bare = !value.includes("#") && !value.includes("/");
    const ref = bare ? "#" + toPointer([...this.home, value]) : value;
    const target = this.ctx.resolveRef(ref, doc, at);
    return target && schemaRef(this.named(target.doc, target.path));
  }
}

export function targetKey(doc: SourceDocument, path: Path): string {
  return `${doc.absPath}#${doc.docIndex}#${path.join("\u0000")}`;
}
