/**
 * The normalized endpoint model: the one shape every reader produces and every emitter reads.
 * Schemas are in one dialect, JSON Schema 2020-12 as OpenAPI 3.1 uses it: readers translate
 * (Swagger 2.0 `type: file` becomes `format: binary`, `nullable` a type array), and a `$ref`
 * always points at `#/components/schemas/<name>`, `<name>` a key of {@link ApiModel.schemas}.
 */
import type { PatternGuard } from "./patterns/guard.js";
import type { Severity } from "./diagnostics/code-info.js";

export type { Severity };

/** Where a fact came from: `file` as given on the command line (with `/`), 1-based line and column. */
export interface SourceRef {
  file: string;
  line: number;
  column: number;
  /** JSON pointer inside the document (with the document index for YAML streams: `#1/paths/...`). */
  pointer: string;
}

/**
 * Every diagnostic code, as the keys of this interface: the registry (src/diagnostic-codes.ts)
 * adds each layer's by declaration merging, since the model cannot import the layers above it.
 */
export interface DiagnosticCodes {}

export interface Diagnostic {
  severity: Severity;
  /** Stable code (`parse/invalid-json`), declared with its severity by the layer reporting it. */
  code: keyof DiagnosticCodes;
  message: string;
  file: string;
  line: number;
  column: number;
  /** Other places the diagnostic is about (the other side of a conflict). */
  related?: SourceRef[];
}

/**
 * The methods OpenAPI names, with 3.2's QUERY. An endpoint's method is lower-cased: one of these,
 * or any an OpenAPI 3.2 path item lists under `additionalOperations` (`link` for LINK).
 */
const STANDARD_METHODS = [
  "get",
  "put",
  "post",
  "delete",
  "options",
  "head",
  "patch",
  "trace",
  "query",
] as const;
export type StandardHttpMethod = (typeof STANDARD_METHODS)[number];
export const HTTP_METHODS: readonly StandardHttpMethod[] = STANDARD_METHODS;
export type HttpMethod = StandardHttpMethod | (string & {});

/** True when `method` is one OpenAPI names (and QUERY), not one of `additionalOperations`. */
export function isStandardMethod(method: string): method is StandardHttpMethod {
  return (HTTP_METHODS as readonly string[]).includes(method);
}

export const PARAMETER_LOCATIONS = [
  "path",
  "query",
  "header",
  "cookie",
] as const;
export type ParameterLocation = (typeof PARAMETER_LOCATIONS)[number];

/** A JSON Schema (2020-12 / OpenAPI 3.1 dialect). Unknown keywords are kept. */
export interface Schema {
  $ref?: string;
  type?: SchemaType | SchemaType[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  prefixItems?: Schema[];
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  not?: Schema;
  discriminator?: { propertyName: string; mapping?: Record<string, string> };
  title?: string;
  description?: string;
  default?: unknown;
  examples?: unknown[];
  readOnly?: boolean;
  writeOnly?: boolean;
  deprecated?: boolean;
  [keyword: string]: unknown;
}

export type SchemaType =
  "string" | "number" | "integer" | "boolean" | "array" | "object" | "null";

export interface NamedSchema {
  name: string;
  schema: Schema;
  sources: SourceRef[];
}

export interface ServerVariable {
  default: string;
  enum?: string[];
  description?: string;
}

export interface Server {
  url: string;
  description?: string;
  variables?: Record<string, ServerVariable>;
  sources: SourceRef[];
}

export interface OAuthFlow {
  authorizationUrl?: string;
  tokenUrl?: string;
  refreshUrl?: string;
  /** The device authorization flow's (RFC 8628; OpenAPI 3.2). */
  deviceAuthorizationUrl?: string;
  scopes: Record<string, string>;
}

export type SecuritySchemeKind =
  | { type: "http"; scheme: string; bearerFormat?: string }
  | {
      type: "apiKey";
      /** The header, query parameter or cookie that carries the key (OpenAPI's apiKey `name`). */
      parameterName: string;
      in: "header" | "query" | "cookie";
    }
  | {
      type: "oauth2";
      flows: {
        implicit?: OAuthFlow;
        password?: OAuthFlow;
        clientCredentials?: OAuthFlow;
        authorizationCode?: OAuthFlow;
        /** OpenAPI 3.2: RFC 8628's device authorization grant. */
        deviceAuthorization?: OAuthFlow;
      };
      /** OpenAPI 3.2: where the authorization server's metadata is (RFC 8414). */
      oauth2MetadataUrl?: string;
    }
  | { type: "openIdConnect"; openIdConnectUrl: string };

export type SecurityScheme = SecuritySchemeKind & {
  /** Key under which the scheme is registered (components.securitySchemes). */
  name: string;
  description?: string;
  /** True when apiloom made the scheme up from indirect evidence (prose, an Authorization header). */
  inferred?: boolean;
  /** OpenAPI 3.2: the scheme is on its way out. */
  deprecated?: boolean;
  /** Its `x-` members, as written, for openapi.json. */
  extensions?: Record<string, unknown>;
  sources: SourceRef[];
};

/**
 * One alternative of a security requirement: scheme name to required scopes. An endpoint's
 * `security` is a list of alternatives (any one suffices); an empty list means no auth.
 */
export type SecurityRequirement = Record<string, string[]>;

export interface Example {
  name?: string;
  summary?: string;
  value?: unknown;
}

export interface MediaContent {
  mediaType: string;
  schema?: Schema;
  examples?: Example[];
  /** How each property of a form body is sent (OpenAPI 3 §4.8.15 Encoding Object), by name. */
  encoding?: Record<string, Encoding>;
  /** OpenAPI 3.2: the schema of each item of a sequential media type (`text/event-stream`, …). */
  itemSchema?: Schema;
}

/**
 * One form field's serialization: `contentType` and `headers` for a multipart part; `style`,
 * `explode` and `allowReserved` for a url-encoded field (as a query parameter's); a Swagger 2.0
 * formData parameter's `collectionFormat`.
 */
export interface Encoding {
  contentType?: string;
  headers?: Record<string, ResponseHeader>;
  style?: Parameter["style"];
  explode?: boolean;
  allowReserved?: boolean;
  collectionFormat?: CollectionFormat;
}

export interface Parameter {
  name: string;
  in: ParameterLocation;
  required: boolean;
  schema?: Schema;
  description?: string;
  deprecated?: boolean;
  /** Serialization as the source declares it (Swagger 2.0's collectionFormat translated). */
  style?: ParameterStyle;
  explode?: boolean;
  /** How it is sent: declared, else the location's defaults (set by buildModel; see `serializationOf`). */
  serialization?: Serialization;
  allowReserved?: boolean;
  /** Swagger 2.0's, as written (`ssv`, `tsv`, `pipes` outside the query only this can say). */
  collectionFormat?: CollectionFormat;
  /** The media type of a parameter declared with `content` (one serialized value) instead of a schema. */
  contentType?: string;
  example?: unknown;
  extensions?: Record<string, unknown>;
  sources: SourceRef[];
}

export type ParameterStyle =
  | "form"
  | "simple"
  | "label"
  | "matrix"
  | "spaceDelimited"
  | "pipeDelimited"
  | "deepObject";

/** A parameter's resolved serialization (OpenAPI 3.1 §4.8.12.4). */
export interface Serialization {
  style: ParameterStyle;
  explode: boolean;
}

/** Swagger 2.0 `collectionFormat` values. */
export type CollectionFormat = "csv" | "ssv" | "tsv" | "pipes" | "multi";

export interface RequestBody {
  required: boolean;
  description?: string;
  /** One entry per media type, in the order the source declares them. */
  content: MediaContent[];
  /** Its `x-` members, as written, for openapi.json. */
  extensions?: Record<string, unknown>;
  sources: SourceRef[];
}

/**
 * A source's word that a request sends a body it does not describe: a Postman body mode with no
 * content, a `Content-Type` header parameter, Swagger 2.0 `consumes` (`model/undescribed-body`).
 */
export interface BodySignal {
  /** Media types the source names, in its order; empty when it names none (JSON is assumed). */
  mediaTypes: string[];
  required: boolean;
  /** What the source said, for the diagnostic: `Postman body mode "raw"`, `consumes`. */
  evidence: string;
  source: SourceRef;
  /** Only media types named (Swagger `consumes`): used when other evidence says a body is sent. */
  hint?: boolean;
}

export interface ResponseHeader {
  schema?: Schema;
  description?: string;
  /** The Header Object says `required: true` (OpenAPI 3): every answer of its status sends it. */
  required?: boolean;
  example?: unknown;
}

export interface ApiResponse {
  /** `"200"`, `"4XX"` or `"default"`. */
  status: string;
  description: string;
  content: MediaContent[];
  headers?: Record<string, ResponseHeader>;
  /** OpenAPI 3 Link Objects by name, as written (`$ref`s followed), for openapi.json. */
  links?: Record<string, Record<string, unknown>>;
  /** Its `x-` members, as written, for openapi.json. */
  extensions?: Record<string, unknown>;
  sources: SourceRef[];
}

export interface EndpointParameters {
  /** Invariant (buildModel keeps it): one parameter per `{name}` of the path, in its order. */
  path: Parameter[];
  query: Parameter[];
  /** Invariant (the readers keep it): none is Accept, Content-Type or Authorization (§4.8.12.1). */
  header: Parameter[];
  cookie: Parameter[];
}

/** A name an endpoint could take, and where it was proposed. */
export interface NameCandidate {
  /** The name as the source wrote it (an operationId or a Postman request name). */
  value: string;
  kind: "operationId" | "requestName";
  source: SourceRef;
}

export interface Endpoint {
  method: HttpMethod;
  /** Path template in `{name}` form, relative to the server URL, starting with `/`. */
  path: string;
  /** Unique camelCase TypeScript identifier. Empty until naming runs (src/model/merge/naming.ts). */
  name: string;
  /** The operationId the winning name came from, if any. */
  operationId?: string;
  nameCandidates: NameCandidate[];
  parameters: EndpointParameters;
  requestBody?: RequestBody;
  /** Signs of a body no source describes: readers fill it, buildModel consumes and removes it. */
  bodySignals?: BodySignal[];
  responses: ApiResponse[];
  tags: string[];
  summary?: string;
  description?: string;
  /** The endpoint's own servers (its operation's, else its path item's), replacing the API's. */
  servers?: Server[];
  /** Effective security (document default applied). Undefined when no source said anything. */
  security?: SecurityRequirement[];
  deprecated: boolean;
  extensions: Record<string, unknown>;
  /** The operation's `externalDocs`, as written, for openapi.json. */
  externalDocs?: Record<string, unknown>;
  /** Every document, line and column this endpoint was read from. */
  sources: SourceRef[];
}

export interface Tag {
  name: string;
  description?: string;
  /** OpenAPI 3.2: a short summary, the parent tag's name, and what kind of tag it is (`nav`, …). */
  summary?: string;
  parent?: string;
  kind?: string;
  /** As written, for openapi.json. */
  externalDocs?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
}

export interface ApiInfo {
  title: string;
  version: string;
  description?: string;
  /** The Info Object's (OpenAPI and Swagger 2.0 alike), as written: the merged document says them. */
  termsOfService?: string;
  contact?: Record<string, unknown>;
  license?: Record<string, unknown>;
  /** Its `x-` members (`x-logo`), as written, for openapi.json. */
  extensions?: Record<string, unknown>;
}

/** What an API description holds, whether one document's or the merged whole. */
export interface ApiDescription {
  info: ApiInfo;
  /** The document's own `externalDocs` and `x-` members (`x-tagGroups`), as written. */
  externalDocs?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
  servers: Server[];
  securitySchemes: Record<string, SecurityScheme>;
  schemas: Record<string, NamedSchema>;
  tags: Tag[];
  endpoints: Endpoint[];
  /** OpenAPI 3.1 `webhooks`, when there are any (merged: by key and method, named; model/merge/webhooks.ts). */
  webhooks?: Webhook[];
}

/** A webhook's operation (a request the API sends) read like an endpoint: `key` (also `path`) is its key. */
export type Webhook = Endpoint & { key: string };

/** The merged model every emitter reads. Endpoints are sorted by path, then method. */
export interface ApiModel extends ApiDescription {
  diagnostics: Diagnostic[];
  /** How the validators run each pattern of the schemas (buildModel sets it). */
  patterns?: ReadonlyMap<string, PatternGuard>;
  /** True when an input is OpenAPI 3.2: the merged OpenAPI document is then written as 3.2. */
  openApi32?: true;
  scalars?: import("./scalar-choices.js").ScalarChoices; // config dates, int64
}

/** What one reader makes of one document, before merging. */
export interface DocumentModel extends ApiDescription {
  file: string;
  format: SourceFormat;
  patterns?: ReadonlyMap<string, PatternGuard>; // the reading's verdicts
}

export type SourceFormat =
  | "swagger2"
  | "openapi3.0"
  | "openapi3.1"
  | "openapi3.2"
  | "postman2.0"
  | "postman2.1";
