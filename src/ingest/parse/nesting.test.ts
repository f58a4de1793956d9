import { describe, expect, it } from "vitest";
import { jsonTooDeepAt } from "./nesting.js";

describe("jsonTooDeepAt", () => {
  it("finds the first bracket past the limit, counting objects and arrays alike", () => {
    expect(jsonTooDeepAt('{"a":[{"b":[]}]}', 4)).toBeUndefined();
    expect(jsonTooDeepAt('{"a":[{"b":[[]]}]}', 4)).toBe(12);
  });

  it("skips brackets and escaped quotes inside strings, and closed siblings", () => {
    expect(
      jsonTooDeepAt('{"a":"[[[[\\"{{{{","b":{}, "c":{}}', 2),
    ).toBeUndefined();
    expect(jsonTooDeepAt("[[],[],[[]]]", 2)).toBe(8);
  });
});
