import { describe, expect, it } from "vitest";
import { checkAliasExpansion } from "./alias-expansion.js";

/** A list of `n` scalars (n + 1 nodes expanded). */
const list = (n: number): unknown[] => Array.from({ length: n }, (_, i) => i);

describe("checkAliasExpansion", () => {
  it("accepts a tree, however large, and shared nodes while the expansion stays under the limit", () => {
    expect(
      checkAliasExpansion({ a: list(50_000), b: { c: list(10) } }, 100),
    ).toBeUndefined();
    const shared = list(9); // 10 nodes each time it is met again
    expect(
      checkAliasExpansion({ a: shared, b: shared, c: [shared, shared] }, 30),
    ).toBeUndefined();
  });

  it("stops at the alias that passes the limit, counting nested sharing multiplied out", () => {
    const shared = list(9);
    expect(
      checkAliasExpansion(
        { a: shared, b: shared, c: [shared, shared, shared] },
        30,
      ),
    ).toEqual({
      kind: "limit",
      path: ["c", 2],
      added: 40,
    });
    // ten levels of ten aliases each: 10^10 nodes expanded from a few hundred distinct ones
    let level: unknown[] = list(10);
    const doc: Record<string, unknown> = { l0: level };
    for (let i = 1; i <= 10; i++) {
      level = Array.from({ length: 10 }, () => level);
      doc[`l${i}`] = level;
    }
    const problem = checkAliasExpansion(doc, 1_000_000);
    expect(problem?.kind).toBe("limit");
    expect(problem!.added).toBeGreaterThan(1_000_000);
    expect(problem!.path[0]).toMatch(/^l\d+$/);
  });

  it("reports an alias inside its own anchor (a cyclic value) at the alias", () => {
    const a: Record<string, unknown> = { type: "object" };
    a.properties = { self: a };
    expect(checkAliasExpansion({ components: { A: a } })).toEqual({
      kind: "cycle",
      path: ["components", "A", "properties", "self"],
      added: 0,
    });
  });

  it("walks 100,000 levels of nesting without overflowing the stack", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(checkAliasExpansion(deep)).toBeUndefined();
  });
});
