import fc from "fast-check";

/**
 * Random regular expressions for the pattern tests' fast-check properties (the fast path
 * against recheck, the linear matcher against RegExp, counted repetitions against a
 * backtracker): one grammar, each test choosing its atoms, groups, quantifiers and sizes.
 *
 * alternation := sequence ("|" sequence){0,2}
 * sequence    := (atom quantifier | assertion){0,maxSequence}
 * atom        := one of `atoms` | group-open alternation ")"
 */
export interface PatternGrammar {
  /** The single-character atoms (`"a"`, `"[ab]"`, `"\\d"`), drawn with `atomWeight`. */
  atoms: readonly string[];
  atomWeight: number;
  /** How a group opens (`"("`, `"(?:"`, `"(?<g>"`), drawn with `groupWeight`. */
  groupOpens: readonly string[];
  groupWeight: number;
  /** What may follow an atom; `""` listed n times makes a bare atom n times as likely. */
  quantifiers: readonly string[];
  /** The most atoms a sequence holds. */
  maxSequence: number;
  /** Assertions a sequence may hold between atoms (`"^"`, `"\\b"`), one for six atoms. */
  assertions?: readonly string[];
}

/** The alternations `grammar` describes, unanchored (each test adds anchors and filters). */
export function patternAlternation(
  grammar: PatternGrammar,
): fc.Arbitrary<string> {
  const { assertions } = grammar;
  return fc.letrec<{
    atom: string;
    quantified: string;
    seq: string;
    alt: string;
  }>((tie) => ({
    atom: fc.oneof(
      {
        weight: grammar.atomWeight,
        arbitrary: fc.constantFrom(...grammar.atoms),
      },
      {
        weight: grammar.groupWeight,
        arbitrary: fc
          .tuple(tie("alt"), fc.constantFrom(...grammar.groupOpens))
          .map(([a, open]) => `${open}${a})`),
      },
    ),
    quantified: fc
      .tuple(tie("atom"), fc.constantFrom(...grammar.quantifiers))
      .map(([a, q]) => `${a}${q}`),
    seq: fc
      .array(
        assertions
          ? fc.oneof(
              { weight: 6, arbitrary: tie("quantified") },
              { weight: 1, arbitrary: fc.constantFrom(...assertions) },
            )
          : tie("quantified"),
        { minLength: 0, maxLength: grammar.maxSequence },
      )
      .map((items) => items.join("")),
    alt: fc
      .array(tie("seq"), { minLength: 1, maxLength: 3 })
      .map((items) => items.join("|")),
  })).alt;
}
