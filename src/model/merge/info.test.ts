import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalize, operationPhrases } from "./info.js";
import type { Endpoint } from "../types.js";

/** The set as it was made before it was limited to the phrases asked: the oracle. */
function everyPhrase(endpoints: readonly Endpoint[]): Set<string> {
  const out = new Set<string>();
  for (const e of endpoints)
    for (const text of [
      e.summary,
      e.description,
      ...e.nameCandidates
        .filter((c) => c.kind === "requestName")
        .map((c) => c.value),
    ])
      if (text && text.trim() !== "") out.add(normalize(text));
  return out;
}

describe("operationPhrases", () => {
  it("holds every phrase asked that the set of all phrases holds", () => {
    // spaces, dots, ASCII of each kind, and characters whose lower case differs in length (İ),
    // by place (Σ) or is ASCII (the Kelvin sign's is k)
    const text = fc
      .array(
        fc.constantFrom(
          "a",
          "B",
          "k",
          "1",
          "!",
          " ",
          "\t",
          ".",
          "İ",
          "Σ",
          "é",
          "\u212a",
          "\u00a0",
        ),
        {
          maxLength: 12,
        },
      )
      .map((chars) => chars.join(""));
    const endpoint = fc.record({
      summary: text,
      description: text,
      nameCandidates: fc.array(
        fc.record({
          kind: fc.constantFrom("requestName", "operationId"),
          value: text,
        }),
        { maxLength: 2 },
      ),
    });
    fc.assert(
      fc.property(
        fc.array(endpoint, { maxLength: 6 }),
        fc.array(text, { maxLength: 6 }),
        (texts, asked) => {
          const endpoints = texts as unknown as Endpoint[];
          const all = everyPhrase(endpoints);
          expect(operationPhrases(endpoints)).toEqual(all);
          const alone = new Set(asked.map(normalize));
          for (const askedSet of [alone, new Set([...alone, ...all])]) {
            const some = operationPhrases(endpoints, askedSet);
            for (const phrase of askedSet)
              expect(some.has(phrase)).toBe(all.has(phrase));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
