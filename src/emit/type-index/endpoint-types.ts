import type {
  Endpoint,
  MediaContent,
  Parameter,
  ApiResponse,
} from "../../model/types.js";
import { jsdocLines } from "../shared/escape.js";
import {
  decodedAs,
  isBytesMediaType,
  sentAsGiven,
  isJsonMediaType,
  sentContent,
  undescribedBody,
} from "../shared/media-types.js";
import { stringLiteral } from "../shared/literals.js";
import {
  baseMediaType,
  bodyReading,
  fieldlessForm,
  firstListings,
} from "../../model/media-types.js";
import { itemStreamed } from "../../model/item-streams.js";
import { admitsType } from "../../model/schema/schema.js";
import { docLines } from "./doc-lines.js";
import {
  schemaToType,
  type SchemaMode,
  type SchemaNaming,
} from "./schema-to-type.js";
import {
  isUnknownType,
  member,
  raw,
  union,
  UNKNOWN,
  type ObjectMember,
  type TypeNode,
} from "./type-node.js";

/** Header parameters a caller supplies: all of the model's (see EndpointParameters). */
export function headerParameters(endpoint: Endpoint): Parameter[] {
  return endpoint.parameters.header;
}

/** Every declared status that is not 2XX, `default` included. */
export function errorStatuses(endpoint: Endpoint): string[] {
  return endpoint.responses
    .filter((r) => !r.status.startsWith("2"))
    .map((r) => r.status);
}

/** A parameter no source types is text on the wire: a string or a number (sent as its text). */
const UNTYPED_PARAMETER: TypeNode = union([raw("string"), raw("number")]);

/** Whether a parameter has no type in any source. */
export function isUntyped(parameter: Parameter): boolean {
  return parameter.schema === undefined;
}

/** An object type with one member per parameter, required as the spec says. */
export function parametersType(
  parameters: Parameter[],
  naming: SchemaNaming,
): TypeNode {
  const members = parameters.map((p): ObjectMember => {
    const type =
      p.schema === undefined
        ? UNTYPED_PARAMETER
        : schemaToType(p.schema, naming, "write");
    // the facts docLines reads of the schema; the text and the deprecation the parameter's own
    const doc = docLines({
      ...p.schema,
      title: undefined,
      description: p.description,
      deprecated: p.deprecated,
    });
    return member(p.name, !p.required, type, doc);
  });
  return { kind: "object", members };
}

/** A request body's type: its sent media type's ({@link sentContent}), in `write` or `form` mode. */
export function requestBodyType(content: MediaContent[], naming: SchemaNaming) {
  const sent = sentContent(content);
  return contentType(sent, naming, requestBodyMode(sent));
}

/**
 * A request body's type as the generated server hands it to a handler once checked: the union of
 * {@link receivedBodyVariants}. Undefined when they are, and when no media type brings a body.
 */
export function receivedBodyType(
  content: MediaContent[],
  naming: SchemaNaming,
  json: SchemaMode,
): TypeNode | undefined {
  const variants = receivedBodyVariants(content, naming, json);
  return variants?.length ? union(variants.map((v) => v.type)) : undefined;
}

/**
 * The media types a handler may get a body as (the server's `listedMediaType`) with its type: a
 * JSON one's schema type in `json` mode, a text one's string (none when its schema admits none),
 * a range's `unknown`, bytes a Blob, a form as the client types it; none for one JSON, text or form.
 */
export function receivedBodyVariants(
  content: MediaContent[],
  naming: SchemaNaming,
  json: SchemaMode,
): { mediaType: string; type: TypeNode }[] | undefined {
  if (content.length < 2 && !content.some((c) => isBytesMediaType(c.mediaType)))
    return undefined;
  return firstListings(content).flatMap(({ type: mediaType, content: c }) => {
    const type = bodyTypeAs(c, naming, json);
    return type ? [{ mediaType, type }] : [];
  });
}

function bodyTypeAs(c: MediaContent, naming: SchemaNaming, json: SchemaMode) {
  const reading = bodyReading(c.mediaType);
  if (reading === "range") return UNKNOWN;
  if (reading === "text")
    return !c.schema || admitsType(naming.schemas, c.schema, "string")
      ? raw("string")
      : undefined;
  if (isBytesMediaType(c.mediaType)) return raw("Blob");
  return contentType([c], naming, reading === "json" ? json : "form");
}

/** A webhook payload's type: as `requestBodyType`, but JSON in `read` mode (the API sends it). */
export function payloadType(content: MediaContent[], naming: SchemaNaming) {
  const sent = sentContent(content);
  const mode = requestBodyMode(sent);
  return contentType(sent, naming, mode === "write" ? "read" : mode);
}

/** `write` for a JSON request body, else `form`. */
export function requestBodyMode(sent: MediaContent[]): SchemaMode {
  return sent.length > 0 && sent.every((c) => isJsonMediaType(c.mediaType))
    ? "write"
    : "form";
}

/** How a body not sent as JSON is typed: url-encoded fields travel as text (`format: binary` too), else a binary string is a Blob. */
export const formMode = (c: MediaContent): SchemaMode =>
  baseMediaType(c.mediaType) === "application/x-www-form-urlencoded"
    ? "write"
    : "form";

/** The distinct types of a body's media types, joined in a union. */
export function contentType(
  content: MediaContent[],
  naming: SchemaNaming,
  mode: SchemaMode,
): TypeNode {
  if (content.length === 0) return UNKNOWN;
  const typed = (c: MediaContent) => {
    const form = mode === "form";
    const whole = form && fieldlessForm(c, naming.schemas);
    if (whole) return raw(whole); // a form without fields: the FormData or text given
    // bytes no string passes for: the client sends the text or Blob given as they are
    if (form && sentAsGiven(c, naming.schemas))
      return union([raw("string"), raw("Blob")]);
    return c.schema
      ? schemaToType(c.schema, naming, form ? formMode(c) : mode)
      : decodedType(undescribedBody(c.mediaType));
  };
  if (mode !== "read") return union(content.map(typed));
  // what the client decodes as JSON (or parses from a stream) first: the type a caller reads most
  const decoded = content.map((c) => decodedAs(c.mediaType));
  const parsed = (as: (typeof decoded)[number]) =>
    as === "json" || as === "stream";
  return union([
    ...content.filter((_, i) => parsed(decoded[i]!)).map(typed),
    ...decoded.filter((as) => !parsed(as)).map(decodedType),
  ]);
}

/** What the client hands over for a body it does not parse: a string, a Blob, or unknown. */
function decodedType(
  as: ReturnType<typeof decodedAs | typeof undescribedBody>,
): TypeNode {
  return as === "text"
    ? raw("string")
    : as === "blob" || as === "binary"
      ? raw("Blob")
      : UNKNOWN;
}

/** Body type of one response: `undefined` for statuses that never carry one. */
export function responseType(
  response: ApiResponse,
  naming: SchemaNaming,
  /** A success: typed by its items' schemas when its content is an item stream (OpenAPI 3.2). */
  success = false,
): TypeNode {
  if (success && itemStreamed(response.content))
    return union(
      response.content.map((c) => schemaToType(c.itemSchema!, naming, "read")),
    );
  if (response.content.length > 0)
    return contentType(response.content, naming, "read");
  return ["204", "205", "304"].includes(response.status)
    ? raw("undefined")
    : UNKNOWN;
}

/** `Responses["200"] | Responses["201"]`; `unknown` for no status, or one typed `unknown`. */
export function statusUnion(
  responsesName: string,
  statuses: string[],
  typeOf: (status: string) => TypeNode,
): TypeNode {
  if (statuses.length === 0) return UNKNOWN;
  if (statuses.some((s) => isUnknownType(typeOf(s)))) return UNKNOWN;
  return union(
    statuses.map((s) => raw(`${responsesName}[${stringLiteral(s)}]`)),
  );
}

/** A one-line JSDoc naming the operation a per-endpoint type belongs to: `Arguments of GET /`. */
export function endpointDoc(what: string, endpoint: Endpoint): string[] {
  return jsdocLines(
    `${what} of \`${endpoint.method.toUpperCase()} ${endpoint.path}\`.`,
  );
}
