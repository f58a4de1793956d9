import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeParameters } from "../../templates/server/decode.js";
import type { RouteSpec } from "../../templates/server/runtime.js";

/*
 * Issue 41, item 6: a `type: number` parameter reads exactly JSON's number grammar (RFC 8259
 * §6), in the path, the query, a header and a cookie alike. The reference: JSON.parse reads the
 * text as a finite number, with nothing around it (JSON.parse itself skips whitespace).
 */
const ROUTE: RouteSpec = {
  name: "n",
  method: "GET",
  path: "/n/{p}",
  params: [
    { name: "p", in: "path", required: false, type: "number" },
    { name: "q", in: "query", required: false, type: "number" },
    { name: "h", in: "header", required: false, type: "number" },
    { name: "c", in: "cookie", required: false, type: "number" },
  ],
};

function reference(text: string): number | undefined {
  if (text.trim() !== text) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "number" && Number.isFinite(value)
      ? value
      : undefined;
  } catch {
    return undefined;
  }
}

/** What each place makes of `text` (sent percent-encoded where the wire encodes it). */
function decoded(text: string): (number | "refused")[] {
  const encoded = encodeURIComponent(text);
  const places: [Record<string, string>, string, Record<string, string>][] = [
    [{ p: encoded }, "", {}],
    [{}, `q=${encoded}`, {}],
    [{}, "", { h: text }],
    [{}, "", { cookie: `c=${encoded}` }],
  ];
  return places.map(([path, search, headers]) => {
    try {
      const request = decodeParameters(ROUTE, path, search, headers);
      const all = {
        ...request.path,
        ...request.query,
        ...request.headers,
        ...request.cookies,
      };
      return Object.values(all)[0] as number;
    } catch {
      return "refused";
    }
  });
}

const numberish = fc.oneof(
  fc.stringMatching(/^[-+]?[0-9]{0,4}(\.[0-9]{0,3})?([eE][-+]?[0-9]{0,3})?$/),
  fc
    .array(fc.constantFrom(..."0123456789+-.eExXbBoO_ aINfy\t".split("")), {
      maxLength: 8,
    })
    .map((cs) => cs.join("")),
  fc.double().map(String),
  fc.integer().map((n) => `0x${n.toString(16)}`),
  fc.constantFrom("Infinity", "-Infinity", "NaN", "1e400", "-0", "1_000", ""),
);

describe("number parameters", () => {
  it("read exactly what JSON's grammar reads, in every place", () => {
    fc.assert(
      fc.property(numberish, (text) => {
        // a header or cookie value loses its spaces to HTTP itself: not asked there
        const want = reference(text);
        const got = decoded(text);
        expect(got[0], `path ${JSON.stringify(text)}`).toEqual(
          want ?? "refused",
        );
        expect(got[1], `query ${JSON.stringify(text)}`).toEqual(
          want ?? "refused",
        );
        if (/^[\x21-\x7e]+$/.test(text)) {
          expect(got[2], `header ${JSON.stringify(text)}`).toEqual(
            want ?? "refused",
          );
          expect(got[3], `cookie ${JSON.stringify(text)}`).toEqual(
            want ?? "refused",
          );
        }
      }),
      { numRuns: 5000 },
    );
  });
});
