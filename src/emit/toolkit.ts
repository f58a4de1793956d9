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
// types in types.ts are the context's `types`.
export { endpointKey } from "../model/naming.js";
export type { EndpointTypes, TypeIndex } from "./type-index/type-index.js";

// Pagination facts: how an endpoint pages (detected, or declared in `client.pages`).
export {
  declaredPagination,
  pagination,
  type PageShape,
  type Pagination,
} from "../model/pagination.js";
export {
  declaredPages,
  pagesOption,
  type PageDeclarations,
} from "./shared/declared-pages.js";

// Sample values: a small value of a schema's shape, as the docs' examples and the mocks use.
export {
  bodySample,
  sampleValue,
  type SampleOptions,
} from "./shared/sample.js";

/** The HTTP methods an endpoint may have, in the model's order. */
export const HTTP_METHODS: readonly HttpMethod[] = Object.freeze([
  ...MODEL_HTTP_METHODS,
]);
