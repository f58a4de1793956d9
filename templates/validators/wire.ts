/**
 * `T` as JSON carries it, which the checks run on: a Date as its text (types.ts types it
 * after reviving), a bigint as a number, or as the bigint the lossless JSON reader keeps of an
 * integer past Number's safe range.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends bigint
    ? number | bigint
    : T extends Blob
      ? T
      : T extends object
        ? { [K in keyof T]: Wire<T[K]> }
        : T;
