import { family } from "../model/diagnostics/code-info.js";
import { MODEL_CODES } from "../model/diagnostics/codes.js";
import { Reporter } from "../model/diagnostics/reporter.js";
import { OPENAPI3_CODES } from "./openapi3/codes.js";
import { OVERLAY_CODES } from "./overlay/codes.js";
import { POSTMAN_CODES } from "./postman/codes.js";
import { SWAGGER2_CODES } from "./swagger2/codes.js";

export const INGEST_CODES = {
  ...MODEL_CODES,
  ...family("input", {
    error: {
      encoding:
        "a file (an input or a `$ref`'d one) is not UTF-8 or UTF-16 text: the first bad byte is named, nothing is guessed",
      "fetch-failed":
        "a URL input gave no document: no answer in time (and no cached copy), an HTTP error, a redirect loop or too many redirects, a header's environment variable not set",
      "no-match": "an input pattern matches no file",
      "not-an-api":
        "valid JSON/YAML, but not Swagger 2.0, OpenAPI 3.x or a Postman collection",
      "not-a-file":
        "an input or `$ref` target is a folder, FIFO, device or socket: only regular files are read",
      "too-large":
        "an input or `$ref`'d file is larger than the limit (100 MiB unless `--max-input-size` / `merge.maxInputSize` raise it): not read",
      unreadable: "an input file cannot be read (missing, no permission)",
    },
    warning: {
      "not-a-string":
        "a text field holds a number or boolean (`version: 1.10`): read as written",
    },
  }),
  ...family("parse", {
    error: {
      "alias-expansion":
        "YAML aliases expand past 1,000,000 nodes, or into themselves, or merge keys copy past 1,000,000 members: not read",
      "duplicate-key":
        "a YAML mapping names a key twice (YAML forbids it): not read",
      "empty-file": "the file holds nothing to read",
      "invalid-json": "the file is not valid JSON (at the offending character)",
      "invalid-yaml": "the file is not valid YAML (at the offending character)",
      "too-deep": "values nest deeper than 256 levels: the file is not read",
    },
    warning: {
      "duplicate-json-key":
        "a JSON object names a key twice: the last one wins, as in `JSON.parse`",
    },
  }),
  ...family("ref", {
    error: {
      invalid: "a `$ref` that is not a URI reference apiloom can resolve",
      "not-found": "a `$ref` whose target does not exist",
      "outside-folder":
        "a `$ref` to a file outside the spec's folder (allow with `merge.allowExternalRefs`)",
      remote:
        "a `$ref` to a URL (or to another file from a document fetched from a URL) without `--allow-external-refs`, or to a scheme other than http(s)",
      unreadable: "a `$ref` to a file that cannot be read or parsed",
    },
    warning: {
      "extension-kept":
        "a `$ref` inside an `x-` extension or an example that cannot be followed, leads back into itself or comes after 1,000,000 values read so: openapi.json keeps it as written",
    },
  }),
  ...OPENAPI3_CODES,
  ...SWAGGER2_CODES,
  ...POSTMAN_CODES,
  ...OVERLAY_CODES,
} as const;

export type IngestCode = keyof typeof INGEST_CODES;

export class IngestReporter extends Reporter<IngestCode> {
  constructor() {
    super(INGEST_CODES);
  }
}
