import { describe, expect, it, vi } from "vitest";
import { patternFlags } from "../../src/model/patterns/flags.js";

/*
 * Node 24's V8 compiles modifier groups and duplicate group names (ES2025), Node 20's and 22's
 * refuse them: generated on Node 24, `^(?i:ab)-[0-9]$` was a plain RegExp in the plan, whose
 * validators threw a SyntaxError on Node 20 and 22 at the first value they checked (held-out
 * determinism hunt: the same document made other bytes on each Node). Only the syntax every
 * supported Node compiles (ES2024) is a RegExp, whichever Node generates.
 */
describe("a pattern only Node 24 compiles", () => {
  it("refuses what only a newer engine compiles (ES2025 groups), on every Node", () => {
    const Engine = RegExp;
    const es2025 = /\(\?-?[ims]+:|\(\?<(\w+)>.*\(\?<\1>/;
    // Node 24's engine, on any Node: it compiles those groups as well
    class Node24 extends Engine {
      constructor(pattern: string, flags?: string) {
        super(es2025.test(pattern) ? "" : pattern, flags);
      }
    }
    vi.stubGlobal("RegExp", Node24);
    try {
      for (const pattern of [
        "^(?i:ab)-[0-9]$",
        "^(?-i:a)b+$",
        "^(?:(?<y>\\d{4})-\\d\\d|\\d\\d/(?<y>\\d{4}))$",
      ]) {
        expect(new RegExp(pattern, "u").source, pattern).toBe("(?:)");
        expect(patternFlags(pattern), pattern).toBeUndefined();
      }
      expect(patternFlags("^(?<y>\\d{4})-(?<m>\\d\\d)$")).toBe("u");
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
