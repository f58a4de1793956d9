// Small checks the config's sections share (validate.ts, remote-settings.ts).

/** A plain object: not null, not a list. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The most seconds a timer holds: setTimeout's longest delay (2^31-1 ms, 24.8 days). Node runs
 * a longer one within 1 ms, so `remote.timeout: 3000000` would give up at once and
 * `remote.watchInterval` would ask every millisecond.
 */
export const MAX_SECONDS = 2_147_483;

/** A number of seconds above 0 and at most {@link MAX_SECONDS}, or the report's text. */
export function secondsProblem(v: unknown): string | undefined {
  return typeof v === "number" && v > 0 && v <= MAX_SECONDS
    ? undefined
    : ` must be a number of seconds above 0 and at most ${MAX_SECONDS} (24.8 days)`;
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
