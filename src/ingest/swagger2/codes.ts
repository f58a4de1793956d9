// The diagnostic codes of the Swagger 2.0 reader (src/ingest/swagger2/, and the shared parts of
// src/ingest/openapi-common/ as `swagger2/…`); src/ingest/codes.ts combines the readers'.

import type { FamilyCodes } from "../../model/diagnostics/code-info.js";

/** The `swagger2/` codes. */
export const SWAGGER2_CODES = {
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
  "swagger2/invalid-header-name": {
    severity: "warning",
    meaning:
      "a header parameter or apiKey header whose name is not an HTTP token (`tok(en)`): left out, no client could send it",
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
} as const satisfies FamilyCodes<"swagger2">;
