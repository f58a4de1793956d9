/**
 * The type index: the TypeScript names and type expressions of an API model, which the `types`
 * artifact declares in the shared `types.ts` of the generated output (src/emit/types/) and the
 * client, the server and the validators refer to.
 *
 * - `createTypeIndex(model)` → `TypeIndex`: the naming decisions, made once per run (src/emit/run.ts;
 *   plugins read it as their context's `types`).
 *   - `index.schemaTypeName(schemaName, mode?)` — the TS name of a named schema
 *     (`mode: "write"` gives the request variant, which is the same name unless the schema has
 *     required readOnly/writeOnly members somewhere inside).
 *   - `index.endpoint(endpoint)` → `EndpointTypes`: the names of that endpoint's types and which
 *     request members are required (see below).
 *   - `index.typeOf(schema, mode)` → `TypeNode` and `printType(node)` for a type expression.
 * - `emitTypesFile(model, index)` (src/emit/types/types-file.ts) → `{ path: "types.ts", contents }`,
 *   what the `types` artifact's plugin returns. The client, the server and the validators import
 *   the file; the run makes it once, as an artifact they need.
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
 *   - `<Name>Path`, `<Name>Query`, `<Name>Headers`, `<Name>Cookies` — interfaces with one member per
 *     parameter, optional unless the parameter is required. Declared only when the endpoint
 *     has such parameters. Header parameters named Accept, Content-Type or Authorization are
 *     left out (OpenAPI 3.1 §4.8.12.1).
 *   - `<Name>Body` — declared only when the endpoint has a request body: the union of the
 *     types of its media types (write reading); a media type without a schema gives `string`
 *     for text/*, `Blob` for octet-stream/image/audio/video, `unknown` otherwise.
 *   - `<Name>Responses` — always declared: one member per declared status (`"200"`, `"4XX"`,
 *     `default`) typed as that response's body; `unknown` when no schema says, `undefined` for
 *     204/205/304 without content, `{}` (no members) when no response is declared.
 *   - `<Name>Data` — the body of a success: `<Name>Responses["2.."]` members joined, else the
 *     `default` member when no 2XX is declared, else `unknown`.
 *   - `<Name>Error` — the body of any other status: the non-2XX members joined, else `unknown`.
 *   - `<Name>Request` — `{ path, query, headers, cookies, body }` holding only the members the
 *     endpoint has; `path` is required when present, `query`/`headers`/`cookies` when one of
 *     their parameters is required, `body` when the request body is required. An endpoint with nothing gets an empty
 *     interface, so its function can be called without arguments.
 *   - `<Name>Result` is reserved for the client (it needs the client runtime's `ApiResult`).
 * - No schema means `unknown`, never `any`.
 */
export { ENDPOINT_TYPE_SUFFIXES } from "./names.js";
export { flat } from "./print.js";
export type { SchemaMode } from "./schema-to-type.js";
export type { TypeNode } from "./type-node.js";
export {
  createTypeIndex,
  printType,
  type EndpointTypes,
  type TypeIndex,
} from "./type-index.js";
