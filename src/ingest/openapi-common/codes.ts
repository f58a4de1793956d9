// The diagnostic codes both OpenAPI-family readers report (mostly from openapi-common/), stated
// once: each is registered as `swagger2/<code>` and as `openapi3/<code>` (their codes.ts).

import type { DiagnosticCodeInfo } from "../../model/diagnostics/code-info.js";

const READER_CODES = {
  "duplicate-parameter": {
    severity: "warning",
    meaning:
      "an operation declares the same parameter (name and place) twice: the last is kept",
  },
  "duplicate-security-scheme": {
    severity: "warning",
    meaning: "two security schemes share a name: the first is kept",
  },
  "inferred-security-scheme": {
    severity: "info",
    meaning:
      "an `Authorization` header parameter is read as a security scheme the document does not define",
  },
  "invalid-header-name": {
    severity: "warning",
    meaning:
      "a header parameter or apiKey header whose name is not an HTTP token (`tok(en)`): left out, no client could send it",
  },
  "invalid-header": {
    severity: "warning",
    meaning: "a response header that cannot be read: ignored",
  },
  "invalid-method": {
    severity: "warning",
    meaning:
      "a path item key that is not an HTTP method or a known field: ignored",
  },
  "invalid-operation": {
    severity: "warning",
    meaning: "an operation that is not an object: skipped",
  },
  "invalid-parameter": {
    severity: "warning",
    meaning:
      "a parameter that cannot be read (no name, unknown `in`, not an object): skipped",
  },
  "invalid-parameters": {
    severity: "warning",
    meaning: "`parameters` is not a list: ignored",
  },
  "invalid-path": {
    severity: "warning",
    meaning: "a path key that does not start with `/`: skipped",
  },
  "invalid-path-item": {
    severity: "warning",
    meaning: "a path item that is not an object: skipped",
  },
  "invalid-paths": {
    severity: "error",
    meaning:
      "`paths` is missing or not an object: the document yields no endpoints",
  },
  "invalid-response": {
    severity: "warning",
    meaning: "a response that is not an object: skipped",
  },
  "invalid-responses": {
    severity: "warning",
    meaning: "`responses` is not an object: the operation has no responses",
  },
  "invalid-scopes": {
    severity: "warning",
    meaning: "a security requirement's scopes are not a list of strings",
  },
  "invalid-security": {
    severity: "warning",
    meaning: "a `security` list or requirement that cannot be read: ignored",
  },
  "invalid-security-scheme": {
    severity: "warning",
    meaning: "a security scheme that lacks what its type needs: skipped",
  },
  "invalid-status": {
    severity: "warning",
    meaning:
      "a response key that is not a status code, a range (`4XX`) or `default`: skipped",
  },
  "invalid-tag": {
    severity: "warning",
    meaning: "a tag entry that cannot be read: ignored",
  },
  "missing-info": {
    severity: "warning",
    meaning:
      "the document has no usable `info`: title and version are left empty",
  },
  "ref-cycle": {
    severity: "error",
    meaning:
      "a `$ref` chain comes back to where it started without reaching a value",
  },
  "unknown-security-scheme": {
    severity: "warning",
    meaning:
      "a security requirement names a scheme the document does not declare",
  },
  "unreadable-operation": {
    severity: "error",
    meaning: "an operation the reader could not read at all: skipped",
  },
} as const satisfies Record<string, DiagnosticCodeInfo>;

/** A problem both readers report, named without the prefix (`reading.code("ref-cycle")`). */
export type SharedReaderCode = keyof typeof READER_CODES;

/** The shared codes under one reader's prefix. */
export function readerCodes<P extends string>(
  prefix: P,
): {
  readonly [K in SharedReaderCode as `${P}/${K}`]: (typeof READER_CODES)[K];
} {
  return Object.fromEntries(
    Object.entries(READER_CODES).map(([code, info]) => [
      `${prefix}/${code}`,
      info,
    ]),
  ) as never;
}
