import { family } from "../../model/diagnostics/code-info.js";

export const OVERLAY_CODES = family("overlay", {
  error: {
    invalid:
      "an overlay breaks the Overlay schema (1.0, 1.1) or holds a JSONPath that is not RFC 9535: it is not applied",
    limit:
      "an overlay action passes a bound of overlay evaluation (nodes visited or selected, values added, nesting, a filter pattern that could backtrack): nothing is written",
  },
  warning: {
    "no-match":
      "an overlay action's `target` (or `copy`) selects nothing in its document: the document changed, look at the action",
    "not-applied":
      "an overlay action cannot apply where it points (`copy` of several nodes, removing the root, a mismatched update): skipped",
    "no-input":
      "an overlay's `extends` (or its `inputs` in the config) names no input of the run: it changes nothing",
  },
});
