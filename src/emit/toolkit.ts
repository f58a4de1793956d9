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
 * gets; docs/plugins.md says what each group is for. A plugin folder of src/emit/ imports from
 * here, from the plugin API (artifact.ts) and its own files; test/architecture/plugin-imports.test.ts
 * holds it to that.
 */

export * from "./shared/doc.js";
export * from "./shared/statements.js";
export { trimBoth, trimLineEnds, trimTrailing } from "../model/linear-text.js";
export { streamedFile, type TextOut } from "./shared/text-parts.js";
export { CHECKED_FORMATS } from "./shared/formats.js";

export * from "./shared/literals.js";
export {
  htmlText,
  jsdocLines,
  jsonForScript,
  markdownCode,
  markdownText,
  tsString,
  uriComponent,
} from "./shared/escape.js";
export {
  camelCase,
  freeName,
  isIdentifierName,
  isReservedWord,
  pascalCase,
} from "../model/identifiers.js";

export { endpointKey } from "../model/merge/naming.js";
export { routedPath, wirePath } from "../model/path-template.js";
export * from "../model/route-groups.js";
export { grouped } from "../model/lists.js";

export { printType } from "./type-index/type-index.js";
export { printAlias, printObject } from "./type-index/print-object.js";
export { printDoc, printTypeAlias } from "./type-index/print.js";
export {
  mentions,
  raw,
  type ObjectMember,
  type TypeNode,
} from "./type-index/type-node.js";
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
export { ownBodySchemas } from "./shared/received-bodies.js";
export { docLines, trimBlankEnds } from "./type-index/doc-lines.js";
export {
  schemaToType,
  type SchemaNaming,
} from "./type-index/schema-to-type.js";
export { CLIENT_EXPORT_NAMES, schemaTypeName } from "./type-index/names.js";

export * from "./shared/security-evidence.js";

export * from "./shared/server-url.js";

export { reasonPhrase, statusKey } from "../model/http-status.js";
export { serializationOf } from "../model/serialization.js";

export { pointerSegment } from "../model/pointer.js";

export * from "./shared/methods.js";

export {
  encodingStyle,
  parameterWireStyle,
  REQUEST_PARTS,
  type WireStyle,
} from "./shared/wire-style.js";

export * from "../model/pagination.js";
export { declaredPages } from "./shared/declared-pages.js";
export { pagesOption, type PageDeclarations } from "./shared/options.js";

export {
  baseMediaType,
  fieldlessForm,
  jsonPartFields,
} from "../model/media-types.js";
export * from "./shared/media-types.js";

export {
  DEFAULT_TEMPLATES_DIR,
  environmentFile,
  loadTemplate,
  runtimeFile,
  templateText,
} from "./templates.js";

export { DEFAULT_LAYOUT, importFromProject } from "./layout.js";

export { itemStreamStatuses } from "../model/item-streams.js";

export * from "./shared/sample.js";

export {
  allOfPropertyLookup,
  annotationOf,
  declaredTypes,
  type DiscriminatorCase,
  discriminatorCases,
  effectiveTypes,
  impliedTypes,
  isAnnotation,
  isFalseSchema,
  isMap,
  isSubSchema,
  mainType,
  mapSubSchemas,
  refTarget,
  type RequiredSplit,
  requiredSplit,
  resolveSchema,
  sameSchema,
  scalarValues,
  type SubSchema,
} from "../model/schema/schema.js";
export { schemaRef, schemaRefName } from "../model/schema/ref.js";
export { allProperties } from "../model/schema/members.js";
export { patternFlags, unicodePattern } from "../model/patterns/flags.js";

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
export { scalarRevival, type ScalarRevival } from "./shared/scalar-revival.js";
export { WEBHOOK_PREFIX } from "./shared/scalar-plans.js";

/**
 * The keywords of a schema by what they hold: documentation (`title`, `description`, ...), one
 * sub-schema (`items`, `not`, ...), a list of them (`allOf`, ...), a map of them (`properties`,
 * ...). Frozen lists: a plugin makes its own set of them.
 */
export const SCHEMA_KEYWORD_GROUPS: Readonly<
  Record<"documentation" | "one" | "list" | "map", readonly string[]>
> = Object.freeze({
  documentation: Object.freeze([...DOCUMENTATION_KEYWORDS]),
  one: Object.freeze([...SCHEMA_KEYWORDS]),
  list: Object.freeze([...SCHEMA_LIST_KEYWORDS]),
  map: Object.freeze([...SCHEMA_MAP_KEYWORDS]),
});

export { allParameters } from "../model/factories.js";
export { isLocationStyle } from "../model/serialization.js";
export { assessTags, type TagAssessment } from "../model/tag-quality.js";

export {
  compareCodeUnits,
  compareEndpoints,
  tagOrder,
} from "../model/order.js";

export { assignOwn, setOwn } from "../model/own-property.js";

export { fileStart } from "../model/diagnostics/reporter.js";

/** The HTTP methods an endpoint may have, in the model's order. */
export const HTTP_METHODS: readonly HttpMethod[] = Object.freeze([
  ...MODEL_HTTP_METHODS,
]);
