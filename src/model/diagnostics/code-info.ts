/** How bad a diagnostic is; the codes file of the layer that reports a code gives it one. */
export type Severity = "error" | "warning" | "info";

/** What one diagnostic code stands for: its severity and a one-line meaning. */
export interface DiagnosticCodeInfo {
  severity: Severity;
  /** One line, Markdown: the diagnostics table of docs/diagnostics.md is generated from it. */
  meaning: string;
}

/**
 * One family of codes: the codes of one prefix (`FamilyCodes<"parse">` takes only `parse/…`
 * keys), so two families cannot hold the same code and one silently replace the other when a
 * layer's codes.ts combines them.
 */
export type FamilyCodes<Prefix extends string> = Record<
  `${Prefix}/${string}`,
  DiagnosticCodeInfo
>;

/** Codes with their severity and meaning: what a layer may report (its codes.ts), or the registry. */
export type CodeTable<Code extends string> = Readonly<
  Record<Code, DiagnosticCodeInfo>
>;
