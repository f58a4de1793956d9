import { describe, expect, it } from "vitest";
import {
  findingKey,
  freshEntries,
  judge,
  literal,
  oracleDocuments,
  orphans,
  typeCheck,
} from "./harness.js";
import { FAULT_A } from "./reasons.js";

describe("the oracles' allow-list bookkeeping", () => {
  const doc = "fixtures/x.yaml";
  const found = new Map([[findingKey(doc, "Pet", "type"), "TS2322 ..."]]);

  it("reports a finding without an entry, and an entry nothing finds (stale)", () => {
    const allowed = { [findingKey(doc, "Owner", "type")]: "a reason" };
    expect(judge(doc, found, allowed)).toEqual({
      unexplained: ["fixtures/x.yaml › Pet › type: TS2322 ..."],
      stale: ["fixtures/x.yaml › Owner › type"],
    });
  });

  it("judges only the entries of the document at hand", () => {
    const allowed = {
      [findingKey(doc, "Pet", "type")]: "a reason",
      [findingKey("fixtures/y.yaml", "Owner", "type")]: "another",
    };
    expect(judge(doc, found, allowed)).toEqual({ unexplained: [], stale: [] });
  });

  it("flags entries of documents no longer read", () => {
    const allowed = { [findingKey("fixtures/gone.yaml", "A", "type")]: "r" };
    expect(orphans(allowed, oracleDocuments())).toEqual([
      "fixtures/gone.yaml › A › type",
    ]);
  });

  it("keeps known reasons and marks new findings TODO in update mode", () => {
    const allowed = { [findingKey(doc, "Pet", "type")]: "kept" };
    expect(freshEntries(found, allowed)).toContain('"kept"');
    expect(freshEntries(found, {})).toContain('"TODO: TS2322 ..."');
    expect(
      freshEntries(found, { [findingKey(doc, "Pet", "type")]: FAULT_A }),
    ).toContain("    FAULT_A,");
  });
});

describe("the oracles' TypeScript", () => {
  it("writes values as one-line literals, `__proto__` as a key", () => {
    expect(literal({ a: [1, "x", null], __proto__x: true })).toBe(
      '{ "a": [1, "x", null], "__proto__x": true }',
    );
    const tricky = JSON.parse('{"__proto__": 1}');
    expect(literal(tricky)).toBe('{ ["__proto__"]: 1 }');
  });

  it("reports an error at its file and line, and none for a fitting value", () => {
    const problems = typeCheck(
      new Map([
        ["/t/types.ts", "export interface Pet { id: number }\n"],
        [
          "/t/s.ts",
          'import type * as T from "./types.js";\nexport const a: T.Pet = { id: 1 };\nexport const b: T.Pet = { id: "1" };\nexport const c: Blob | undefined = undefined;\n',
        ],
      ]),
    );
    expect(problems.map((p) => [p.file, p.line, p.code])).toEqual([
      ["/t/s.ts", 3, 2322],
    ]);
  });
});
