import { describe, expect, it } from "vitest";
import { freeName } from "./identifiers.js";

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
