import {
  fetchSendsBody,
  baseMediaType,
  schemesByName,
  decodedAs,
  HTTP_METHODS,
  isJsonMediaType,
  mainType,
  REQUEST_PARTS,
  resolveSchema,
  scopeAlternatives,
  scopesSentence,
  sentAsGiven,
  sentContent,
  setOwn,
} from "../toolkit.js";
import type {
  ApiModel,
  Endpoint,
  HttpMethod,
  MediaContent,
  NamedSchema,
  Parameter,
  RequestBody,
  Schema,
} from "../../model/types.js";
import type { JsonObject, ToolSchemas } from "./json-schema.js";

/** Methods that change nothing (RFC 9110 §9.2.1; QUERY is safe too). */
const SAFE = new Set<HttpMethod>(["get", "head", "options", "trace", "query"]);
/** Methods whose repeat does what the first call did (RFC 9110 §9.2.2). */
const IDEMPOTENT = new Set<HttpMethod>([...SAFE, "put", "delete"]);
/** Methods that may overwrite or remove what exists (POST only adds). */
const DESTRUCTIVE = new Set<HttpMethod>(["put", "patch", "delete"]);

/** A title's most characters: a summary is a line. */
const TITLE_LENGTH = 120;

/** One endpoint as an MCP tool (the runtime's `ToolSpec`): texts, annotations, input and output. */
export function toolSpec(
  model: ApiModel,
  endpoint: Endpoint,
  schemas: ToolSchemas,
): JsonObject {
  const method = endpoint.method.toUpperCase();
  const credentials = keyPlaces(model, endpoint); // left out of the input
  const properties: JsonObject = {};
  const required: string[] = [];
  const left: string[] = [];
  for (const [location, part] of REQUEST_PARTS) {
    const kept: Parameter[] = [];
    for (const p of endpoint.parameters[location])
      if (credentials.has(credentialKey(location, p.name))) left.push(p.name);
      else kept.push(p);
    if (kept.length === 0) continue;
    properties[part] = parameterGroup(kept, schemas, location === "path");
    if (kept.some((p) => p.required)) required.push(part);
  }
  const body = endpoint.requestBody;
  const uploads: string[] = [];
  if (body && body.content.length > 0 && fetchSendsBody(endpoint)) {
    setOwn(properties, "body", bodySchema(model, body, schemas, uploads));
    if (body.required) required.push("body");
  }
  const spec: JsonObject = {
    name: endpoint.name,
    title: title(endpoint, method),
    description: description(endpoint, method),
    method,
    path: endpoint.path,
    tags: endpoint.tags,
    annotations: {
      readOnlyHint: SAFE.has(endpoint.method),
      // a method of the description's own (OpenAPI 3.2) may do anything: destructive
      destructiveHint:
        DESTRUCTIVE.has(endpoint.method) ||
        !HTTP_METHODS.includes(endpoint.method),
      idempotentHint: IDEMPOTENT.has(endpoint.method),
      openWorldHint: true,
    },
    input: closedObject(properties, required),
  };
  const output = outputSchema(endpoint, schemas);
  if (output) spec["output"] = output;
  if (left.length > 0) spec["credentials"] = left;
  if (uploads.length > 0) spec["uploads"] = uploads;
  return spec;
}

/** Where the API-key schemes send keys: those `endpoint`'s security names, all where it names none. */
export function keyPlaces(model: ApiModel, endpoint?: Endpoint) {
  const places = new Map<string, { in: string; name: string }>();
  const named = endpoint?.security?.flatMap(Object.keys);
  for (const [name, scheme] of schemesByName(model)) {
    if (scheme.type !== "apiKey" || named?.includes(name) === false) continue;
    const key = credentialKey(scheme.in, scheme.parameterName);
    if (!places.has(key))
      places.set(key, { in: scheme.in, name: scheme.parameterName });
  }
  return places;
}

/** Header names are one whatever their case. */
function credentialKey(location: string, name: string): string {
  return `${location} ${location === "header" ? name.toLowerCase() : name}`;
}

function parameterGroup(
  parameters: Parameter[],
  schemas: ToolSchemas,
  inPath: boolean,
): JsonObject {
  const properties: JsonObject = {};
  for (const p of parameters) {
    // a parameter no source types is text on the wire: a string or a number (as types.ts has it)
    const schema: JsonObject =
      p.schema === undefined
        ? { type: ["string", "number"] }
        : schemas.write(p.schema);
    if (p.description && schema["description"] === undefined)
      schema["description"] = p.description;
    if (p.deprecated) schema["deprecated"] = true;
    // the client refuses an empty path segment (it would change the path): so does the schema
    if (inPath && schema["minLength"] === undefined) schema["minLength"] = 1;
    setOwn(properties, p.name, schema);
  }
  const required = parameters.filter((p) => p.required).map((p) => p.name);
  return closedObject(properties, required);
}

/** An object of these properties only (a tool's input, a group of parameters). */
function closedObject(properties: JsonObject, required: string[]): JsonObject {
  const some: JsonObject = required.length > 0 ? { required } : {};
  return { type: "object", properties, ...some, additionalProperties: false };
}

/** The body the client sends (JSON first, then forms); its places of bytes added to `uploads`. */
function bodySchema(
  model: ApiModel,
  { content, description }: RequestBody,
  schemas: ToolSchemas,
  uploads: string[],
): JsonObject {
  const media = sentContent(content);
  const sent = media[0]!.mediaType;
  // bytes no string passes for (XML under an object schema): the text sent as it is
  const written = media.map((c) =>
    sentAsGiven(c, model.schemas) ||
    (!c.schema && decodedAs(c.mediaType) === "text")
      ? { type: "string" }
      : c.schema
        ? schemas.write(c.schema)
        : {},
  );
  let schema: JsonObject =
    written.length === 1 ? written[0]! : { anyOf: written };
  const places =
    media.length === 1 ? uploadPlaces(model.schemas, media[0]!) : [];
  if (places.length > 0) {
    schema = withUploads(schema, places, () =>
      schemas.write(resolveSchema(model.schemas, media[0]!.schema)),
    );
    for (const p of places) uploads.push(p.field);
  }
  if (description && schema["description"] === undefined)
    schema["description"] = description;
  if (!isJsonMediaType(sent)) schema["contentMediaType"] = sent;
  return schema;
}

/** `{ status, body }` of a success when every declared one has a JSON body with a schema, or none. */
function outputSchema(
  endpoint: Endpoint,
  schemas: ToolSchemas,
): JsonObject | undefined {
  // an answer to HEAD has no body (RFC 9110 §9.3.2), whatever content it declares
  if (endpoint.method === "head") return undefined;
  const successes = endpoint.responses.filter((r) => /^2/.test(r.status));
  const bodies: JsonObject[] = [];
  let bodiless = false;
  for (const response of successes) {
    // the client asks for JSON first (XML offered beside it goes at q=0.5): the JSON bodies
    const json = response.content.filter((c) => isJsonMediaType(c.mediaType));
    // a 204 or 205 has no body (RFC 9110 §15.3.5-6), whatever content it declares
    if (response.content.length === 0 || /^20[45]$/.test(response.status))
      bodiless = true;
    else if (json.length === 0 || json.some((c) => !c.schema)) return undefined;
    else for (const c of json) bodies.push(schemas.write(c.schema));
  }
  if (bodies.length === 0) return undefined;
  return {
    type: "object",
    properties: {
      status: { type: "integer", minimum: 200, maximum: 299 },
      body: bodies.length === 1 ? bodies[0]! : { anyOf: bodies },
    },
    required: bodiless ? ["status"] : ["status", "body"],
  };
}

function title(endpoint: Endpoint, method: string): string {
  const summary = (endpoint.summary ?? "").replace(/\s+/g, " ").trim();
  if (summary === "") return `${method} ${endpoint.path}`;
  // cut between characters: not inside a surrogate pair (an emoji)
  return summary.length > TITLE_LENGTH
    ? `${summary.slice(0, TITLE_LENGTH - 1).replace(/[\uD800-\uDBFF]$/, "")}…`
    : summary;
}

function description(endpoint: Endpoint, method: string): string {
  const paragraphs: string[] = [];
  const summary = endpoint.summary?.trim();
  const text = endpoint.description?.trim();
  if (summary) paragraphs.push(summary);
  if (text && text !== summary) paragraphs.push(text);
  paragraphs.push(`\`${method} ${endpoint.path}\``);
  const scopes = scopeAlternatives(endpoint);
  if (scopes.length > 0) paragraphs.push(scopesSentence(scopes));
  if (endpoint.deprecated) paragraphs.push("Deprecated.");
  return paragraphs.join("\n\n");
}

/** Where the client takes a Blob, the agent gives base64 text (templates/mcp/upload.ts). */
const BASE64: JsonObject = { type: "string", contentEncoding: "base64" };

/** A place of a body that is bytes: the body itself (`""`), or a multipart field. */
interface Upload {
  field: string;
  /** The field is an array of files: each item a part. */
  array: boolean;
}

/**
 * The places of `content` (the one media type sent) that are bytes: the body itself (a binary
 * media type or string), else the multipart fields that are binary strings (or arrays of them).
 */
function uploadPlaces(
  schemas: Readonly<Record<string, NamedSchema>>,
  content: MediaContent,
): Upload[] {
  const schema = resolveSchema(schemas, content.schema);
  const type = baseMediaType(content.mediaType);
  if (type === "multipart/form-data") {
    const out: Upload[] = [];
    for (const [name, property] of Object.entries(schema?.properties ?? {})) {
      const field = resolveSchema(schemas, property);
      if (isBinary(field)) out.push({ field: name, array: false });
      else if (
        mainType(field) === "array" &&
        typeof field?.items === "object" &&
        !Array.isArray(field.items) &&
        isBinary(resolveSchema(schemas, field.items))
      )
        out.push({ field: name, array: true });
    }
    return out;
  }
  // a url-encoded form's fields are text, and JSON's binary string a string, as the client sends
  if (type === "application/x-www-form-urlencoded" || isJsonMediaType(type))
    return [];
  const unschemed = schema === undefined || mainType(schema) === "string";
  return isBinary(schema) || (decodedAs(type) === "blob" && unschemed)
    ? [{ field: "", array: false }]
    : [];
}

function isBinary(schema: Schema | undefined): boolean {
  return mainType(schema) === "string" && schema?.format === "binary";
}

/**
 * `written` (the body's tool schema) with each of `places` as base64 text (an array's items); a
 * `$ref` for the object itself is replaced by `inline()`, so that its fields can say so.
 */
function withUploads(
  written: JsonObject,
  places: readonly Upload[],
  inline: () => JsonObject,
): JsonObject {
  const notes = (schema: JsonObject): JsonObject =>
    schema["description"] === undefined
      ? {}
      : { description: schema["description"] };
  if (places.some((p) => p.field === ""))
    return { ...BASE64, ...notes(written) };
  const object = written["$ref"] === undefined ? written : inline();
  const properties = { ...(object["properties"] as JsonObject) };
  for (const { field: name, array } of places) {
    const field = properties[name] as JsonObject;
    const own = field["$ref"] === undefined ? field : {};
    setOwn(
      properties,
      name,
      array
        ? { ...own, type: "array", items: { ...BASE64 }, ...notes(field) }
        : { ...BASE64, ...notes(field) },
    );
  }
  return { ...object, properties };
}
