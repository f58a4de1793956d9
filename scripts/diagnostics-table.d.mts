export declare const START: string;
export declare const END: string;
export declare function diagnosticsTable(
  registry: Record<string, { severity: string; meaning: string }>,
): string;
export declare function tableRows(
  readme: string,
): [code: string, severity: string, meaning: string][] | undefined;
