import {
  DOCUMENTATION_KEYWORDS,
  SCHEMA_KEYWORDS,
  SCHEMA_LIST_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
} from "../model/schema/schema.js";
import { HTTP_METHODS as MODEL_HTTP_METHODS } from "../model/types.js";
import type { HttpMethod } from "../model/types.js";

/**
 * The toolkit for writing code, exported as `apiloom-gen/plugin` (src/plugin.ts): what apiloom's
 * own plugins use to lay out and escape the code they write, and what a plugin of the config
 * gets. A plugin folder of src/emit/ imports from here, from the plugin API (artifact.ts) and
 * its own files; test/architecture/plugin-imports.test.ts holds it to that.
 */

// The document builder: say what may break, and `print` lays it out the way prettier would
// against PRINT_WIDTH (80 columns). Text never holds a newline: use `hardline`.
export {
  align,
  conditionalGroup,
  type Doc,
  group,
  hardline,
  ifBreak,
  indent,
  join,
  line,
  print,
  printBefore,
  softline,
  textWidth,
} from "./shared/doc.js";
// Statements most files hold: bracketed lists, imports, `head value;` assignments.
// ...and the heads of a function and of a generic member, laid out as prettier would.
export {
  assignment,
  functionHead,
  genericMember,
  importStatement,
  items,
} from "./shared/statements.js";
// Text in linear time: trailing blanks off a text, off each line, off both ends.
export { trimBoth, trimLineEnds, trimTrailing } from "../model/linear-text.js";
// A large file made piece by piece when it is written (never joined into one string).
export { streamedFile, type TextOut } from "./shared/text-parts.js";

// Escaping: every string from a description is data, escaped for where it lands.
export {
  PRINT_WIDTH,
  propertyKey,
  stringLiteral,
  templateLiteralText,
} from "./shared/literals.js";
export {
  htmlText,
  jsdocLines,
  jsonForScript,
  markdownCode,
  markdownText,
  tsString,
} from "./shared/escape.js";
export {
  camelCase,
  isIdentifierName,
  isReservedWord,
  pascalCase,
} from "../model/identifiers.js";

// Names and keys: an endpoint's key (`GET /pets/{id}`), as the config's `names`, `client.pages`
// and the name lock write it. Endpoint names themselves are `endpoint.name`; the names of the
// types in types.ts are the context's `types` (a TypeIndex, of the plugin API: artifact.ts).
export { endpointKey } from "../model/merge/naming.js";

// Type expressions: the context's `types.typeOf(schema, mode)` is a `TypeNode`; these print one
// as types.ts does (alone, an expanded object, a `head = type;` declaration, a doc comment),
// make one of TypeScript text (`raw`) or look into one (`mentions`).
export { printType } from "./type-index/type-index.js";
export { printAlias, printObject } from "./type-index/print-object.js";
export { printDoc, printTypeAlias } from "./type-index/print.js";
export {
  mentions,
  raw,
  type ObjectMember,
  type TypeNode,
} from "./type-index/type-node.js";
// The type index's parts, as types.ts declares an endpoint's types: its parameters, bodies and
// answers (`SchemaNaming` names the schemas they refer to), the doc comment of a schema or an
// endpoint, and the names the client exports beside them (a schema type of one is renamed).
export {
  endpointDoc,
  headerParameters,
  isUntyped,
  parametersType,
  payloadType,
  receivedBodyType,
  receivedBodyVariants,
  requestBodyType,
  responseType,
  statusUnion,
} from "./type-index/endpoint-types.js";
// the schemas a request body is judged by, one per media type the server reads it as
export { ownBodySchemas } from "./shared/received-bodies.js";
export { docLines, trimBlankEnds } from "./type-index/doc-lines.js";
// `schemaToType(schema, naming, mode)`: a schema's type expression, its `$ref`s named by
// `naming` (the context's `types.typeOf` names them as types.ts does).
export {
  schemaToType,
  type SchemaNaming,
} from "./type-index/schema-to-type.js";
export { CLIENT_EXPORT_NAMES, schemaTypeName } from "./type-index/names.js";

// Security facts: the OAuth scopes an endpoint needs, one list per alternative (as the client's
// doc comments name them); the scopes each scheme's flows are asked for; where a fact was read.
export { scopeAlternatives } from "./shared/scopes.js";
export {
  describeSources,
  scopesInUse,
  uniqueSources,
} from "./shared/security-evidence.js";

// Servers: a server's URL with its variables filled, the base path of a base URL, and an
// endpoint's own server (the client calls it, the server's routes live under its path).
export {
  endpointServer,
  endpointServerPath,
  endpointServerUnderBasePath,
  filledServerUrl,
  hasTemplate,
  lacksHost,
  serverBasePath,
} from "./shared/server-url.js";

// Responses: a status's key in the answers (`"2XX"`, `default`) and its reason phrase.
export { reasonPhrase, statusKey } from "./shared/response-status.js";

// Methods: those fetch refuses to send, those Node's HTTP parser accepts, and a diagnostic for
// each endpoint of a method the generated code cannot serve.
export {
  FETCH_FORBIDDEN_METHODS,
  methodDiagnostics,
  NODE_HTTP_METHODS,
} from "./shared/methods.js";

// Parameters on the wire: how a parameter (or a multipart part) is written (style, explode).
export {
  encodingStyle,
  parameterWireStyle,
  type WireStyle,
} from "./shared/wire-style.js";

// Pagination facts: how an endpoint pages (detected, or declared in `client.pages`).
export {
  declaredPagination,
  pageShape,
  pagination,
  type PageShape,
  type Pagination,
} from "../model/pagination.js";
export {
  declaredPages,
  pagesOption,
  type PageDeclarations,
} from "./shared/declared-pages.js";

// A JSON value as a TypeScript expression (strings escaped, `__proto__` keys computed).
export { jsonDoc } from "./shared/json-literal.js";

// Media types, as the generated client treats them: the one it sends a body as, what it hands
// over for a response of each, and which successes it reads as streams (async iterators).
export { baseMediaType } from "../model/media-types.js";
export {
  acceptHeader,
  decodedAs,
  isJsonMediaType,
  sentContent,
  sentMediaType,
  STREAM_MEDIA_TYPES,
  streamedSuccesses,
  type StreamedSuccesses,
  undescribedBody,
} from "./shared/media-types.js";

// Runtime files: the text of `templates/<artifact>/<file>`, the user's copy first; or the file a
// plugin writes of it (apiloom's own copy marked skipTypecheck, a user's copy checked); or the
// folder's checked environment.ts, referencing each package its runtime files import.
// A render template (`templates/<artifact>/<file>.js`, the user's copy first) is loaded by
// `loadTemplate`; apiloom's own templates folder is DEFAULT_TEMPLATES_DIR.
export {
  DEFAULT_TEMPLATES_DIR,
  environmentFile,
  loadTemplate,
  runtimeFile,
  templateText,
} from "./templates.js";

// The output folder in the project: where a layout-less run puts it, and how the project's
// code imports one of its files (the docs' examples).
export { DEFAULT_LAYOUT, importFromProject } from "./layout.js";

// Item streams (OpenAPI 3.2 `itemSchema`): the successes an endpoint answers item by item, which
// the client reads as async iterators and the server's handlers answer as iterables.
export { itemStreamStatuses } from "../model/item-streams.js";

// Sample values: a small value of a schema's shape, as the docs' examples and the mocks use.
// A binary body's and a revived date's sample are marked (BINARY, DateSample); `fitsType` says
// whether a value fits a schema's type, `revivedSample` a scalar as the generated code holds it.
export {
  BINARY,
  BinarySample,
  bodySample,
  DateSample,
  fitsType,
  revivedSample,
  sampleValue,
  type SampleOptions,
} from "./shared/sample.js";

// The model's schema layer: what a schema means (its types, nullability and values, `$ref`s
// resolved against the model's schemas, the members `allOf` brings, the sub-schemas and the
// keywords that hold them), derived once there for every plugin.
export {
  allOfPropertyLookup,
  declaredTypes,
  type DiscriminatorCase,
  discriminatorCases,
  effectiveTypes,
  isAnnotation,
  isMap,
  isSubSchema,
  mainType,
  mapSubSchemas,
  refTarget,
  type RequiredSplit,
  requiredSplit,
  resolveSchema,
  scalarValues,
  type SubSchema,
} from "../model/schema/schema.js";
export { schemaRef, schemaRefName } from "../model/schema/ref.js";

// Dates and big integers (config `dates`, `int64`, carried as `model.scalars`): which schemas
// the generated code holds as a Date or a bigint instead of their JSON value.
export {
  DEFAULT_SCALARS,
  isInt64,
  isRevivableDate,
  revivableExample,
  type RevivedScalar,
  revivedScalar,
  revivedTypeName,
  revivesAny,
} from "../model/schema/scalars.js";
export type { ScalarChoices } from "../model/scalar-choices.js";
// ...and how the client and the server revive them: which endpoints hold one, the files that
// revive them, whether an answer is one the client can revive. WEBHOOK_PREFIX names a webhook's
// operation among the endpoints' (the server runtime's `withScalars(routes, prefix)`).
export { scalarRevival, type ScalarRevival } from "./shared/scalar-revival.js";
export { WEBHOOK_PREFIX } from "./shared/scalar-plans.js";

/**
 * The keywords of a schema by what they hold: documentation (`title`, `description`, ...), one
 * sub-schema (`items`, `not`, ...), a list of them (`allOf`, ...), a map of them (`properties`,
 * ...). Frozen lists: a plugin makes its own set of them.
 */
export const SCHEMA_KEYWORD_GROUPS: Readonly<{
  documentation: readonly string[];
  one: readonly string[];
  list: readonly string[];
  map: readonly string[];
}> = Object.freeze({
  documentation: Object.freeze([...DOCUMENTATION_KEYWORDS]),
  one: Object.freeze([...SCHEMA_KEYWORDS]),
  list: Object.freeze([...SCHEMA_LIST_KEYWORDS]),
  map: Object.freeze([...SCHEMA_MAP_KEYWORDS]),
});

// Endpoints: their parameters (path-level and operation-level as one list), whether a style
// suits a location, and whether the tags group them well (or the paths do better).
export { allParameters } from "../model/factories.js";
export { isLocationStyle } from "../model/serialization.js";
export { assessTags, type TagAssessment } from "../model/tag-quality.js";

// Order: code-unit order and the model's endpoint order, the same on every machine.
export { compareCodeUnits, compareEndpoints } from "../model/order.js";

// Records keyed by a description's strings: `setOwn` adds a member named `__proto__` as a
// member, where an assignment would replace the record's prototype.
export { assignOwn, setOwn } from "../model/own-property.js";

// Reporting (the context's `reporter`, which also says what a code means): the place of a whole
// file.
export { fileStart } from "../model/diagnostics/reporter.js";

/** The HTTP methods an endpoint may have, in the model's order. */
export const HTTP_METHODS: readonly HttpMethod[] = Object.freeze([
  ...MODEL_HTTP_METHODS,
]);
