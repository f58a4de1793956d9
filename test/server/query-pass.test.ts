import { describe, expect, it } from "vitest";
import { decodeParameters } from "../../templates/server/decode.js";
import { firstValues, queryPairs } from "../../templates/server/params.js";
import type { ParamSpec, RouteSpec } from "../../templates/server/runtime.js";

const NAMES = ["a", "b", "a b", "c+", ""];
const ALPHABET = [
  "a",
  "b",
  "c",
  "=",
  "&",
  "+",
  "%",
  "%2",
  "%20",
  "%E2%82%AC",
  "%ZZ",
];

/** What `queryPairs` gives: the first value of each name, or the error it throws. */
function reference(search: string): (string | undefined)[] | string {
  try {
    const pairs = queryPairs(search);
    return NAMES.map((name) => pairs.find(([key]) => key === name)?.[1]);
  } catch (error) {
    return String(error);
  }
}

function onePass(search: string): (string | undefined)[] | string {
  try {
    return firstValues(search, new Map(NAMES.map((name, i) => [name, i])));
  } catch (error) {
    return String(error);
  }
}

describe("a query of one-value parameters, read in one pass", () => {
  it("finds the first raw value of each name, as the pairs do, and refuses the same keys", () => {
    let seed = 7;
    const random = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    const cases = [
      "",
      "&",
      "&&a=1&",
      "a",
      "a=",
      "=",
      "=1",
      "a==b",
      "a&a=2",
      "a+b=1&a%20b=2",
      "%ZZ=1",
      "x=%ZZ&a=1",
    ];
    for (let i = 0; i < 3000; i++) {
      let search = "";
      const length = random(12);
      for (let j = 0; j < length; j++)
        search += ALPHABET[random(ALPHABET.length)];
      cases.push(search);
    }
    for (const search of cases)
      expect(onePass(search), search).toEqual(reference(search));
  });

  it("types a route's parameters as the pairs would, whichever way the route is read", () => {
    const scalar: ParamSpec[] = [
      { name: "n", in: "query", required: true, type: "integer" },
      {
        name: "s",
        in: "query",
        required: false,
        type: "string",
        enum: ["x y", "z"],
      },
      { name: "n", in: "query", required: false, type: "integer" },
    ];
    // a list parameter: the route is read by pairs
    const listed: ParamSpec = {
      name: "l",
      in: "query",
      required: false,
      type: "string",
      array: true,
    };
    const route = (params: ParamSpec[]): RouteSpec => ({
      name: "r",
      method: "GET",
      path: "/",
      params,
    });
    for (const search of [
      "n=1&s=x+y",
      "n=2&n=3&s=z&s=q",
      "s=z",
      "n=1.5",
      "s=q&n=1",
      "n=%ZZ",
      "%ZZ=1&n=1",
      "n=1&s=x%20y",
    ]) {
      const read = (params: ParamSpec[]) => {
        try {
          return decodeParameters(route(params), {}, search, {}).query;
        } catch (error) {
          return String(error);
        }
      };
      expect(read(scalar), search).toEqual(read([...scalar, listed]));
    }
  });

  it("stays linear in the length of the query", () => {
    const slots = new Map([["a", 0]]);
    const start = performance.now();
    // no `=` until the end: each `&`-part must not look for it again
    firstValues(`${"b&".repeat(500_000)}a=1`, slots);
    firstValues(`${"b&".repeat(500_000)}`, slots);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
