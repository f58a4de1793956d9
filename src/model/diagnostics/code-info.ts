/** How bad a diagnostic is; the codes file of the layer that reports a code gives it one. */
export type Severity = "error" | "warning" | "info";

export interface DiagnosticCodeInfo {
  severity: Severity;
  /** One line, Markdown: the diagnostics table of docs/diagnostics.md is generated from it. */
  meaning: string;
}

/** What a layer may report (its codes.ts), or the registry. */
export type CodeTable<Code extends string> = Readonly<
  Record<Code, DiagnosticCodeInfo>
>;

/** The meanings of codes named without their prefix, by severity (`{ warning: { "too-deep": "…" } }`). */
export type Meanings = {
  readonly [S in Severity]?: Readonly<Record<string, string>>;
};

/** The codes of `Meanings`, without their prefix. */
export type CodesOf<M extends Meanings> = M extends Meanings
  ? { [S in keyof M]: keyof M[S] & string }[keyof M]
  : never;

/**
 * The codes of one prefix, from their meanings by severity: two families cannot hold the same
 * code, so one cannot silently replace the other when a layer's codes.ts combines them.
 */
export function family<P extends string, M extends readonly Meanings[]>(
  prefix: P,
  ...tables: M
): CodeTable<`${P}/${CodesOf<M[number]>}`> {
  const codes: Record<string, DiagnosticCodeInfo> = {};
  for (const table of tables)
    for (const [severity, meanings] of Object.entries(table))
      for (const [code, meaning] of Object.entries(meanings!))
        codes[`${prefix}/${code}`] = {
          severity: severity as Severity,
          meaning,
        };
  return codes as CodeTable<`${P}/${CodesOf<M[number]>}`>;
}
