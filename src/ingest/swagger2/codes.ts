import { family } from "../../model/diagnostics/code-info.js";
import { READER_CODES } from "../openapi-common/codes.js";

export const SWAGGER2_CODES = family("swagger2", READER_CODES, {
  warning: {
    "body-without-schema":
      "a `body` parameter with no schema: the body is untyped",
    "extra-body-parameter":
      "more than one `body` parameter, or `body` beside `formData`: the extra is ignored",
    "invalid-base-path": "`basePath` does not start with `/`: ignored",
    "invalid-host":
      "`host` is no string or names a scheme (`https://…`), or a `schemes` entry is not http, https, ws or wss: dropped",
    "optional-path-parameter":
      "a path parameter with `required: false`: read as required",
    "unknown-collection-format":
      "a `collectionFormat` Swagger 2.0 does not define: read as csv",
    "unread-ms-paths":
      "`x-ms-paths` (Azure's paths told apart by their query, `/{c}?restype=container`) is not read: its operations are not generated",
    "unsupported-collection-format":
      "a `collectionFormat` the emitted OpenAPI 3 cannot say (`tsv`; `ssv` or `pipes` in a path or header) or not allowed where it is (`multi` in a path)",
  },
  info: {
    "no-schemes":
      "the document names a `host` but no `schemes`: https is assumed",
  },
});
