// Diagnostic codes of the registry (src/model/diagnostic-codes.ts, which combines the families):
// overlays (OpenAPI Overlay Specification 1.0 and 1.1) laid over the inputs before they are read.

import type { FamilyCodes } from "./diagnostic-code-info.js";

/** The `overlay/` codes. */
export const OVERLAY_CODES = {
  "overlay/invalid": {
    severity: "error",
    meaning:
      "an overlay breaks the Overlay Specification's schema (1.0 or 1.1), or a JSONPath in it is not RFC 9535: it is not applied",
  },
  "overlay/no-match": {
    severity: "warning",
    meaning:
      "an overlay action's `target` (or `copy`) selects nothing in the document it is applied to: the document changed, look at the action",
  },
  "overlay/not-applied": {
    severity: "warning",
    meaning:
      "an overlay action cannot be applied where its target points (a `copy` selecting several nodes, removing the root, an update of another kind than its target): that action is skipped",
  },
  "overlay/no-input": {
    severity: "warning",
    meaning:
      "an overlay's `extends` (or the config's `inputs` for it) names no input of the run: it changes nothing",
  },
} as const satisfies FamilyCodes<"overlay">;
