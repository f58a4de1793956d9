import type { PageShape, WireStyle } from "../toolkit.js";
import type { EndpointTypes } from "../artifact.js";
import type { AuthSchemeView } from "./security.js";

// What templates/client/endpoint.js and index.js receive. Every string from a spec is raw here (a
// summary may hold `*/`): templates escape it for where it lands with ClientHelpers.

/**
 * Local names (identifiers) the client file declares or imports: an endpoint named `send` pushes
 * `send` aside (`send_`). One named after a runtime helper is that helper as imported.
 */
export interface ClientLocals {
  send: string;
  bindAll: string;
  /** Makes an endpoint function of a spec that names no writers (templates before `makeEndpoint`). */
  endpoint: string;
  specEndpoint: string;
  applyAuth: string;
  pagesMaker: string;
  eventStream: string;
  jsonLines: string;
  streamItems: string;
  paginate: string;
  serializeForm: string;
  atServer: string;
  serializeBody: string;
  serializeQuery: string;
  serializeHeader: string;
  serializeCookie: string;
  serializePath: string;
  plainPath: string;
  /**
   * The function declared (tsc reads no control flow for it) to make each endpoint function with
   * `defaults` and `schemes`.
   */
  makeEndpoint: string;
  scalarCodec: string;
  /** The `ClientOptions` constant every call starts from. */
  defaults: string;
  /** The security schemes constant. */
  schemes: string;
}

/** A parameter (or form field) not sent the default way of where it goes, and how it is sent. */
export interface StyledName {
  /** Raw: the name as the API spells it. */
  name: string;
  /** Only what differs from the location's default; never empty. */
  style: WireStyle & { headers?: Record<string, string> };
}

/** One endpoint, for `renderEndpoint` (templates/client/endpoint.js). */
export interface ClientEndpointView {
  /** The generated function's name: an identifier apiloom chose. */
  name: string;
  /** Upper case. */
  method: string;
  /** Raw path template, `{name}` placeholders as the spec writes them. */
  path: string;
  /** The endpoint's own server, if not the API's: a path on the base URL's origin, or a URL. */
  server?: string;
  /** Raw. */
  summary?: string;
  /** Raw (Markdown, as the spec has it). */
  description?: string;
  deprecated: boolean;
  /** The endpoint's type names in types.ts (identifiers) and which request parts exist. */
  types: EndpointTypes;
  /** Raw: the request media type the function sends its body as, if it has a body. */
  mediaType?: string;
  /** Raw: the Accept header value, when any response declares a media type. */
  accept?: string;
  /**
   * The declared statuses (`"200"`, `"4XX"`), to tell a declared success from an undeclared 2XX;
   * undefined with `default`, none declared, or redirects alone (a 2XX is where they led).
   */
  statuses?: string[];
  /** Successes read as a stream. */
  stream?: StreamView;
  /** How the endpoint's pages go, when known: `pagesName` iterates them. Names in it are raw. */
  pages?: PageShape;
  /** The iterator's name (`<name>Pages`), an identifier, when `pages` is set. */
  pagesName?: string;
  /** Raw scheme names per security alternative (undefined: the runtime tries every scheme). */
  security?: string[][];
  /** Raw OAuth scopes per security alternative that names any, for the documentation. */
  scopes: string[][];
  /** Parameters not sent their location's default way, by location. */
  styles: Record<"path" | "query" | "headers" | "cookies", StyledName[]>;
  /** The body's form fields not sent the default way (a form body's Encoding Objects). */
  encoding: StyledName[];
  /**
   * True when a path parameter is not a string, number or boolean sent `simple` (an array, an
   * object, `label`, a `content` type): its spec names a path writer.
   */
  plainPath?: true;
  /** True when the endpoint holds a Date or a bigint: its spec takes `locals.scalarCodec(name)`. */
  scalars?: true;
  locals: ClientLocals;
}

/** How an endpoint's successes stream (see `ClientEndpointView.stream`). */
export interface StreamView {
  /** `items`: OpenAPI 3.2's `itemSchema`, whatever the stream type. */
  kind: "events" | "lines" | "items";
  /** The declared success statuses whose bodies stream (`"200"`, `"default"`). */
  statuses: string[];
  /** Events only: whether each event's data is JSON (the schema is not a string). */
  json: boolean;
  /** `items` only: per streamed status, whether an event's data is JSON (not a string schema). */
  eventData?: [string, boolean][];
}

/** A security scheme the client can apply, by its raw name. */
export interface ClientSchemeView {
  /** Raw: the key of the scheme in the spec. */
  name: string;
  /** How the runtime sends its credential; `in` and `name` of an API key are raw. */
  scheme: AuthSchemeView;
}

/** The whole client/index.ts, for `renderIndex` (templates/client/index.js). */
export interface ClientIndexView {
  /** Raw: the API's title. */
  title: string;
  /** Raw: the default base URL (`--base-url`, else the first server's), possibly empty. */
  baseUrl: string;
  /** Sorted by name. */
  schemes: ClientSchemeView[];
  /** Raw: the client-credentials token URL of each OAuth 2.0 scheme that has one, by name. */
  tokenUrls: { name: string; url: string }[];
  /** Every endpoint, in model order. */
  endpoints: ClientEndpointView[];
  locals: ClientLocals;
}
