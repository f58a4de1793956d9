// The checks the config's sections are made of (validate.ts, remote-settings.ts,
// overlay-settings.ts): each reports every problem it finds at the value's place.

import { isRecord } from "../../ingest/reader.js";

/**
 * Where a value sits in the config: its path (to find its line and column in a JSON or YAML
 * file) and how messages name it (`apiloom.config.ts.merge.prefer[0]`).
 */
export interface Where {
  readonly path: readonly (string | number)[];
  readonly shown: string;
}
/** Collects every problem of a config; `text` follows the name (` must be …`, `: unknown …`). */
export type Report = (where: Where, text: string) => void;
export type Check = (value: unknown, where: Where, report: Report) => void;
/** A section of the config: each key's check, or a nested section. */
export interface Shape {
  [key: string]: Check | Shape;
}

/** The place of `key` in `w`, named `w.shown` + `suffix`. */
export const under = (w: Where, key: string | number, suffix = ""): Where => ({
  path: [...w.path, key],
  shown: w.shown + suffix,
});
export const child = (w: Where, key: string) => under(w, key, `.${key}`);
export const entry = (w: Where, key: string) =>
  under(w, key, `[${JSON.stringify(key)}]`);
export const item = (w: Where, i: number) => under(w, i, `[${i}]`);

export const isBoolean: Check = (v, where, report) => {
  if (typeof v !== "boolean") report(where, " must be true or false");
};

export const isString: Check = (v, where, report) => {
  if (typeof v !== "string" || v === "")
    report(where, " must be a non-empty string");
};

/** An object of the keys `shape` knows, each checked; an unknown key is reported with the known. */
export function checkObject(
  value: unknown,
  shape: Shape,
  where: Where,
  report: Report,
): void {
  if (!isRecord(value)) return report(where, " must be an object");
  for (const [key, value_] of Object.entries(value)) {
    const check = shape[key];
    if (!check) {
      report(
        under(where, key),
        `: unknown option ${JSON.stringify(key)} (known: ${Object.keys(shape).join(", ")})`,
      );
      continue;
    }
    if (value_ === undefined) continue;
    if (typeof check === "function") check(value_, child(where, key), report);
    else checkObject(value_, check, child(where, key), report);
  }
}

/** setTimeout's longest delay (2^31-1 ms) in seconds: Node runs a longer one within 1 ms. */
const MAX_SECONDS = 2_147_483;

/** A number of seconds above 0 and at most MAX_SECONDS, or the report's text. */
export function secondsProblem(v: unknown): string | undefined {
  return typeof v === "number" && v > 0 && v <= MAX_SECONDS
    ? undefined
    : ` must be a number of seconds above 0 and at most ${MAX_SECONDS} (24.8 days)`;
}
