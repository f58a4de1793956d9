import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { camelCase, freeName, pascalCase } from "./identifiers.js";

describe("camelCase and pascalCase", () => {
  it("are their own: a name read back (an operationId in openapi.json) is the same name", () => {
    // tomtom's `/search/{versionNumber}/cS/{category}.{ext}`, openaq's `__z___x___y__`
    expect(camelCase("get search cS")).toBe("getSearchCs");
    expect(camelCase("tiles__z___x___y__pbf")).toBe("tilesZxyPbf");
    const text = fc.stringMatching(/^[a-zA-Z0-9 _{}./-]{0,24}$/);
    fc.assert(
      fc.property(text, (t) => {
        expect(camelCase(camelCase(t))).toBe(camelCase(t));
        expect(pascalCase(pascalCase(t))).toBe(pascalCase(t));
      }),
      { seed: 7, numRuns: 5000 },
    );
  });
});

describe("freeName", () => {
  it("keeps a free name and numbers a taken one from 2, with the separator", () => {
    const taken = new Set(["pet", "pet2", "pet-2"]);
    const isTaken = (name: string) => taken.has(name);
    expect(freeName("dog", isTaken)).toBe("dog");
    expect(freeName("pet", isTaken)).toBe("pet3");
    expect(freeName("pet", isTaken, "-")).toBe("pet-3");
    expect(freeName("pet", isTaken, "_")).toBe("pet_2");
  });
});
