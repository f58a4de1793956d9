// Small checks the config's sections share (config-validate.ts, remote-settings.ts).

/** A plain object: not null, not a list. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A finite number above 0 of `unit`s, or the report's text (` must be a number of MiB above 0`). */
export const positiveNumber =
  (unit: string) =>
  (
    v: unknown,
    where: { path: readonly (string | number)[]; shown: string },
    report: (
      where: { path: readonly (string | number)[]; shown: string },
      text: string,
    ) => void,
  ): void => {
    if (typeof v !== "number" || !(v > 0) || !Number.isFinite(v))
      report(where, ` must be a number of ${unit} above 0`);
  };
