import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isDateTime } from "../../templates/validators/formats.js";

/*
 * The validators' `date-time` against RFC 3339 §5.6 read from its grammar (here, apart from
 * formats.ts): `T` and `Z` in either case (ABNF strings are), or a space between date and time
 * (§5.6's note), the days of each month, and a leap second only at 23:59:60 UTC. One leniency,
 * ajv-formats' and deliberate (docs/validation.md): an offset without its colon, `+0800` or
 * `+08`, as Java's formatters write it, passes.
 */
const RFC3339 =
  /^(\d{4})-(\d\d)-(\d\d)[Tt ](\d\d):(\d\d):(\d\d)(\.\d+)?(?:[Zz]|([+-])(\d\d):(\d\d))$/;
function rfc3339(s: string): boolean {
  const m = RFC3339.exec(s);
  if (!m) return false;
  const [y, mo, d, h, mi, se] = m.slice(1, 7).map(Number) as number[];
  const leap = y! % 4 === 0 && (y! % 100 !== 0 || y! % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (!(mo! >= 1 && mo! <= 12 && d! >= 1 && d! <= days[mo! - 1]!)) return false;
  if (
    h! > 23 ||
    mi! > 59 ||
    se! > 60 ||
    +(m[9] ?? 0) > 23 ||
    +(m[10] ?? 0) > 59
  )
    return false;
  const offset = (m[8] === "-" ? -1 : 1) * (+(m[9] ?? 0) * 60 + +(m[10] ?? 0));
  return se! < 60 || (((h! * 60 + mi! - offset) % 1440) + 1440) % 1440 === 1439;
}

const two = (n: number) => String(n).padStart(2, "0");
const DATE_TIMES = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.constantFrom("T", "t", " ", "\n", "\t", "\u00a0", "_"),
    fc.integer({ min: 0, max: 24 }),
    fc.integer({ min: 0, max: 60 }),
    fc.integer({ min: 0, max: 61 }),
    fc.option(
      fc.oneof(
        fc.stringMatching(/^\.\d{1,30}$/),
        fc.constantFrom(".999999999999999999", "."),
      ),
    ),
    fc.constantFrom(
      "Z",
      "z",
      "+00:00",
      "-00:00",
      "+05:30",
      "-24:00",
      "+00:60",
      "",
    ),
  )
  .map(
    ([y, mo, d, sep, h, mi, se, fraction, zone]) =>
      `${String(y).padStart(4, "0")}-${two(mo)}-${two(d)}${sep}${two(h)}:${two(mi)}:${two(se)}${fraction ?? ""}${zone}`,
  );

describe("the date-time format", () => {
  it("answers as RFC 3339 does", () => {
    fc.assert(
      fc.property(DATE_TIMES, (s) => {
        expect(isDateTime(s), JSON.stringify(s)).toBe(rfc3339(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it("takes a second's fraction of any length (as a Number, 59.9999999999999999 is 60)", () => {
    for (const s of [
      "1985-04-12T00:59:59.999999999999999Z",
      "1985-04-12T00:59:59.9999999999999999999999999999+01:00",
      "1998-12-31T23:59:60.5Z",
      `2020-01-01T00:00:00.${"5".repeat(1000)}Z`,
    ])
      expect(isDateTime(s), s).toBe(true);
    expect(isDateTime("1985-04-12T00:58:60.999Z")).toBe(false);
  });

  it("takes an offset without its colon, as ajv-formats does", () => {
    for (const s of ["2011-10-19T10:29:29.908+1100", "2011-10-19T10:29:29+11"])
      expect(isDateTime(s), s).toBe(true);
  });
});
