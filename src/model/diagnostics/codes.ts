import type { DiagnosticCodeInfo } from "./code-info.js";
import { INPUT_CODES, PARSE_CODES, REF_CODES } from "./codes-input.js";
import { OPENAPI3_CODES } from "./codes-openapi3.js";
import { SWAGGER2_CODES } from "./codes-swagger2.js";
import { POSTMAN_CODES } from "./codes-postman.js";
import {
  SCHEMA_CODES,
  MERGE_CODES,
  MODEL_CODES,
  NAMING_CODES,
  SECURITY_CODES,
} from "./codes-model.js";
import {
  CLIENT_CODES,
  SERVER_CODES,
  MCP_CODES,
  PLUGIN_CODES,
} from "./codes-emit.js";
import { SCAFFOLD_CODES } from "./codes-scaffold.js";
import { OUTPUT_CODES, CONFIG_CODES } from "./codes-workflow.js";
import { OVERLAY_CODES } from "./codes-overlay.js";

export type { DiagnosticCodeInfo, Severity } from "./code-info.js";

/**
 * Every diagnostic code apiloom reports: the one registry. Codes are reported through the
 * Reporter (src/model/diagnostics/reporter.ts), which takes the severity from here, so a code has one
 * severity and an unregistered code does not compile. The table in docs/diagnostics.md
 * (`npm run readme:diagnostics`) and the generated docs' diagnostics page are made from it, and
 * test/diagnostics/registry.test.ts fails when that table differs or a code listed here is
 * never reported.
 *
 * The codes live in the files codes-*.ts beside this one, a file for each layer that reports
 * them (codes-model.ts; the ingest's codes-input.ts and one per reader, codes-openapi3.ts …;
 * codes-emit.ts, codes-scaffold.ts, codes-workflow.ts), by family (a new code goes in its
 * prefix's family; a new prefix gets a family here); this object combines them, in the order
 * the registry has always listed them. They sit here, not in their layers, because this object
 * is read at run time below every layer that reports: the Reporter takes each code's severity
 * from it, and the toolkit's `diagnosticMeaning` each code's meaning.
 */
export const DIAGNOSTIC_CODES = {
  ...CLIENT_CODES,
  ...CONFIG_CODES,
  ...INPUT_CODES,
  ...MCP_CODES,
  ...MERGE_CODES,
  ...MODEL_CODES,
  ...NAMING_CODES,
  ...OPENAPI3_CODES,
  ...PARSE_CODES,
  ...OUTPUT_CODES,
  ...OVERLAY_CODES,
  ...POSTMAN_CODES,
  ...REF_CODES,
  ...SCAFFOLD_CODES,
  ...SCHEMA_CODES,
  ...PLUGIN_CODES,
  ...SECURITY_CODES,
  ...SERVER_CODES,
  ...SWAGGER2_CODES,
} as const satisfies Record<string, DiagnosticCodeInfo>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

export function isDiagnosticCode(code: string): code is DiagnosticCode {
  return Object.prototype.hasOwnProperty.call(DIAGNOSTIC_CODES, code);
}
