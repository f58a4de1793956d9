import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  parseJson,
  revive,
  stringifyJson,
  toDate,
  toWire,
} from "../../templates/shared/scalars.js";

/**
 * The lossless JSON reader and writer of the generated client and server
 * (templates/shared/scalars.ts), against the platform's JSON.parse and JSON.stringify: the same
 * values wherever those keep every digit, every digit where they do not.
 */
/** The reading with every bigint as the Number JSON.parse makes of its digits. */
const asNumbers = (value: unknown) => revive(value, undefined, [], true, "");

describe("the lossless JSON reader", () => {
  it("reads what JSON.parse reads, but for the digits of integers past 2^53", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        expect(asNumbers(parseJson(text))).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it("refuses what JSON.parse refuses", () => {
    const mutated = fc
      .tuple(
        fc.json(),
        fc.nat(),
        fc.constantFrom(...'{}[],:"\\ 0-e.tfn\u0001x'),
      )
      .map(([text, at, c]) => {
        const i = text.length === 0 ? 0 : at % text.length;
        return text.slice(0, i) + c + text.slice(i + 1);
      });
    fc.assert(
      fc.property(mutated, (text) => {
        let expected: unknown;
        try {
          expected = JSON.parse(text);
        } catch {
          expect(() => parseJson(text)).toThrow(SyntaxError);
          return;
        }
        expect(asNumbers(parseJson(text))).toStrictEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps every digit of integers past 2^53 written in at most 20 characters (an int64's), and reads the rest as numbers", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }), (n) => {
        const read = parseJson(`{"n":${n},"list":[${n}]}`) as {
          n: unknown;
          list: unknown[];
        };
        const safe = n >= -(2n ** 53n - 1n) && n <= 2n ** 53n - 1n;
        // longer digits are the Number JSON.parse reads: BigInt() never reads a megabyte of them
        const kept = !safe && String(n).length <= 20;
        expect(read.n).toBe(kept ? n : Number(n));
        expect(read.list[0]).toBe(read.n);
        if (safe || kept)
          expect(stringifyJson(read)).toBe(`{"n":${n},"list":[${n}]}`);
      }),
    );
    // a fraction or an exponent is a number, as JSON.parse reads it
    expect(parseJson("[9007199254740993.0, 9007199254740993e0, -0]")).toEqual([
      9007199254740992, 9007199254740992, -0,
    ]);
  });

  it("bounds the nesting, and keeps __proto__ an own member", () => {
    expect(() => parseJson("[".repeat(600) + "]".repeat(600))).toThrow(
      /Nesting deeper than 512/,
    );
    expect(parseJson("[".repeat(500) + "]".repeat(500))).toBeInstanceOf(Array);
    const read = parseJson('{"__proto__":{"polluted":1}}') as object;
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(Object.keys(read)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBe(undefined);
  });

  it("reads a long text in time linear in its length", () => {
    // a quadratic reader would take minutes here; this is a bound, not a benchmark
    const text = JSON.stringify(
      Array.from({ length: 200_000 }, (_, i) => ({ i, s: "a\\n" + i })),
    );
    const started = performance.now();
    expect((parseJson(text) as unknown[]).length).toBe(200_000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

describe("the writer", () => {
  it("writes what JSON.stringify writes, with bigints as digits", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(stringifyJson(value)).toBe(JSON.stringify(value));
      }),
      { numRuns: 300 },
    );
    const value = {
      a: undefined,
      b: [undefined, () => 1],
      c: new Date(0),
      d: 1n,
    };
    expect(stringifyJson(value)).toBe(
      '{"b":[null,null],"c":"1970-01-01T00:00:00.000Z","d":1}',
    );
    const cycle: Record<string, unknown> = {};
    cycle["self"] = cycle;
    expect(() => stringifyJson(cycle)).toThrow(TypeError);
  });
});

describe("revival", () => {
  it("reads dates and date-times, and refuses what names no real day or time", () => {
    expect(toDate("2024-02-29", "d", "x").toISOString()).toBe(
      "2024-02-29T00:00:00.000Z",
    );
    expect(
      toDate("2024-05-01T10:00:00.1234+02:00", "t", "x").toISOString(),
    ).toBe("2024-05-01T08:00:00.123Z");
    expect(toDate("0099-01-01t00:00:00z", "t", "x").toISOString()).toBe(
      "0099-01-01T00:00:00.000Z",
    );
    for (const [text, kind] of [
      ["2023-02-29", "d"],
      ["2024-13-01", "d"],
      ["2024-01-01T24:00:00Z", "t"],
      ["2024-01-01T23:59:60Z", "t"],
      ["2024-01-01T10:00:00", "t"], // no offset
      ["2024-01-01T10:00:00+24:00", "t"],
      ["2024-01-01", "t"],
      ["2024-01-01T00:00:00Z", "d"],
      ["yesterday", "d"],
    ] as const)
      expect(() => toDate(text, kind, "/at"), text).toThrow(/^\/at: /);
  });

  it("goes there and back: a Date or a bigint written as the wire has it reads back equal", () => {
    const plan = {
      p: {
        at: { s: "t" as const },
        day: { s: "d" as const },
        n: { i: 1 as const },
      },
    };
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("0001-01-01T00:00:00Z"),
          max: new Date("9999-12-31T23:59:59.999Z"),
          noInvalidDate: true,
        }),
        fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
        (at, n) => {
          const day = new Date(
            Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()),
          );
          day.setUTCFullYear(at.getUTCFullYear());
          const value = { at, day, n };
          const text = stringifyJson(toWire(value, plan, [], false));
          expect(revive(parseJson(text), plan, [], true, "")).toEqual(value);
        },
      ),
      { numRuns: 300 },
    );
  });
});
