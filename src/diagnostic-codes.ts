import type { CodeTable } from "./model/diagnostics/code-info.js";
import { WORKFLOW_CODES } from "./workflow/codes.js";

/**
 * Every diagnostic code apiloom reports: each layer declares its codes in its codes.ts
 * (ARCHITECTURE.md, "Diagnostics"), and the workflow's, the highest layer that reports, hold every
 * code. docs/diagnostics.md's table is made from it (`npm run readme:diagnostics`).
 */
export const DIAGNOSTIC_CODES = WORKFLOW_CODES satisfies CodeTable<string>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

// a Diagnostic's `code` (src/model/types.ts) is one of the registry's codes
declare module "./model/types.js" {
  interface DiagnosticCodes extends Record<DiagnosticCode, true> {}
}

/** What a diagnostic code means (the registry's line), or "" for a code it does not hold. */
export function diagnosticMeaning(code: string): string {
  return Object.hasOwn(DIAGNOSTIC_CODES, code)
    ? DIAGNOSTIC_CODES[code as DiagnosticCode].meaning
    : "";
}
