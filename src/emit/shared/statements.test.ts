import { describe, expect, it } from "vitest";
import { group, print } from "./doc.js";
import { PRINT_WIDTH } from "./literals.js";
import {
  functionHead,
  huggedCall,
  importStatement,
  items,
} from "./statements.js";

const word = (n: number) => "x".repeat(n);

/* functionHead and importStatement write a line that fits without building its doc: they must
   write what printing the doc writes, at every length about the limit. */
describe("the one-line statements against their docs", () => {
  it("functionHead", () => {
    for (let n = PRINT_WIDTH - 30; n <= PRINT_WIDTH + 40; n++)
      for (const params of [[], ["a: A"], ["value: unknown", "日本: J"]])
        for (const emptyBody of [false, true]) {
          const head = `export function ${word(n - 40)}`;
          const open = emptyBody ? "{}" : "{";
          expect(functionHead(head, params, "R", emptyBody)).toBe(
            print(group([head, "(", items(params), `): R ${open}`])),
          );
        }
  });

  it("importStatement", () => {
    for (let n = 30; n <= PRINT_WIDTH + 20; n++)
      for (const names of [[], ["a"], ["Alpha", "Beta", "Ωmega"]])
        for (const typeOnly of [false, true]) {
          const from = `./${word(n - 30)}.js`;
          const keyword = typeOnly ? "import type {" : "import {";
          expect(importStatement(names, from, typeOnly)).toBe(
            print(
              group([
                keyword,
                items(names, { spaced: true }),
                `} from "${from}";`,
              ]),
            ),
          );
        }
  });
});

describe("huggedCall", () => {
  const object = (members: string[]) => (broken: boolean) =>
    group(["{", items(members, { spaced: true }), "}"], broken);
  it("keeps a call that fits on one line", () => {
    expect(print(huggedCall("f", "a", object(["b"])))).toBe("f(a, { b })");
  });
  it("breaks the last argument inside the call before breaking the call", () => {
    expect(
      print(huggedCall("f", "a", object(["b".repeat(40), "c".repeat(40)]))),
    ).toBe(`f(a, {\n  ${"b".repeat(40)},\n  ${"c".repeat(40)},\n})`);
  });
  it("puts one argument a line when the first does not fit beside the call", () => {
    const first = "a".repeat(PRINT_WIDTH);
    expect(print(huggedCall("f", first, object(["b"])))).toBe(
      `f(\n  ${first},\n  { b },\n)`,
    );
  });
});
