import { revivesAny } from "../toolkit.js";
import type { ApiModel } from "../../model/types.js";

/*
 * The validators check values as JSON carries them (issue 43): with the config's `dates: "Date"`
 * or `int64: "bigint"`, types.ts declares what the client and the server hand over after
 * reviving (a Date, a bigint), which is not what a validator sees. Its type is then `Wire<T>`:
 * the type of the JSON a value of `T` is read from, so that `is` and Standard Schema's
 * `validate` never narrow a date's text to a Date. Without the options nothing changes.
 */

/** `Wire<T>`, declared once in validators/schemas.ts (and imported by the other files). */
export const WIRE_DECLARATION = `

/**
 * \`T\` as JSON carries it, which the checks run on: a Date as its text (types.ts types it
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
        : T;`;

/** Whether the validators' types are `Wire<…>`: the model revives something. */
export function wireTyped(model: Pick<ApiModel, "scalars">): boolean {
  return revivesAny(model.scalars);
}

/** `types` as the validators narrow to it: `Wire<types>` when the model revives values. */
export function narrowedTo(
  model: Pick<ApiModel, "scalars">,
  types: string,
): string {
  return wireTyped(model) ? `Wire<${types}>` : types;
}
