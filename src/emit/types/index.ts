/**
 * TypeScript types for an API model: the shared `types.ts` of the generated output.
 *
 * Public API (used by the client and the server emitters):
 *
 * - `TYPES_FILE` — `"types.ts"`, the path of the file relative to the output folder.
 * - `createTypeIndex(model)` → `TypeIndex`: the naming decisions, made once per model.
 *   - `index.schemaTypeName(schemaName, mode?)` — the TS name of a named schema
 *     (`mode: "write"` gives the request variant, which is the same name unless the schema has
 *     required readOnly/writeOnly members somewhere inside).
 *   - `index.endpoint(endpoint)` → `EndpointTypes`: the names of that endpoint's types and which
 *     request members are required (see below).
 *   - `index.typeOf(schema, mode)` → `TypeNode` and `printType(node)` for a type expression.
 * - `emitTypesFile(model, index?)` → `GeneratedFile` `{ path: "types.ts", contents }`. Both the
 *   client and the server return it; the text is identical for the same model.
 *
 * What `types.ts` declares:
 *
 * - One type per named schema (`model.schemas`, sorted by name), named from the schema name:
 *   kept when it is an identifier without underscores (first letter upper-cased), PascalCased
 *   otherwise (`objs_user` → `ObjsUser`, `person.v2` → `PersonV2`); on a clash with another
 *   name (an endpoint type, a global such as `Response`, another schema) `Model` then a number
 *   is appended. Object schemas become interfaces, everything else a type alias. That type is
 *   the response (read) reading: writeOnly members are optional. A schema whose request (write)
 *   reading differs — it requires a readOnly or writeOnly member, or references such a schema —
 *   also gets `<Name>Write`, where readOnly members are optional; request bodies use it.
 * - Per endpoint, with `<Name>` = `endpoint.name` with its first letter upper-cased:
 *   - `<Name>Path`, `<Name>Query`, `<Name>Headers` — interfaces with one member per
 *     parameter, optional unless the parameter is required. Declared only when the endpoint
 *     has such parameters. Header parameters named Accept, Content-Type or Authorization are
 *     left out (OpenAPI 3.1 §4.8.12.1); cookie parameters are not typed.
 *   - `<Name>Body` — declared only when the endpoint has a request body: the union of the
 *     types of its media types (write reading); a media type without a schema gives `string`
 *     for text/*, `Blob` for octet-stream/image/audio/video, `unknown` otherwise.
 *   - `<Name>Responses` — always declared: one member per declared status (`"200"`, `"4XX"`,
 *     `default`) typed as that response's body; `unknown` when no schema says, `undefined` for
 *     204/205/304 without content, `{}` (no members) when no response is declared.
 *   - `<Name>Data` — the body of a success: `<Name>Responses["2.."]` members joined, else the
 *     `default` member when no 2XX is declared, else `unknown`.
 *   - `<Name>Error` — the body of any other status: the non-2XX members joined, else `unknown`.
 *   - `<Name>Request` — `{ path, query, headers, body }` holding only the members the endpoint
 *     has; `path` is required when present, `query`/`headers` when one of their parameters is
 *     required, `body` when the request body is required. An endpoint with nothing gets an empty
 *     interface, so its function can be called without arguments.
 *   - `<Name>Result` is reserved for the client (it needs the client runtime's `ApiResult`).
 * - No schema means `unknown`, never `any`.
 */
import type { ApiModel, Endpoint, Schema } from "../../model/types.js";
import type { GeneratedFile } from "../artifact.js";
import { jsdocLines } from "../shared/escape.js";
import {
  contentType,
  endpointDoc,
  errorStatuses,
  headerParameters,
  parametersType,
  responseType,
  statusUnion,
  successStatuses,
} from "./endpoint-types.js";
import { endpointTypeBase, schemaTypeNames } from "./names.js";
import { flat, printDoc, printObject, printTypeAlias } from "./print.js";
import {
  docLines,
  schemaToType,
  type SchemaMode,
  type SchemaNaming,
} from "./schema-to-type.js";
import type { ObjectMember, TypeNode } from "./type-node.js";
import { schemasWithWriteVariant } from "./write-variants.js";

export type { SchemaMode } from "./schema-to-type.js";
export type { TypeNode } from "./type-node.js";
export { ENDPOINT_TYPE_SUFFIXES } from "./names.js";

export const TYPES_FILE = "types.ts";

export interface EndpointTypes {
  /** `<Name>`: the prefix of every type of this endpoint. */
  base: string;
  /** Declared type names; undefined when the endpoint has no such part. */
  path?: string;
  query?: string;
  headers?: string;
  body?: string;
  responses: string;
  data: string;
  error: string;
  request: string;
  /** Reserved for the client's `ApiResult<<Name>Data, <Name>Error>` alias. */
  result: string;
  /** Which members of `<Name>Request` are required. */
  required: { path: boolean; query: boolean; headers: boolean; body: boolean };
  /** True when `<Name>Request` has no required member (the argument may be omitted). */
  argsOptional: boolean;
  /** Statuses whose bodies make up `<Name>Data` and `<Name>Error`. */
  successStatuses: string[];
  errorStatuses: string[];
}

export interface TypeIndex extends SchemaNaming {
  readonly model: ApiModel;
  schemaTypeName(schemaName: string, mode?: SchemaMode): string;
  endpoint(endpoint: Endpoint): EndpointTypes;
  typeOf(schema: Schema | undefined, mode: SchemaMode): TypeNode;
}

export function createTypeIndex(model: ApiModel): TypeIndex {
  const names = schemaTypeNames(model);
  const writeVariants = schemasWithWriteVariant(model.schemas);
  const taken = new Set(names.values());
  const writeNames = new Map<string, string>();
  for (const schemaName of [...writeVariants].sort()) {
    const base = names.get(schemaName) ?? "Schema";
    let name = `${base}Write`;
    for (let i = 2; taken.has(name); i++) name = `${base}Write${i}`;
    taken.add(name);
    writeNames.set(schemaName, name);
  }
  const schemaTypeName = (schemaName: string, mode: SchemaMode = "read") =>
    (mode === "write" ? writeNames.get(schemaName) : undefined) ??
    names.get(schemaName) ??
    "unknown"; // a dangling $ref: the readers report it; the type stays honest
  const index: TypeIndex = {
    model,
    schemaTypeName,
    refName: schemaTypeName,
    endpoint: (endpoint) => endpointTypes(endpoint),
    typeOf: (schema, mode) => schemaToType(schema, index, mode),
  };
  return index;
}

function endpointTypes(endpoint: Endpoint): EndpointTypes {
  const base = endpointTypeBase(endpoint);
  const { path, query } = endpoint.parameters;
  const headers = headerParameters(endpoint);
  const required = {
    path: path.length > 0,
    query: query.some((p) => p.required),
    headers: headers.some((p) => p.required),
    body: endpoint.requestBody?.required === true,
  };
  const out: EndpointTypes = {
    base,
    responses: `${base}Responses`,
    data: `${base}Data`,
    error: `${base}Error`,
    request: `${base}Request`,
    result: `${base}Result`,
    required,
    argsOptional: !Object.values(required).some(Boolean),
    successStatuses: successStatuses(endpoint),
    errorStatuses: errorStatuses(endpoint),
  };
  if (path.length > 0) out.path = `${base}Path`;
  if (query.length > 0) out.query = `${base}Query`;
  if (headers.length > 0) out.headers = `${base}Headers`;
  if (endpoint.requestBody) out.body = `${base}Body`;
  return out;
}

/** Prints a type expression on its own (flat when it fits, as prettier would break it otherwise). */
export function printType(node: TypeNode): string {
  return (
    flat(node) ?? printTypeAlias("type T", node).slice("type T = ".length, -2)
  );
}

const HEADER =
  "// Generated by apiloom from the API description. Do not edit.\n";

export function emitTypesFile(
  model: ApiModel,
  index: TypeIndex = createTypeIndex(model),
): GeneratedFile {
  const blocks: string[] = [];
  const schemaNames = Object.keys(model.schemas).sort();
  for (const schemaName of schemaNames) {
    const named = model.schemas[schemaName]!;
    const doc = docLines(named.schema);
    blocks.push(
      declaration(
        index.schemaTypeName(schemaName),
        index.typeOf(named.schema, "read"),
        doc,
      ),
    );
    const write = index.schemaTypeName(schemaName, "write");
    if (write !== index.schemaTypeName(schemaName))
      blocks.push(
        declaration(write, index.typeOf(named.schema, "write"), [
          ...jsdocLines(
            `\`${index.schemaTypeName(schemaName)}\` as a request sends it: readOnly members are optional.`,
          ),
        ]),
      );
  }
  for (const endpoint of model.endpoints)
    blocks.push(endpointDeclarations(endpoint, index));
  return {
    path: TYPES_FILE,
    contents: blocks.length > 0 ? `${HEADER}\n${blocks.join("\n")}` : HEADER,
  };
}

/** `export interface` for object types, `export type` for the rest. */
function declaration(
  name: string,
  node: TypeNode,
  doc: string[] | undefined,
): string {
  const prefix = doc ? printDoc(doc, 0) : "";
  if (node.kind === "object" && !node.inline) {
    if (node.members.length === 0 && !node.index)
      return `${prefix}export interface ${name} {}\n`;
    return `${prefix}export interface ${name} ${printObject(node, 0)}\n`;
  }
  return prefix + printTypeAlias(`export type ${name}`, node);
}

function endpointDeclarations(endpoint: Endpoint, index: TypeIndex): string {
  const t = index.endpoint(endpoint);
  const out: string[] = [];
  const requestMembers: ObjectMember[] = [];
  const parts = [
    ["path", t.path, endpoint.parameters.path, "Path parameters"],
    ["query", t.query, endpoint.parameters.query, "Query parameters"],
    ["headers", t.headers, headerParameters(endpoint), "Header parameters"],
  ] as const;
  for (const [member, name, parameters, what] of parts) {
    if (!name) continue;
    out.push(
      declaration(
        name,
        parametersType(parameters, index),
        endpointDoc(what, endpoint),
      ),
    );
    requestMembers.push({
      name: member,
      optional: !t.required[member],
      type: { kind: "raw", text: name },
    });
  }
  if (t.body && endpoint.requestBody) {
    out.push(
      declaration(
        t.body,
        contentType(endpoint.requestBody.content, index, "write"),
        endpointDoc("Request body", endpoint),
      ),
    );
    requestMembers.push({
      name: "body",
      optional: !t.required.body,
      type: { kind: "raw", text: t.body },
    });
  }
  const responseMembers = endpoint.responses.map((r): ObjectMember => {
    const member: ObjectMember = {
      name: r.status,
      optional: false,
      type: responseType(r, index),
    };
    const doc = docLines({ description: r.description });
    if (doc) member.doc = doc;
    return member;
  });
  const typeOfStatus = (status: string) =>
    responseMembers.find((m) => m.name === status)!.type;
  out.push(
    declaration(
      t.responses,
      { kind: "object", members: responseMembers },
      endpointDoc("Response bodies by status", endpoint),
    ),
  );
  out.push(
    declaration(
      t.data,
      statusUnion(t.responses, t.successStatuses, typeOfStatus),
      undefined,
    ),
  );
  out.push(
    declaration(
      t.error,
      statusUnion(t.responses, t.errorStatuses, typeOfStatus),
      undefined,
    ),
  );
  out.push(
    declaration(
      t.request,
      { kind: "object", members: requestMembers },
      endpointDoc("Arguments", endpoint),
    ),
  );
  return out.join("\n");
}
