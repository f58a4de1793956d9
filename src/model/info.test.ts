import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalize, operationPhrases } from "./info.js";
import type { Endpoint } from "./types.js";

describe("operationPhrases", () => {
  it("holds every phrase of its bound that the unbounded set holds", () => {
    // spaces, dots, and characters whose lower case differs in length (İ) or by place (Σ)
    const text = fc
      .array(
        fc.constantFrom("a", "B", " ", "\t", ".", "İ", "Σ", "é", "\u00a0"),
        {
          maxLength: 12,
        },
      )
      .map((chars) => chars.join(""));
    const endpoint = fc.record({ summary: text, description: text });
    fc.assert(
      fc.property(
        fc.array(endpoint, { maxLength: 6 }),
        fc.array(text, { maxLength: 6 }),
        fc.nat(12),
        (texts, asked, longest) => {
          const endpoints = texts.map(
            (t) => ({ ...t, nameCandidates: [] }) as unknown as Endpoint,
          );
          const all = operationPhrases(endpoints);
          const bounded = operationPhrases(endpoints, longest);
          for (const phrase of [...asked.map(normalize), ...all])
            if (phrase.length <= longest)
              expect(bounded.has(phrase)).toBe(all.has(phrase));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
