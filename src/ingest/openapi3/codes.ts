// The diagnostic codes of the OpenAPI 3.x reader (src/ingest/openapi3/), those it shares with the
// Swagger 2.0 reader among them (openapi-common/codes.ts); src/ingest/codes.ts combines the readers'.

import type { FamilyCodes } from "../../model/diagnostics/code-info.js";
import { readerCodes } from "../openapi-common/codes.js";

export const OPENAPI3_CODES = {
  ...readerCodes("openapi3"),
  "openapi3/callback-skipped": {
    severity: "info",
    meaning: "callbacks are not generated",
  },
  "openapi3/invalid-media-type": {
    severity: "warning",
    meaning: "a content key that is not a media type: skipped",
  },
  "openapi3/invalid-request-body": {
    severity: "warning",
    meaning: "a `requestBody` that cannot be read: the operation has no body",
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
  "openapi3/invalid-style": {
    severity: "warning",
    meaning:
      "a `style` the parameter's place does not allow: the default style is used",
  },
  "openapi3/invalid-webhook": {
    severity: "warning",
    meaning:
      "a webhook that is not a path item, or an operation of it that could not be read: skipped",
  },
  "openapi3/optional-path-parameter": {
    severity: "warning",
    meaning: "a path parameter not marked required: path parameters always are",
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
