import { family } from "../model/diagnostics/code-info.js";
import { Reporter } from "../model/diagnostics/reporter.js";
import { EMIT_CODES } from "../emit/codes.js";
import { INGEST_CODES } from "../ingest/codes.js";

/** The codes the scaffold reports, with those of the layers below. */
export const SCAFFOLD_CODES = {
  ...INGEST_CODES,
  ...EMIT_CODES,
  ...family("scaffold", {
    error: {
      "handlers-not-found":
        "your handlers file has no `handlers` object apiloom can add stubs to",
    },
    warning: {
      "changed-signature": "an endpoint's contract changed under your handler",
      "orphan-check-skipped":
        "an input was not read (a parse error, a file not found): handlers are not judged orphaned against the part of the API that loaded",
      "orphaned-handler":
        "your handlers file implements an endpoint the specs no longer have",
      "signatures-not-found":
        "your handlers file has no `signatures` object: changed contracts cannot be flagged",
      "spread-in-handlers":
        "your `handlers` object spreads another object: apiloom cannot see every handler",
      "stale-output-import":
        "your handlers file imports from an apiloom output folder this API no longer generates (its `out` moved): tsc compiles against stale code",
    },
  }),
} as const;

export class ScaffoldReporter extends Reporter<keyof typeof SCAFFOLD_CODES> {
  constructor() {
    super(SCAFFOLD_CODES);
  }
}
