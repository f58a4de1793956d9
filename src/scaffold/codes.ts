// The diagnostic codes the handlers scaffold reports (scaffold/); and those of the layers below.

import type { FamilyCodes } from "../model/diagnostics/code-info.js";
import { Reporter } from "../model/diagnostics/reporter.js";
import { EMIT_CODES } from "../emit/codes.js";
import { INGEST_CODES } from "../ingest/codes.js";

/** The `scaffold/` codes. */
const HANDLERS_CODES = {
  "scaffold/changed-signature": {
    severity: "warning",
    meaning: "an endpoint's contract changed under your handler",
  },
  "scaffold/handlers-not-found": {
    severity: "error",
    meaning:
      "your handlers file has no `handlers` object apiloom can add stubs to",
  },
  "scaffold/orphan-check-skipped": {
    severity: "warning",
    meaning:
      "an input was not read (a parse error, a file not found): handlers are not judged orphaned against the part of the API that loaded",
  },
  "scaffold/orphaned-handler": {
    severity: "warning",
    meaning:
      "your handlers file implements an endpoint the specs no longer have",
  },
  "scaffold/signatures-not-found": {
    severity: "warning",
    meaning:
      "your handlers file has no `signatures` object: changed contracts cannot be flagged",
  },
  "scaffold/spread-in-handlers": {
    severity: "warning",
    meaning:
      "your `handlers` object spreads another object: apiloom cannot see every handler",
  },
  "scaffold/stale-output-import": {
    severity: "warning",
    meaning:
      "your handlers file imports from an apiloom output folder this API no longer generates (its `out` moved): tsc compiles against stale code",
  },
} as const satisfies FamilyCodes<"scaffold">;

/** The codes the scaffold reports, with those of the layers below. */
export const SCAFFOLD_CODES = {
  ...INGEST_CODES,
  ...EMIT_CODES,
  ...HANDLERS_CODES,
} as const;

export type ScaffoldCode = keyof typeof SCAFFOLD_CODES;

/** A reporter of the scaffold's codes (and those below). */
export class ScaffoldReporter extends Reporter<ScaffoldCode> {
  constructor() {
    super(SCAFFOLD_CODES);
  }
}
