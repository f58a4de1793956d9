import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  conditionalGroup,
  type Doc,
  group,
  indent,
  line,
  print,
} from "../shared/doc.js";
import { PRINT_WIDTH, propertyKey } from "../shared/literals.js";
import { assignment, items } from "../shared/statements.js";
import { endpointEntry, type EntryMember, tableMember } from "./tables.js";

/* The tables' lines are written as text: they must be what the doc printer writes for the docs
   they stand for (below, as the emitter built them), at every length about the limit. */

/** `key: value` as a doc: a value that does not fit moves below a key of 5+ characters. */
function memberDoc(key: string, value: string): Doc {
  const k = propertyKey(key);
  return k.length < 5 ? `${k}: ${value}` : assignment(`${k}:`, value, "");
}

/** An object literal written expanded, one member per line. */
const expanded = (members: Doc[]): Doc =>
  group(["{", items(members, { spaced: true }), "}"], true);

function entryDoc(
  key: string,
  parts: readonly EntryMember[],
  responses: readonly EntryMember[],
): string {
  const entry = expanded([
    ...parts.map(([part, name]) => memberDoc(part, name)),
    responses.length > 0
      ? [
          "responses: ",
          expanded(responses.map(([status, name]) => memberDoc(status, name))),
        ]
      : "responses: {}",
  ]);
  const value = conditionalGroup([[" ", entry], indent([line, entry])]);
  return `  ${print([`${key}:`, value, ","], { indent: 2 })}`;
}

/** A name of `n` characters, maybe with a wide or a quoted character in it. */
const name = (n: number, extra: string) =>
  (extra + "n".repeat(Math.max(0, n))).slice(0, Math.max(1, n));

const EXTRAS = ["", "日", "-", "é"];

describe("the validators' tables as text", () => {
  it("tableMember is print([memberDoc, ','])", () => {
    for (const column of [2, 4, 6, 8])
      for (let n = 1; n <= PRINT_WIDTH; n++)
        for (const k of ["ab", "abcd", "abcde", '"200"', "default", "é-ü"])
          for (const extra of EXTRAS) {
            const value = name(n - k.length, extra);
            expect(tableMember(k, value, column)).toBe(
              print([memberDoc(k, value), ","], { indent: column }),
            );
          }
  });

  it("endpointEntry is print() of the entry's conditional group", () => {
    const member = (maxKey: number) =>
      fc.tuple(
        fc.oneof(
          fc.constantFrom("path", "query", "headers", "cookies", "body"),
          fc.constantFrom("200", "2XX", "default", "404"),
          fc.string({ maxLength: maxKey }),
        ),
        fc
          .tuple(
            fc.integer({ min: 1, max: PRINT_WIDTH }),
            fc.constantFrom(...EXTRAS),
          )
          .map(([n, extra]) => name(n, extra)),
      );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: PRINT_WIDTH + 4 }),
        fc.constantFrom(...EXTRAS),
        fc.array(member(8), { maxLength: 4 }),
        fc.array(member(8), { maxLength: 4 }),
        (n, extra, parts, responses) => {
          const key = propertyKey(name(n, extra));
          expect(endpointEntry(key, parts, responses)).toBe(
            entryDoc(key, parts, responses),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("endpointEntry opens the object below a key too long for `key: {`", () => {
    const at = (n: number) => endpointEntry("k".repeat(n), [], []);
    // `  ` + key + `: {` is 80 columns: still on the key's line
    expect(at(PRINT_WIDTH - 5).split("\n")[0]).toMatch(/: \{$/);
    expect(at(PRINT_WIDTH - 4).split("\n")[1]).toBe("    {");
  });
});
