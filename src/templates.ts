/**
 * `apiloom-gen/templates`: the contract between apiloom and the render templates, for type-checking
 * your own (docs/plugins.md). Every string a view holds that comes from a spec is raw: write it
 * through a helper that escapes it for where it lands.
 */
export { TEMPLATE_CONTRACT } from "./emit/templates.js";

// client/endpoint.js and client/index.js
export type {
  ClientEndpointView,
  ClientIndexView,
  ClientLocals,
  ClientSchemeView,
  StyledName,
} from "./emit/client/view-types.js";
export type { ClientHelpers } from "./emit/client/template-helpers.js";
export type {
  EndpointTemplate as ClientEndpointTemplate,
  IndexTemplate as ClientIndexTemplate,
} from "./emit/client/index.js";
export type { EndpointTypes } from "./emit/type-index/type-index.js";
export type { WireStyle } from "./emit/shared/wire-style.js";
export type { AuthSchemeView } from "./emit/client/security.js";

// docs/markdown.js, docs/html.js and docs/html-assets.js
export type {
  BodyView,
  CodeCount,
  ContentView,
  DiagnosticView,
  DocsView,
  EndpointView as DocsEndpointView,
  ParameterView,
  ResponseView,
  TagRef,
  TagView,
  WebhookView as DocsWebhookView,
} from "./emit/docs/view-types.js";
export type {
  PropertyView,
  SchemaLink,
  SchemaView,
} from "./emit/docs/schemas-view.js";
export type { SchemeView } from "./emit/docs/schemes-view.js";
export type {
  DocsHelpers,
  HtmlAssets,
  HtmlAssetsTemplate,
  HtmlTemplate,
  MarkdownTemplate,
} from "./emit/docs/templates.js";
