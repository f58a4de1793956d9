// The route data the server runtime reads (route-specs.ts builds it, routes-file.ts prints it).
// templates/server/runtime.ts holds the runtime's copy of these types (a runtime file must stand
// alone, and src/ cannot import templates/); test/templates/contract-types.test.ts proves under
// tsc that the copies are the same type, both ways: change one, change the other.

/** The scalar a parameter value (or each item of an array value) converts to. */
export type ScalarType = "string" | "number" | "integer" | "boolean" | "int64";

export interface ParamSpec {
  /** As the API spells it: the key in the handler's `path`, `query`, `headers` or `cookies`. */
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required: boolean;
  type: ScalarType;
  /** The value is an array of `type` (OpenAPI `type: array`). */
  array?: boolean;
  /** The value is an object whose properties have these types. */
  properties?: Readonly<Record<string, ScalarType>>;
  /** The values (of the items, for an array) the schema allows, as its `enum` or `const` says. */
  enum?: readonly (string | number | boolean)[];
  style?: string;
  explode?: boolean;
  /** A not-exploded array's separator when not the style's (a Swagger 2.0 collectionFormat). */
  delimiter?: string;
  /** A parameter declared with `content`: its media type (the value is one JSON or text value). */
  contentType?: string;
  /** A field of a form body (read the way a query parameter is): errors name it so. */
  field?: boolean;
}

export interface RouteSpec {
  /** The endpoint's name: the key of its handler. */
  name: string;
  /** Upper-case HTTP method. */
  method: string;
  /** Path template in `{name}` form. */
  path: string;
  params: readonly ParamSpec[];
  /** The declared request body; `fields`: a form body's (route-specs.ts, formFields). */
  body?: {
    required: boolean;
    mediaTypes: readonly string[];
    fields?: readonly ParamSpec[];
  };
  /**
   * The media type each response status (`"200"`, `"2XX"`, `default`) declares first, when it is
   * not JSON: the Content-Type of results that do not set one.
   */
  produces?: Readonly<Record<string, string>>;
  /**
   * The JSON media type each status declares when it is not plain `application/json`
   * (`application/problem+json`, `application/vnd.api+json`): the label of JSON results.
   */
  producesJson?: Readonly<Record<string, string>>;
  /**
   * OpenAPI 3.2: the statuses whose answer is a stream of items (`itemSchema`), each with its
   * media types (server-sent events, JSON Lines, JSON text sequences), the first the default.
   */
  streams?: Readonly<Record<string, readonly string[]>>;
  /**
   * Dates and big integers (the generator's `dates: "Date"`, `int64: "bigint"`): the route's codec
   * (scalars.ts), which reads its JSON body with every digit, revives the checked request for
   * the handler and turns the handler's Dates and bigints back into wire values.
   */
  scalars?: RouteScalars;
}

/** What the dispatcher calls of a route's codec (scalars.ts's OperationCodec). */
export interface RouteScalars {
  parse(text: string, what: "request"): unknown;
  stringify(value: unknown): string;
  /** The body by the plan of `mediaType` (the listed one it was read under). */
  revive<T extends object>(parts: T, mediaType?: string): T;
  wireAnswer(status: number, body: unknown): unknown;
}
