import { family } from "../../model/diagnostics/code-info.js";
import { READER_CODES } from "../openapi-common/codes.js";

export const OPENAPI3_CODES = family("openapi3", READER_CODES, {
  warning: {
    "invalid-media-type":
      "a content key that is not a media type: skipped (an empty one is read as `*/*`)",
    "invalid-request-body":
      "a `requestBody` that cannot be read: the operation has no body",
    "invalid-server": "a server entry without a usable `url`: skipped",
    "invalid-server-variable": "a server variable that cannot be read: ignored",
    "invalid-servers": "`servers` is not a list: ignored",
    "invalid-style":
      "a `style` the parameter's place does not allow: the default style is used",
    "invalid-webhook":
      "a webhook that is not a path item, or an operation of it that could not be read: skipped",
    "optional-path-parameter":
      "a path parameter not marked required: path parameters always are",
    "server-variable-without-default":
      "a server variable with no `default`: its first enum value, or empty, is used",
    "undeclared-server-variable":
      "a `{name}` in a server URL that `variables` does not declare: the client gets no default base URL",
    "unsupported-feature":
      "an OpenAPI 3.2 feature apiloom does not read (a JSON `in: querystring`, `itemEncoding`, `style: cookie`, …) or keeps in the model only (an `itemSchema` it does not type)",
  },
  info: {
    "callback-skipped": "callbacks are not generated",
    "webhook-parameter-skipped":
      "a webhook's path, query or cookie parameter: the receiver reads headers and the body only",
  },
});
