import type { Severity } from "./types.js";

/** What one diagnostic code stands for: its severity and a one-line meaning. */
export interface DiagnosticCodeInfo {
  severity: Severity;
  /** One line, Markdown: the README's diagnostics table is generated from it. */
  meaning: string;
}

/**
 * Every diagnostic code apiloom reports: the one registry. Codes are reported through the
 * Reporter (src/model/reporter.ts), which takes the severity from here, so a code has one
 * severity and an unregistered code does not compile. The README's table and the docs'
 * diagnostics page are generated from it (`npm run readme:diagnostics`), and
 * test/diagnostics/registry.test.ts fails when the README differs or a code listed here is
 * never reported.
 */
export const DIAGNOSTIC_CODES = {
  "client/no-default-base-url": {
    severity: "warning",
    meaning:
      "the first server URL names no host once its variables take their defaults (`https://{host}`, default empty): pass `baseUrl`",
  },
  "config/ignored-option": {
    severity: "warning",
    meaning:
      "a setting that has no effect in this run (server adapters without the `server` artifact): ignored",
  },
  "input/no-match": {
    severity: "error",
    meaning: "an input pattern matches no file",
  },
  "input/not-a-string": {
    severity: "warning",
    meaning:
      "a text field holds a number or boolean (`version: 1.10`): read as written",
  },
  "input/not-an-api": {
    severity: "error",
    meaning:
      "valid JSON/YAML, but not Swagger 2.0, OpenAPI 3.x or a Postman collection",
  },
  "input/unreadable": {
    severity: "error",
    meaning: "an input file cannot be read (missing, a folder, no permission)",
  },
  "merge/base-url-conflict": {
    severity: "warning",
    meaning: "sources disagree on the server URL",
  },
  "merge/unmatched-prefer": {
    severity: "warning",
    meaning:
      "a `merge.prefer` / `--prefer` entry is neither an input nor a folder holding one: it prefers nothing",
  },
  "merge/operation-id-conflict": {
    severity: "warning",
    meaning: "sources give one endpoint different operationIds",
  },
  "merge/parameter-type-conflict": {
    severity: "warning",
    meaning: "sources give one parameter different types",
  },
  "merge/path-variable-names": {
    severity: "warning",
    meaning: "sources name a path variable differently",
  },
  "merge/schema-conflict": {
    severity: "warning",
    meaning:
      "sources define one named schema differently: the higher-ranked source wins",
  },
  "merge/security-scheme-conflict": {
    severity: "warning",
    meaning:
      "sources define one security scheme differently: the higher-ranked source wins",
  },
  "model/degenerate-tags": {
    severity: "info",
    meaning:
      "the tags are words of the summaries, or more than half as many as the endpoints: the docs group by path (`docs.groupBy`)",
  },
  "model/invalid-path-template": {
    severity: "warning",
    meaning:
      "a path template with a stray brace or a `{name}` twice: endpoint left out",
  },
  "model/undeclared-path-parameter": {
    severity: "warning",
    meaning:
      "a `{name}` in a path that no source declares: made a required string",
  },
  "model/undescribed-body": {
    severity: "warning",
    meaning:
      "a source says a POST/PUT/PATCH sends a body (Postman body mode, `Content-Type`, `consumes`) but none describes it: typed `unknown`",
  },
  "model/untyped-parameter": {
    severity: "warning",
    meaning:
      "no source types a parameter: the client takes a string or a number (sent as text), the server hands over a `string`",
  },
  "model/unused-path-parameter": {
    severity: "warning",
    meaning:
      "a declared path parameter that is not in the path template: left out",
  },
  "naming/invalid-override": {
    severity: "warning",
    meaning:
      "a `names` override that is not a usable identifier: its camelCase form is used (none: the derived name)",
  },
  "naming/override-taken": {
    severity: "warning",
    meaning:
      "a `names` override taken by an earlier one, or reserved (`createClient`): the derived name is used",
  },
  "naming/unmatched-override": {
    severity: "warning",
    meaning:
      "a `names` key matches no endpoint (any method case, any variable names, `:id`), or another key names it",
  },
  "openapi3/callback-skipped": {
    severity: "info",
    meaning: "callbacks are not generated",
  },
  "openapi3/duplicate-parameter": {
    severity: "warning",
    meaning:
      "an operation declares the same parameter (name and place) twice: the last is kept",
  },
  "openapi3/duplicate-security-scheme": {
    severity: "warning",
    meaning: "two security schemes share a name: the first is kept",
  },
  "openapi3/inferred-security-scheme": {
    severity: "info",
    meaning:
      "an `Authorization` header parameter is read as a security scheme the document does not define",
  },
  "openapi3/invalid-header": {
    severity: "warning",
    meaning: "a response header that cannot be read: ignored",
  },
  "openapi3/invalid-media-type": {
    severity: "warning",
    meaning: "a content key that is not a media type: skipped",
  },
  "openapi3/invalid-method": {
    severity: "warning",
    meaning:
      "a path item key that is not an HTTP method or a known field: ignored",
  },
  "openapi3/invalid-operation": {
    severity: "warning",
    meaning: "an operation that is not an object: skipped",
  },
  "openapi3/invalid-parameter": {
    severity: "warning",
    meaning:
      "a parameter that cannot be read (no name, unknown `in`, not an object): skipped",
  },
  "openapi3/invalid-parameters": {
    severity: "warning",
    meaning: "`parameters` is not a list: ignored",
  },
  "openapi3/invalid-path": {
    severity: "warning",
    meaning: "a path key that does not start with `/`: skipped",
  },
  "openapi3/invalid-path-item": {
    severity: "warning",
    meaning: "a path item that is not an object: skipped",
  },
  "openapi3/invalid-paths": {
    severity: "error",
    meaning:
      "`paths` is missing or not an object: the document yields no endpoints",
  },
  "openapi3/invalid-request-body": {
    severity: "warning",
    meaning: "a `requestBody` that cannot be read: the operation has no body",
  },
  "openapi3/invalid-response": {
    severity: "warning",
    meaning: "a response that is not an object: skipped",
  },
  "openapi3/invalid-responses": {
    severity: "warning",
    meaning: "`responses` is not an object: the operation has no responses",
  },
  "openapi3/invalid-scopes": {
    severity: "warning",
    meaning: "a security requirement's scopes are not a list of strings",
  },
  "openapi3/invalid-security": {
    severity: "warning",
    meaning: "a `security` list or requirement that cannot be read: ignored",
  },
  "openapi3/invalid-security-scheme": {
    severity: "warning",
    meaning: "a security scheme that lacks what its type needs: skipped",
  },
  "openapi3/invalid-server": {
    severity: "warning",
    meaning: "a server entry without a usable `url`: skipped",
  },
  "openapi3/invalid-server-variable": {
    severity: "warning",
    meaning: "a server variable that cannot be read: ignored",
  },
  "openapi3/invalid-servers": {
    severity: "warning",
    meaning: "`servers` is not a list: ignored",
  },
  "openapi3/invalid-status": {
    severity: "warning",
    meaning:
      "a response key that is not a status code, a range (`4XX`) or `default`: skipped",
  },
  "openapi3/invalid-style": {
    severity: "warning",
    meaning:
      "a `style` the parameter's place does not allow: the default style is used",
  },
  "openapi3/invalid-tag": {
    severity: "warning",
    meaning: "a tag entry that cannot be read: ignored",
  },
  "openapi3/missing-info": {
    severity: "warning",
    meaning:
      "the document has no usable `info`: title and version are left empty",
  },
  "openapi3/optional-path-parameter": {
    severity: "warning",
    meaning: "a path parameter not marked required: path parameters always are",
  },
  "openapi3/ref-cycle": {
    severity: "error",
    meaning:
      "a `$ref` chain comes back to where it started without reaching a value",
  },
  "openapi3/server-variable-without-default": {
    severity: "warning",
    meaning:
      "a server variable with no `default`: its first enum value, or empty, is used",
  },
  "openapi3/servers-ignored": {
    severity: "info",
    meaning:
      "path- or operation-level `servers` are not generated: the document's servers apply",
  },
  "openapi3/undeclared-server-variable": {
    severity: "warning",
    meaning: "a `{name}` in a server URL that `variables` does not declare",
  },
  "openapi3/unknown-security-scheme": {
    severity: "warning",
    meaning:
      "a security requirement names a scheme the document does not declare",
  },
  "openapi3/unreadable-operation": {
    severity: "error",
    meaning: "an operation the reader could not read at all: skipped",
  },
  "openapi3/webhook-skipped": {
    severity: "info",
    meaning: "webhooks are not generated",
  },
  "parse/alias-expansion": {
    severity: "error",
    meaning:
      "YAML aliases expand past 1,000,000 nodes, or into themselves: not read",
  },
  "parse/duplicate-json-key": {
    severity: "warning",
    meaning:
      "a JSON object names a key twice: the last one wins, as in `JSON.parse`",
  },
  "parse/duplicate-key": {
    severity: "error",
    meaning: "a YAML mapping names a key twice (YAML forbids it): not read",
  },
  "parse/empty-file": {
    severity: "error",
    meaning: "the file holds nothing to read",
  },
  "parse/invalid-json": {
    severity: "error",
    meaning: "the file is not valid JSON (at the offending character)",
  },
  "parse/invalid-yaml": {
    severity: "error",
    meaning: "the file is not valid YAML (at the offending character)",
  },
  "parse/too-deep": {
    severity: "error",
    meaning: "values nest deeper than 256 levels: the file is not read",
  },
  "postman/incomplete-auth": {
    severity: "warning",
    meaning:
      "an auth block that lacks what its type needs (an API key without a name)",
  },
  "postman/invalid-header-name": {
    severity: "warning",
    meaning:
      "a header whose name is not an HTTP token: no client could send it",
  },
  "postman/invalid-item": {
    severity: "warning",
    meaning:
      "an item that is neither a folder nor a request, or a request without a usable URL: skipped",
  },
  "postman/invalid-json-body": {
    severity: "info",
    meaning:
      "a body declared as JSON whose text does not parse: kept without an example",
  },
  "postman/pruned-body": {
    severity: "info",
    meaning: "a GET or HEAD body Postman itself would not send: left out",
  },
  "postman/unresolved-variable": {
    severity: "warning",
    meaning:
      "a `{{var}}` with no value in any variable scope of the collection",
  },
  "postman/unsupported-auth": {
    severity: "warning",
    meaning:
      "an auth type OpenAPI cannot express (oauth1, hawk, ntlm, awsv4, akamai…)",
  },
  "postman/unsupported-method": {
    severity: "warning",
    meaning:
      "a method OpenAPI cannot express (COPY, LINK, PURGE, VIEW…): the request is skipped",
  },
  "ref/invalid": {
    severity: "error",
    meaning: "a `$ref` that is not a URI reference apiloom can resolve",
  },
  "ref/not-found": {
    severity: "error",
    meaning: "a `$ref` whose target does not exist",
  },
  "ref/outside-folder": {
    severity: "error",
    meaning:
      "a `$ref` to a file outside the spec's folder (allow with `merge.allowExternalRefs`)",
  },
  "ref/remote": {
    severity: "error",
    meaning: "a `$ref` to a URL: apiloom reads no network",
  },
  "ref/unreadable": {
    severity: "error",
    meaning: "a `$ref` to a file that cannot be read or parsed",
  },
  "scaffold/changed-signature": {
    severity: "warning",
    meaning: "an endpoint's contract changed under your handler",
  },
  "scaffold/handlers-not-found": {
    severity: "error",
    meaning:
      "your handlers file has no `handlers` object apiloom can add stubs to",
  },
  "scaffold/orphaned-handler": {
    severity: "warning",
    meaning:
      "your handlers file implements an endpoint the specs no longer have",
  },
  "scaffold/signatures-not-found": {
    severity: "warning",
    meaning:
      "your handlers file has no `signatures` object: changed contracts cannot be flagged",
  },
  "scaffold/spread-in-handlers": {
    severity: "warning",
    meaning:
      "your `handlers` object spreads another object: apiloom cannot see every handler",
  },
  "schema/alias-cycle": {
    severity: "error",
    meaning:
      "named schemas that are only references to each other (`A → B → A`): no value",
  },
  "schema/composition-cycle": {
    severity: "warning",
    meaning:
      "schemas that compose each other (`Cat: allOf [Pet]`, `Pet: oneOf [Cat]`): one link inlined",
  },
  "schema/invalid-keyword": {
    severity: "warning",
    meaning:
      "a schema keyword whose value has the wrong type (`required: yes`): ignored",
  },
  "schema/too-deep": {
    severity: "warning",
    meaning:
      "schemas nest more than 128 levels deep: deeper ones are typed `unknown`",
  },
  "schema/invalid-pattern": {
    severity: "warning",
    meaning:
      "a `pattern` that is not a JavaScript regular expression: the validators skip it",
  },
  "plugin/error": {
    severity: "error",
    meaning:
      "a plugin of the config (`plugins`) reports an error in what it was given: its message says what",
  },
  "plugin/warning": {
    severity: "warning",
    meaning:
      "a plugin of the config (`plugins`) reports a warning: its message says what",
  },
  "security/scopes-from-prose": {
    severity: "info",
    meaning:
      'auth was read from descriptions ("Authentication required, with scope …")',
  },
  "server/ambiguous-route": {
    severity: "warning",
    meaning:
      "two path templates match the same URL: the router would pick one silently",
  },
  "swagger2/body-without-schema": {
    severity: "warning",
    meaning: "a `body` parameter with no schema: the body is untyped",
  },
  "swagger2/duplicate-parameter": {
    severity: "warning",
    meaning:
      "an operation declares the same parameter (name and place) twice: the last is kept",
  },
  "swagger2/duplicate-security-scheme": {
    severity: "warning",
    meaning: "two security schemes share a name: the first is kept",
  },
  "swagger2/extra-body-parameter": {
    severity: "warning",
    meaning:
      "more than one `body` parameter, or `body` beside `formData`: the extra is ignored",
  },
  "swagger2/inferred-security-scheme": {
    severity: "info",
    meaning:
      "an `Authorization` header parameter is read as a security scheme the document does not define",
  },
  "swagger2/invalid-base-path": {
    severity: "warning",
    meaning: "`basePath` does not start with `/`: ignored",
  },
  "swagger2/invalid-header": {
    severity: "warning",
    meaning: "a response header that cannot be read: ignored",
  },
  "swagger2/invalid-host": {
    severity: "warning",
    meaning:
      "`host` names a scheme (`https://…`), which `schemes` should: the scheme is dropped",
  },
  "swagger2/invalid-method": {
    severity: "warning",
    meaning:
      "a path item key that is not an HTTP method or a known field: ignored",
  },
  "swagger2/invalid-operation": {
    severity: "warning",
    meaning: "an operation that is not an object: skipped",
  },
  "swagger2/invalid-parameter": {
    severity: "warning",
    meaning:
      "a parameter that cannot be read (no name, unknown `in`, not an object): skipped",
  },
  "swagger2/invalid-parameters": {
    severity: "warning",
    meaning: "`parameters` is not a list: ignored",
  },
  "swagger2/invalid-path": {
    severity: "warning",
    meaning: "a path key that does not start with `/`: skipped",
  },
  "swagger2/invalid-path-item": {
    severity: "warning",
    meaning: "a path item that is not an object: skipped",
  },
  "swagger2/invalid-paths": {
    severity: "error",
    meaning:
      "`paths` is missing or not an object: the document yields no endpoints",
  },
  "swagger2/invalid-response": {
    severity: "warning",
    meaning: "a response that is not an object: skipped",
  },
  "swagger2/invalid-responses": {
    severity: "warning",
    meaning: "`responses` is not an object: the operation has no responses",
  },
  "swagger2/invalid-scopes": {
    severity: "warning",
    meaning: "a security requirement's scopes are not a list of strings",
  },
  "swagger2/invalid-security": {
    severity: "warning",
    meaning: "a `security` list or requirement that cannot be read: ignored",
  },
  "swagger2/invalid-security-scheme": {
    severity: "warning",
    meaning: "a security scheme that lacks what its type needs: skipped",
  },
  "swagger2/invalid-status": {
    severity: "warning",
    meaning:
      "a response key that is not a status code, a range (`4XX`) or `default`: skipped",
  },
  "swagger2/invalid-tag": {
    severity: "warning",
    meaning: "a tag entry that cannot be read: ignored",
  },
  "swagger2/missing-info": {
    severity: "warning",
    meaning:
      "the document has no usable `info`: title and version are left empty",
  },
  "swagger2/no-schemes": {
    severity: "info",
    meaning: "the document names a `host` but no `schemes`: https is assumed",
  },
  "swagger2/optional-path-parameter": {
    severity: "warning",
    meaning: "a path parameter with `required: false`: read as required",
  },
  "swagger2/ref-cycle": {
    severity: "error",
    meaning:
      "a `$ref` chain comes back to where it started without reaching a value",
  },
  "swagger2/unknown-collection-format": {
    severity: "warning",
    meaning: "a `collectionFormat` Swagger 2.0 does not define: read as csv",
  },
  "swagger2/unknown-security-scheme": {
    severity: "warning",
    meaning:
      "a security requirement names a scheme the document does not declare",
  },
  "swagger2/unreadable-operation": {
    severity: "error",
    meaning: "an operation the reader could not read at all: skipped",
  },
  "swagger2/unsupported-collection-format": {
    severity: "warning",
    meaning:
      "a `collectionFormat` the emitted OpenAPI 3 cannot say (`tsv`, `ssv` outside the query) or not allowed where it is (`multi` in a path)",
  },
} as const satisfies Record<string, DiagnosticCodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(DIAGNOSTIC_CODES, code);
}
