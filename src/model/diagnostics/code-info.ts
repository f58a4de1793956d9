/** How bad a diagnostic is; the registry (src/model/diagnostics/codes.ts) gives each code one. */
export type Severity = "error" | "warning" | "info";

/** What one diagnostic code stands for: its severity and a one-line meaning. */
export interface DiagnosticCodeInfo {
  severity: Severity;
  /** One line, Markdown: the diagnostics table of docs/diagnostics.md is generated from it. */
  meaning: string;
}

/**
 * One family of the registry: the codes of one prefix (`FamilyCodes<"parse">` takes only
 * `parse/…` keys), so two families cannot hold the same code and one silently replace the other
 * when src/model/diagnostics/codes.ts combines them.
 */
export type FamilyCodes<Prefix extends string> = Record<
  `${Prefix}/${string}`,
  DiagnosticCodeInfo
>;
