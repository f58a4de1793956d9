import { family } from "../model/diagnostics/code-info.js";
import { Reporter } from "../model/diagnostics/reporter.js";
import { SCAFFOLD_CODES } from "../scaffold/codes.js";

/** The codes the workflow reports, with those of every layer below (the scaffold's hold them). */
export const WORKFLOW_CODES = {
  ...SCAFFOLD_CODES,
  ...family("output", {
    warning: {
      "left-behind":
        "an output folder (and its name lock) an earlier run of this config wrote is no longer generated: the command that removes them is printed",
      "unsafe-journal":
        "a journal in the output folder names a path outside it, a link, or a staged file with the wrong hash: discarded, never rolled forward",
      "unsafe-manifest-entry":
        "the manifest lists a path outside the output folder (`..`, absolute, a backslash, behind a link): ignored, never written or removed",
    },
  }),
  ...family("config", {
    warning: {
      "ignored-option":
        "a setting that has no effect in this run (server adapters without the `server` artifact): ignored",
    },
  }),
} as const;

export class WorkflowReporter extends Reporter<keyof typeof WORKFLOW_CODES> {
  constructor() {
    super(WORKFLOW_CODES);
  }
}
