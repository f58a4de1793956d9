// The diagnostic codes both OpenAPI-family readers report (mostly from openapi-common/), stated
// once: each is registered as `swagger2/<code>` and as `openapi3/<code>` (their codes.ts).

import type { CodesOf, Meanings } from "../../model/diagnostics/code-info.js";

export const READER_CODES = {
  error: {
    "invalid-paths":
      "`paths` is missing or not an object: the document yields no endpoints",
    "ref-cycle":
      "a `$ref` chain comes back to where it started without reaching a value",
    "unreadable-operation":
      "an operation the reader could not read at all: skipped",
  },
  warning: {
    "duplicate-parameter":
      "an operation declares the same parameter (name and place) twice: the last is kept",
    "duplicate-security-scheme":
      "two security schemes share a name: the first is kept",
    "invalid-header-name":
      "a header parameter or apiKey header whose name is not an HTTP token (`tok(en)`): left out, no client could send it",
    "invalid-header": "a response header that cannot be read: ignored",
    "invalid-method":
      "a path item key that is not an HTTP method or a known field: ignored",
    "invalid-operation": "an operation that is not an object: skipped",
    "invalid-parameter":
      "a parameter that cannot be read (no name, unknown `in`, not an object): skipped",
    "invalid-parameters": "`parameters` is not a list: ignored",
    "invalid-path": "a path key that does not start with `/`: skipped",
    "invalid-path-item": "a path item that is not an object: skipped",
    "invalid-response": "a response that is not an object: skipped",
    "invalid-responses":
      "`responses` is not an object: the operation has no responses",
    "invalid-scopes":
      "a security requirement's scopes are not a list of strings",
    "invalid-security":
      "a `security` list or requirement that cannot be read: ignored",
    "invalid-security-scheme":
      "a security scheme that lacks what its type needs: skipped",
    "invalid-status":
      "a response key that is not a status code, a range (`4XX`) or `default`: skipped",
    "invalid-tag": "a tag entry that cannot be read: ignored",
    "missing-info":
      "the document has no usable `info`: title and version are left empty",
    "transport-header":
      "a header parameter fetch writes itself (`Transfer-Encoding`, `Connection`, `Host`, `Expect`…): left out, since a value given is refused or replaced",
    "unknown-security-scheme":
      "a security requirement names a scheme the document does not declare",
  },
  info: {
    "inferred-security-scheme":
      "an `Authorization` header parameter is read as a security scheme the document does not define",
  },
} as const satisfies Meanings;

/** A problem both readers report, named without the prefix (`reading.code("ref-cycle")`). */
export type SharedReaderCode = CodesOf<typeof READER_CODES>;
