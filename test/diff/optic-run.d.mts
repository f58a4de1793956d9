export declare const CACHE: string;
export declare const OPTIC_VERSION: string;
export declare const OPTIC_PAIRS: readonly {
  name: string;
  old: string;
  new: string;
  /** Fetched by scripts/diff-oracle.mjs (else it is in the repository). */
  fetched: boolean;
}[];
export declare function opticInstalled(): boolean;
export declare function reportFile(oldFile: string, newFile: string): string;
export declare function cachedReport(
  oldFile: string,
  newFile: string,
): string | undefined;
export declare function judgeSync(oldFile: string, newFile: string): string;
export declare function judge(
  oldFile: string,
  newFile: string,
): Promise<string>;
