import { compareCodeUnits } from "../toolkit.js";
import type { Diagnostic } from "../../model/types.js";
import type { CodeCount, DiagnosticView } from "./view-types.js";

/** The merge's diagnostics as the docs list them: sorted by place, and counted per code. */

export function codeCounts(
  diagnostics: readonly Diagnostic[],
  meaning: (code: string) => string = () => "",
): CodeCount[] {
  const byCode = new Map<string, CodeCount>();
  const rank = { error: 0, warning: 1, info: 2 };
  for (const d of diagnostics) {
    const entry = byCode.get(d.code);
    if (!entry)
      byCode.set(d.code, {
        code: d.code,
        severity: d.severity,
        count: 1,
        meaning: meaning(d.code),
      });
    else {
      entry.count++;
      if (rank[d.severity] < rank[entry.severity]) entry.severity = d.severity;
    }
  }
  return [...byCode.values()].sort(
    (a, b) => b.count - a.count || compareCodeUnits(a.code, b.code),
  );
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareCodeUnits(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    compareCodeUnits(a.code, b.code) ||
    compareCodeUnits(a.message, b.message)
  );
}

export function diagnosticView(d: Diagnostic): DiagnosticView {
  return {
    severity: d.severity,
    code: d.code,
    message: d.message,
    where: `${d.file}:${d.line}:${d.column}`,
    related: (d.related ?? []).map((r) => `${r.file}:${r.line}:${r.column}`),
  };
}
