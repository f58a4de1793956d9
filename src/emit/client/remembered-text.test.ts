import { describe, expect, it } from "vitest";
import { rememberedText } from "./format.js";

describe("rememberedText", () => {
  it("makes a text once per arguments, told apart by their JSON", () => {
    const made: string[] = [];
    const list = rememberedText((key: string, values: readonly string[]) => {
      made.push(key);
      return `${key}: ${values.join(" ")}`;
    });
    expect(list("a", ["b c"])).toBe("a: b c");
    expect(list("a", ["b", "c"])).toBe("a: b c");
    expect(list("a", ["b c"])).toBe("a: b c");
    expect(list("a", ["b", "c"])).toBe("a: b c");
    expect(made).toEqual(["a", "a"]);
  });

  it("keeps at most 10,000 texts, then makes the others each time", () => {
    let made = 0;
    const text = rememberedText((n: number) => {
      made += 1;
      return String(n);
    });
    for (let n = 0; n < 10_001; n++) text(n);
    expect(made).toBe(10_001);
    text(0);
    text(10_000);
    text(10_000);
    expect(made).toBe(10_003);
  });
});
