import type { PatternVerdicts } from "../model/patterns/safety.js";
import type { IngestReporter } from "./codes.js";
import type { SourceFormat, SourceRef } from "../model/types.js";
import type { Path } from "../model/pointer.js";
import type { At } from "./schema/place.js";
import { isMap } from "../model/schema/walk.js";

/** One parsed API document as a reader sees it. */
export interface SourceDocument {
  /** The path as the user gave it, with `/` separators (never absolute unless the user gave one). */
  file: string;
  /** Absolute path on disk, for resolving relative `$ref`s. Never copied into output. */
  absPath: string;
  /** Index of the document within a YAML stream (0 for JSON). */
  docIndex: number;
  format: SourceFormat;
  value: unknown;
  /**
   * Where `path` is in the file; its line and column are 0 until the places are settled (when
   * the reading is done, or, with `deferPlaces`, when something needs them).
   */
  ref(path: Path): SourceRef;
  /** Finds the line and column of every place {@link ref} handed out, in one pass. */
  settle(): void;
  /**
   * A number or boolean where the format wants text (YAML's `version: 1.10`, `operationId: 0x1F`):
   * reports `input/not-a-string` once per place and returns the text as written (`1.10`, never
   * `1.1`), or the value printed when the text cannot be read back.
   */
  textOf(path: Path, value: number | boolean): string;
}

/**
 * A value with the document and path it came from: a `$ref` can lead into another file, and
 * positions and nested `$ref`s are taken relative to the document the value came from.
 */
export interface Node<T = unknown> {
  value: T;
  doc: SourceDocument;
  path: Path;
}

export interface ReaderContext {
  doc: SourceDocument;
  /** Where the reader reports; scoped to this document, so `once` means once per document. */
  reporter: IngestReporter;
  /**
   * Resolves a `$ref` written at `at` in `from`: a local pointer (`#/definitions/Pet`) or a file
   * below the spec's folder (`common.yaml#/Pet`); undefined, reported, when it cannot.
   */
  resolveRef(ref: string, from: SourceDocument, at: At): Node | undefined;
  /**
   * The `x-` members of `node`. A `$ref` inside one to another file (or within a file reached so)
   * is what it names, as Redocly's bundle reads it (a code sample's `source: {$ref: ./list.cs}` is
   * the file's text): openapi.json, written elsewhere, would name nothing.
   */
  extensions(node: Node): Record<string, unknown>;
  /** `value`, literal data (an example) at `path` in `doc`, its `$ref`s read as an extension's. */
  literal(value: unknown, doc: SourceDocument, path: () => Path): unknown;
  /** Finds the line and column of every place handed out so far (see `SourceDocument.ref`). */
  settlePlaces(): void;
  /** The run's verdicts on patterns: how the validators run each (model/patterns/safety.ts). */
  patterns: PatternVerdicts;
}

export { isMap as isRecord, kindOf } from "../model/schema/walk.js";

/** A JSON text's value, or undefined when the text is not JSON. */
export function jsonValue(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return undefined;
  }
}

/** A Reference Object, or a schema with a `$ref`. */
export function isRef(
  value: unknown,
): value is Record<string, unknown> & { $ref: string } {
  return isMap(value) && typeof value.$ref === "string";
}

/** The value at `path` below `root` (own members only), or undefined where the path leaves it. */
export function valueAt(root: unknown, path: Path): unknown {
  let node = root;
  for (const segment of path)
    node =
      node !== null && typeof node === "object" && Object.hasOwn(node, segment)
        ? (node as Record<string, unknown>)[segment as string]
        : undefined;
  return node;
}

/** The scheme a URI starts with and its `:` (RFC 3986 §3.1), `//` included when written. */
export function uriScheme(text: string): string | undefined {
  return /^[a-z][a-z0-9+.-]*:(?:\/\/)?/i.exec(text)?.[0];
}

export { canonicalJson as canonical } from "../model/order.js";

/** Reports `input/not-a-string` at `at` (said again there, kept once); returns the text as written. */
export function notAString(
  reporter: IngestReporter,
  path: Path,
  value: number | boolean,
  written: string | undefined,
  at: SourceRef,
  inOverlay = false,
): string {
  const text = written ?? String(value);
  const last = path.at(-1);
  const name =
    typeof last === "number" && !inOverlay
      ? `${JSON.stringify(String(path.at(-2)))} item ${last + 1}`
      : JSON.stringify(String(last));
  const read =
    !inOverlay && written !== undefined && written !== String(value)
      ? ` (${String(value)})`
      : "";
  reporter.report(
    "input/not-a-string",
    `${name} must be a string, but ${text} is read as a ${typeof value}${read}; it is taken as the text ${JSON.stringify(text)} (quote it${inOverlay ? " in the overlay" : ""})`,
    at,
  );
  return text;
}
