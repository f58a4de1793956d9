import type { IngestCode, IngestReporter } from "../codes.js";
import type { SharedReaderCode } from "./codes.js";
import type {
  ApiInfo,
  DocumentModel,
  Endpoint,
  Schema,
  SecurityScheme,
  Server,
  Tag,
} from "../../model/types.js";
import { isRecord, isRef, type ReaderContext } from "../reader.js";
import { SchemaConverter, type SchemaDialect } from "../schema/convert.js";
import { Place } from "../schema/place.js";
import { targetKey } from "../schema/named-schemas.js";
import {
  child,
  copyStrings,
  elements,
  isRecordNode,
  sourceOf,
  stringAt,
  type Node,
  type RecordNode,
} from "./node.js";

/**
 * What one reader run of one document shares: the context, the schema converter (one per document,
 * so each named schema is converted once) and the security schemes found or inferred so far.
 */
export class SpecReading {
  readonly schemas: SchemaConverter;
  readonly securitySchemes: Record<string, SecurityScheme> = {};
  readonly root: RecordNode;
  readonly reporter: IngestReporter;
  /** The document is OpenAPI 3.2 (what apiloom reads of 3.2's additions: openapi3/v32.ts). */
  readonly isOpenApi32: boolean;

  constructor(
    readonly ctx: ReaderContext,
    /** The prefix of every diagnostic code the reader reports. */
    readonly reader: "swagger2" | "openapi3",
    dialect: SchemaDialect,
    schemaHome: readonly string[],
  ) {
    this.reporter = ctx.reporter;
    this.isOpenApi32 = ctx.doc.format === "openapi3.2";
    this.schemas = new SchemaConverter(ctx, dialect, schemaHome);
    const { doc } = ctx;
    this.root = { value: isRecord(doc.value) ? doc.value : {}, doc, path: [] };
    this.schemas.convertHome(this.at(this.root, ...schemaHome));
  }

  /** The node at `keys` below `node`, following each `$ref` on the way (`components: {$ref: …}`). */
  at(node: Node | undefined, ...keys: string[]): Node | undefined {
    for (const key of keys)
      node =
        node && isRecordNode(node)
          ? this.deref(child(node, key), key)
          : undefined;
    return node;
  }

  /** `description`, also through a `$ref` to a Markdown file (Redocly's `{$ref: ./intro.md}`). */
  copyDescription(out: { description?: string }, node: RecordNode) {
    const text = this.at(node, "description")?.value;
    if (typeof text === "string") out.description = text;
    else copyStrings(out, node, "description");
  }

  /** `node`'s `x-` members, and its `externalDocs` (with a url) where `docs`: openapi.json's. */
  kept(node: RecordNode, docs = false) {
    const extensions = this.ctx.extensions(node);
    const externalDocs = node.value["externalDocs"];
    return {
      ...(Object.keys(extensions).length > 0 && { extensions }),
      ...(docs &&
        isRecord(externalDocs) &&
        typeof externalDocs["url"] === "string" && { externalDocs }),
    };
  }

  /** A shared problem's code under this reader's prefix: `code("x")` gives `swagger2/x`. */
  code(code: SharedReaderCode): IngestCode {
    return `${this.reader}/${code}`;
  }

  /** Reports a shared problem at `node`; undefined, for `return reading.report(…)`. */
  report(code: SharedReaderCode, message: string, node: Node): undefined {
    this.reporter.report(this.code(code), message, sourceOf(node));
  }

  /**
   * The document model, once every operation is read: what only the whole document shows is
   * checked first, then info, `servers` (read by the reader) and tags are read.
   */
  model(endpoints: Endpoint[], servers: () => Server[]): DocumentModel {
    this.schemas.breakAliasCycles();
    const { doc } = this.ctx;
    return {
      file: doc.file,
      format: doc.format,
      info: readInfo(this),
      servers: servers(),
      securitySchemes: this.securitySchemes,
      schemas: this.schemas.schemas,
      tags: readTags(this),
      endpoints,
      ...this.kept(this.root, true),
    };
  }

  schema(node: Node): Schema {
    // the node, not its path: most schemas never need theirs (a `$ref` met before, the most)
    return this.schemas.convert(node.value, node.doc, node);
  }

  /**
   * Follows `$ref`s from `node` to a value that is not a reference; undefined for a chain that
   * comes back to a place it visited (reported once) or a reference that cannot be resolved.
   */
  deref(node: Node, what: string): Node | undefined {
    let current = node;
    // the places visited, kept from the second `$ref` on: a place is visited again only when a
    // `$ref` leads to a `$ref`, and most chains end after one step
    let seen: Set<string> | undefined;
    while (isRef(current.value)) {
      const ref = current.value.$ref;
      const target = this.ctx.resolveRef(
        ref,
        current.doc,
        new Place(current, "$ref"),
      );
      if (!target) return undefined;
      if (!isRef(target.value)) return target;
      seen ??= new Set([targetKey(node.doc, node.path)]);
      const key = targetKey(target.doc, target.path);
      if (seen.has(key)) {
        this.reporter.report(
          this.code("ref-cycle"),
          `the ${what} $ref ${JSON.stringify(ref)} leads back to itself; it is skipped`,
          sourceOf({ ...current, path: [...current.path, "$ref"] }),
          current === node ? undefined : [sourceOf(node)],
        );
        return undefined;
      }
      seen.add(key);
      current = target;
    }
    return current;
  }
}

/** `info` is the same object in Swagger 2.0 and OpenAPI 3.x. */
function readInfo(reading: SpecReading): ApiInfo {
  const node = child(reading.root, "info");
  if (!isRecordNode(node)) {
    reading.report("missing-info", "the document has no `info`", reading.root);
    return { title: "", version: "" };
  }
  const info: ApiInfo = {
    title: stringAt(node, "title") ?? "",
    version: stringAt(node, "version") ?? "",
  };
  reading.copyDescription(info, node);
  copyStrings(info, node, "termsOfService");
  for (const key of ["contact", "license"] as const)
    if (isRecord(node.value[key])) info[key] = node.value[key];
  return Object.assign(info, reading.kept(node));
}

/** Top-level `tags` (name and description); entries without a name are reported and skipped. */
function readTags(reading: SpecReading): Tag[] {
  const seen = new Set<string>();
  return elements(child(reading.root, "tags")).flatMap((entry) => {
    const name = isRecordNode(entry) ? stringAt(entry, "name") : undefined;
    if (name === undefined) {
      reading.report("invalid-tag", "a tag without a `name` is skipped", entry);
      return [];
    }
    if (seen.has(name)) return [];
    seen.add(name);
    const tag: Tag = { name, ...reading.kept(entry as RecordNode, true) };
    reading.copyDescription(tag, entry as RecordNode);
    // summary, parent and kind are OpenAPI 3.2's
    if (reading.isOpenApi32)
      copyStrings(tag, entry as RecordNode, "summary", "parent", "kind");
    return [tag];
  });
}
