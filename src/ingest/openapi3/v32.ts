import {
  isStandardMethod,
  type HttpMethod,
  type MediaContent,
} from "../../model/types.js";
import {
  isItemStreamMediaType,
  itemStreamed,
} from "../../model/item-streams.js";
import type { Path } from "../../model/pointer.js";
import {
  child,
  members,
  sourceOf,
  type Node,
  type RecordNode,
} from "../openapi-common/node.js";
import type { SpecReading } from "../openapi-common/reading.js";

/**
 * What OpenAPI 3.2 adds, as far as apiloom reads it: the `query` method (paths.ts),
 * `additionalOperations`, `$self` (ref-resolver.ts), `itemSchema`, tags' `summary`/`parent`/`kind`,
 * `deprecated` security schemes, the device flow. Everything else 3.2 adds that changes what a
 * client sends or reads is an `openapi3/unsupported-feature` warning at its place.
 */
export function unsupported32(
  reading: SpecReading,
  message: string,
  node: Pick<Node, "doc" | "path">,
): void {
  reading.reporter.report(
    "openapi3/unsupported-feature",
    message,
    sourceOf(node),
  );
}

/** Where each media type's `itemSchema` was read, for the diagnostics of reportItemSchemas. */
const ITEM_SCHEMA_NODES = new WeakMap<MediaContent, Node>();

export function readItemSchema(
  reading: SpecReading,
  item: MediaContent,
  node: Node,
): void {
  item.itemSchema = reading.schema(node);
  ITEM_SCHEMA_NODES.set(item, node);
}

/**
 * Says, at each `itemSchema` of `content`, when the generated code does not type items by it: only
 * a success whose every media type is an item stream is read item by item (model/item-streams.ts).
 */
export function reportItemSchemas(
  reading: SpecReading,
  content: readonly MediaContent[],
  role: "request" | "success" | "error",
): void {
  if (role === "success" && itemStreamed(content)) return;
  for (const c of content) {
    const node = ITEM_SCHEMA_NODES.get(c);
    if (node === undefined) continue;
    const why =
      role === "request"
        ? "a request body is sent whole, as its `schema` types it"
        : role === "error"
          ? "an answer other than a success is read whole, as its `schema` types it"
          : !isItemStreamMediaType(c.mediaType)
            ? "items are typed for text/event-stream, JSON Lines and application/json-seq only"
            : "the response has media types without an item schema too, so it is read whole";
    unsupported32(
      reading,
      `the items of ${c.mediaType} (itemSchema) are kept in the model but not typed: ${why}`,
      node,
    );
  }
}

/** The 3.2 features of a document that apiloom does not read, each reported at its place. */
export function reportUnread32(reading: SpecReading): void {
  if (!reading.isOpenApi32) return;
  const doc = reading.ctx.doc;
  walk(doc.value, [], (path, key) => {
    const message = unread32(path, key);
    if (message !== undefined) unsupported32(reading, message, { doc, path });
  });
}

/** A field that only describes (no change to what is sent or read), which apiloom drops. */
const docsOnly = (what: string) =>
  `${what} is not read: the docs and the merged document leave it out`;

/** A response's status key, or a response's name under components.responses. */
const RESPONSE_KEY = /^([1-5](\d\d|XX)|default)$/;

/** What the warning says of the member at `path` when it is a 3.2 field apiloom does not read. */
function unread32(path: Path, key: string): string | undefined {
  const parent = path.at(-2);
  const grand = path.at(-3);
  if (
    (key === "itemEncoding" || key === "prefixEncoding") &&
    // a media type's (in a content map, among components.mediaTypes), or a nested encoding's
    (grand === "content" ||
      grand === "encoding" ||
      (grand === "mediaTypes" && path.at(-4) === "components"))
  )
    return `${key} (the encoding of a sequential multipart body's parts) is not read: parts are sent as the schema says`;
  if (key === "defaultMapping" && parent === "discriminator")
    return "discriminator.defaultMapping is not read: a value no mapping names is not typed by it";
  if (key === "name" && typeof parent === "number" && grand === "servers")
    return docsOnly("a server's name");
  if (
    key === "summary" &&
    grand === "responses" &&
    typeof parent === "string" &&
    (RESPONSE_KEY.test(parent) || path.at(-4) === "components")
  )
    return docsOnly("a response's summary");
  if (
    key === "serializedValue" &&
    grand === "examples" &&
    parent !== "properties"
  )
    return docsOnly("an example's serializedValue");
  if (key === "nodeType" && parent === "xml") return docsOnly("xml.nodeType");
  return undefined;
}

function walk(
  value: unknown,
  path: Path,
  visit: (path: Path, key: string) => void,
): void {
  if (path.length > 64 || typeof value !== "object" || value === null) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, [...path, i], visit));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    visit([...path, key], key);
    walk(item, [...path, key], visit);
  }
}

/**
 * An HTTP method name (RFC 9110 §9.1, a token) in upper case, as apiloom sends every method: a
 * token of no lower-case letter and at least one upper-case one (two tests, each linear).
 */
const isUpperToken = (name: string) =>
  /^[A-Z0-9!#$%&'*+.^_`|~-]*$/.test(name) && /[A-Z]/.test(name);

/**
 * A path item's `additionalOperations` (3.2): operations of methods OpenAPI does not name (LINK,
 * PURGE, …), the method the key lower-cased. One of OpenAPI's own methods (§4.8.9.1), or a key that
 * is not an upper-case token (apiloom sends methods in upper case), is said at the key and skipped.
 */
export function additionalOperations(
  reading: SpecReading,
  pathItem: RecordNode,
  path: string,
): [HttpMethod, Node][] {
  const node = child(pathItem, "additionalOperations");
  if (node.value === undefined || !reading.isOpenApi32) return [];
  const out: [HttpMethod, Node][] = [];
  for (const [name, operation] of members(node)) {
    const method = name.toLowerCase();
    if (isStandardMethod(method))
      reading.report(
        "invalid-method",
        `${name} ${path} is under additionalOperations, which is for methods OpenAPI does not name: write it as the path item's \`${method}\`; it is skipped`,
        operation,
      );
    else if (!isUpperToken(name) || method in Object.prototype)
      unsupported32(
        reading,
        `additionalOperations ${JSON.stringify(name)} of ${path} is skipped: apiloom reads methods that are upper-case HTTP tokens (LINK, M-SEARCH), as it sends every method`,
        operation,
      );
    else out.push([method, operation]);
  }
  return out;
}
