import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { serializationOf } from "../../model/serialization.js";
import type { Parameter } from "../../model/types.js";
import { parameterWireStyle, wireStyle } from "./wire-style.js";

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const parameter: fc.Arbitrary<Parameter> = fc.record({
  name: fc.constantFrom("id", "tags", "filter"),
  in: fc.constantFrom("path", "query", "header", "cookie"),
  required: fc.boolean(),
  sources: fc.constant([]),
  description: maybe(fc.constant("words")),
  style: maybe(
    fc.constantFrom(
      "form",
      "simple",
      "label",
      "matrix",
      "spaceDelimited",
      "pipeDelimited",
      "deepObject",
    ),
  ),
  explode: maybe(fc.boolean()),
  allowReserved: maybe(fc.boolean()),
  collectionFormat: maybe(
    fc.constantFrom("csv", "ssv", "tsv", "pipes", "multi"),
  ),
  contentType: maybe(fc.constantFrom("application/json", "text/plain")),
}) as fc.Arbitrary<Parameter>;

describe("parameterWireStyle", () => {
  // it hands wireStyle the members it reads; it handed it a copy of the whole parameter
  it("is wireStyle of the parameter with its resolved serialization", () => {
    fc.assert(
      fc.property(parameter, (p) => {
        expect(parameterWireStyle(p)).toEqual(
          wireStyle(p.in, { ...p, serialization: serializationOf(p) }),
        );
      }),
      { numRuns: 2000, seed: 29 },
    );
  });
});
