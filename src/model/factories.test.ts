import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addParameter, parameterKey } from "./factories.js";
import type { EndpointParameters, Parameter } from "./types.js";

// addParameter as first written: a search of the whole group for each parameter added
function oldAdd(parameters: EndpointParameters, parameter: Parameter): void {
  const group = parameters[parameter.in];
  const key = parameterKey(parameter);
  const existing = group.findIndex((p) => parameterKey(p) === key);
  if (existing === -1) group.push(parameter);
  else group[existing] = parameter;
}

const empty = (): EndpointParameters => ({
  path: [],
  query: [],
  header: [],
  cookie: [],
});

const parameter = fc
  .record({
    name: fc.constantFrom("a", "A", "b", "B", "x-id", "X-Id", "c"),
    in: fc.constantFrom("query", "header", "cookie"),
    tag: fc.nat(9),
  })
  .map(({ name, in: where, tag }) => ({
    name,
    in: where as Parameter["in"],
    required: tag % 2 === 0,
    sources: [{ file: `f${tag}`, line: 1, column: 1, pointer: "#" }],
  }));

// between adds, a group may be changed elsewhere: sorted, pushed to, cut
const step = fc.oneof(
  { weight: 6, arbitrary: parameter.map((p) => ({ add: p }) as const) },
  fc.constantFrom("sort", "push", "cut").map((edit) => ({ edit }) as const),
);

describe("addParameter", () => {
  it("replaces the first of the same key, or adds at the end, as a search of the group would", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const now = empty();
        const old = empty();
        for (const s of steps)
          if ("add" in s) {
            addParameter(now, s.add);
            oldAdd(old, s.add);
          } else
            for (const parameters of [now, old]) {
              const group = parameters.query;
              if (s.edit === "sort")
                group.sort((a, b) => (a.name < b.name ? 1 : -1));
              else if (s.edit === "push")
                group.push({
                  name: "a",
                  in: "query",
                  required: false,
                  sources: [],
                });
              else group.splice(0, 1);
            }
        expect(now).toEqual(old);
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});
