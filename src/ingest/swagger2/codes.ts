// The diagnostic codes of the Swagger 2.0 reader (src/ingest/swagger2/), those it shares with the
// OpenAPI 3 reader among them (openapi-common/codes.ts); src/ingest/codes.ts combines the readers'.

import type { FamilyCodes } from "../../model/diagnostics/code-info.js";
import { readerCodes } from "../openapi-common/codes.js";

export const SWAGGER2_CODES = {
  ...readerCodes("swagger2"),
  "swagger2/body-without-schema": {
    severity: "warning",
    meaning: "a `body` parameter with no schema: the body is untyped",
  },
  "swagger2/extra-body-parameter": {
    severity: "warning",
    meaning:
      "more than one `body` parameter, or `body` beside `formData`: the extra is ignored",
  },
  "swagger2/invalid-base-path": {
    severity: "warning",
    meaning: "`basePath` does not start with `/`: ignored",
  },
  "swagger2/invalid-host": {
    severity: "warning",
    meaning:
      "`host` names a scheme (`https://…`), which `schemes` should: the scheme is dropped",
  },
  "swagger2/no-schemes": {
    severity: "info",
    meaning: "the document names a `host` but no `schemes`: https is assumed",
  },
  "swagger2/optional-path-parameter": {
    severity: "warning",
    meaning: "a path parameter with `required: false`: read as required",
  },
  "swagger2/unknown-collection-format": {
    severity: "warning",
    meaning: "a `collectionFormat` Swagger 2.0 does not define: read as csv",
  },
  "swagger2/unsupported-collection-format": {
    severity: "warning",
    meaning:
      "a `collectionFormat` the emitted OpenAPI 3 cannot say (`tsv`, `ssv` outside the query) or not allowed where it is (`multi` in a path)",
  },
} as const satisfies FamilyCodes<"swagger2">;
