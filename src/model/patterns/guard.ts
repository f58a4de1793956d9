/**
 * How the validators run a schema `pattern` (the model's `patterns`). A model made by hand may
 * leave its `patterns` out when its schemas have none: the validators refuse a pattern without one.
 */
export type PatternGuard =
  /** Not a JavaScript regular expression (`schema/invalid-pattern`): not checked. */
  | { readonly kind: "invalid" }
  /** Proved to run in linear time (model/patterns/ambiguity.ts): run as a RegExp with `flags`. */
  | { readonly kind: "regexp"; readonly flags: "u" | "" }
  /** Not proved linear, and run by the linear-time matcher on `program`. */
  | {
      readonly kind: "linear";
      readonly flags: "u" | "";
      readonly risk: PatternRisk;
      readonly program: PatternProgram;
    }
  /** Not proved linear, and the linear-time matcher cannot run it (`schema/unsafe-pattern`, a warning): not checked. */
  | {
      readonly kind: "refused";
      readonly flags: "u" | "";
      readonly risk: PatternRisk;
      readonly why: string;
    };

export interface PatternRisk {
  /** How the backtracking time may grow; `unknown`: not proved linear within the budget. */
  readonly complexity: "exponential" | "polynomial" | "unknown";
}

/** A pattern compiled for the linear-time matcher (model/patterns/program.ts says how). */
export interface PatternProgram {
  /** The instructions, three numbers each. */
  readonly code: readonly number[];
  /** The one-character classes CLASS tests, as RegExp texts (`[a-z]`, `\d`, `.`, `\p{L}`). */
  readonly classes: readonly string[];
}
