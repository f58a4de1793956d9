// The diagnostic codes of the OpenAPI 3.0 and 3.1 reader (src/ingest/openapi3/, and the shared
// parts of src/ingest/openapi-common/ as `openapi3/…`); src/ingest/codes.ts combines the readers'.

import type { FamilyCodes } from "../../model/diagnostics/code-info.js";

/** The `openapi3/` codes. */
export const OPENAPI3_CODES = {
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
  "openapi3/invalid-header-name": {
    severity: "warning",
    meaning:
      "a header parameter or apiKey header whose name is not an HTTP token (`tok(en)`): left out, no client could send it",
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
  "openapi3/invalid-webhook": {
    severity: "warning",
    meaning:
      "a webhook that is not a path item, or an operation of it that could not be read: skipped",
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
  "openapi3/undeclared-server-variable": {
    severity: "warning",
    meaning:
      "a `{name}` in a server URL that `variables` does not declare: the client gets no default base URL",
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
  "openapi3/unsupported-feature": {
    severity: "warning",
    meaning:
      "an OpenAPI 3.2 feature apiloom does not read (a JSON `in: querystring`, `itemEncoding`, `style: cookie`, …) or keeps in the model only (an `itemSchema` it does not type)",
  },
  "openapi3/webhook-parameter-skipped": {
    severity: "info",
    meaning:
      "a webhook's path, query or cookie parameter: the receiver reads headers and the body only",
  },
} as const satisfies FamilyCodes<"openapi3">;
