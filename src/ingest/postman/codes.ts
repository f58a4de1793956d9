// The diagnostic codes of the Postman collection reader (src/ingest/postman/);
// src/ingest/codes.ts combines the readers'.

import type { FamilyCodes } from "../../model/diagnostics/code-info.js";

export const POSTMAN_CODES = {
  "postman/api-key-location": {
    severity: "warning",
    meaning:
      "an API key auth whose `in` is neither `header` nor `query` (`path`, `cookie`): read as Postman sends it, in a header",
  },
  "postman/incomplete-auth": {
    severity: "warning",
    meaning:
      "an auth block that lacks what its type needs (an API key without a name)",
  },
  "postman/invalid-header-name": {
    severity: "warning",
    meaning:
      "a header, or an API key auth's header, whose name is not an HTTP token: no client could send it, so it is left out",
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
  "postman/large-body": {
    severity: "warning",
    meaning:
      "a raw body or saved response over 64 KiB: a text example keeps its first 65,536 characters, a JSON one its schema only (to 4 MiB)",
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
  "postman/variable-cycle": {
    severity: "warning",
    meaning:
      "a collection variable refers back to itself (`a` → `b` → `a`): the reference is left unresolved",
  },
  "postman/variable-expansion": {
    severity: "warning",
    meaning:
      "a `{{variable}}` nests deeper than 8 levels or expands past 10,000 substitutions or 1,000,000 characters: left unresolved",
  },
} as const satisfies FamilyCodes<"postman">;
