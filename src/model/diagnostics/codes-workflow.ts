// Diagnostic codes of the registry (src/model/diagnostics/codes.ts, which combines the families):
// the workflow: the output folder (output/) and settings (config/), src/workflow/.

import type { FamilyCodes } from "./code-info.js";

/** The `output/` codes. */
export const OUTPUT_CODES = {
  "output/left-behind": {
    severity: "warning",
    meaning:
      "an output folder (and its name lock) an earlier run of this config wrote is no longer generated: the command that removes them is printed",
  },
  "output/unsafe-journal": {
    severity: "warning",
    meaning:
      "a journal in the output folder names a path outside it, a link, or a staged file with the wrong hash: discarded, never rolled forward",
  },
  "output/changelog-too-large": {
    severity: "warning",
    meaning:
      "the last run's docs/changes.md is over 4 MiB: its record is not read back; the page is made from this run's comparison",
  },
  "output/unsafe-manifest-entry": {
    severity: "warning",
    meaning:
      "the manifest lists a path outside the output folder (`..`, absolute, a backslash, behind a link): ignored, never written or removed",
  },
} as const satisfies FamilyCodes<"output">;

/** The `config/` codes. */
export const CONFIG_CODES = {
  "config/ignored-option": {
    severity: "warning",
    meaning:
      "a setting that has no effect in this run (server adapters without the `server` artifact): ignored",
  },
} as const satisfies FamilyCodes<"config">;
