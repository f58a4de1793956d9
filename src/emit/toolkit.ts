import {
  DIAGNOSTIC_CODES,
  isDiagnosticCode,
} from "../model/diagnostics/codes.js";
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
  softline,
  textWidth,
} from "./shared/doc.js";
// Statements most files hold: bracketed lists, imports, `head value;` assignments.
export { assignment, importStatement, items } from "./shared/statements.js";

// Escaping: every string from a description is data, escaped for where it lands.
export { PRINT_WIDTH, propertyKey, stringLiteral } from "./shared/literals.js";
export {
  htmlText,
  jsdocLines,
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
// as types.ts does (alone, an expanded object, a `head = type;` declaration).
export { printType } from "./type-index/type-index.js";
export { printAlias, printObject } from "./type-index/print-object.js";
export type { ObjectMember, TypeNode } from "./type-index/type-node.js";

// Security facts: the OAuth scopes an endpoint needs, one list per alternative (as the client's
// doc comments name them).
export { scopeAlternatives } from "./shared/scopes.js";

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
  decodedAs,
  isJsonMediaType,
  sentMediaType,
  streamedSuccesses,
  type StreamedSuccesses,
} from "./shared/media-types.js";

// Runtime files: the text of `templates/<artifact>/<file>`, the user's copy first; or the file a
// plugin writes of it (apiloom's own copy marked skipTypecheck, a user's copy checked); or the
// folder's checked environment.ts, referencing each package its runtime files import.
export { environmentFile, runtimeFile, templateText } from "./templates.js";

// Item streams (OpenAPI 3.2 `itemSchema`): the successes an endpoint answers item by item, which
// the client reads as async iterators and the server's handlers answer as iterables.
export { itemStreamStatuses } from "../model/item-streams.js";

// Sample values: a small value of a schema's shape, as the docs' examples and the mocks use.
export {
  bodySample,
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
// ...and where each endpoint holds them, as the client and the server revive by (scalars.ts)
export {
  type OperationPlan,
  type Plan,
  type PlanNode,
  type Plans,
  scalarPlans,
} from "./shared/scalar-plans.js";

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

// Reporting (the context's `reporter`): the place of a whole file, and what a code means.
export { fileStart } from "../model/diagnostics/reporter.js";

/** What a diagnostic code means (the registry's line), or "" for a code it does not hold. */
export function diagnosticMeaning(code: string): string {
  return isDiagnosticCode(code) ? DIAGNOSTIC_CODES[code].meaning : "";
}

/** The HTTP methods an endpoint may have, in the model's order. */
export const HTTP_METHODS: readonly HttpMethod[] = Object.freeze([
  ...MODEL_HTTP_METHODS,
]);
