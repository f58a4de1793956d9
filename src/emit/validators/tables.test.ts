import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Doc, print } from "../shared/doc.js";
import { PRINT_WIDTH, propertyKey } from "../shared/literals.js";
import { assignment } from "../shared/statements.js";
import { tableMember } from "./tables.js";

/* The tables' lines are written as text: they must be what the doc printer writes for the docs
   they stand for (below, as the emitter built them), at every length about the limit. */

/** `key: value` as a doc: a value that does not fit moves below a key of 5+ characters. */
function memberDoc(key: string, value: string): Doc {
  const k = propertyKey(key);
  return k.length < 5 ? `${k}: ${value}` : assignment(`${k}:`, value, "");
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
});
