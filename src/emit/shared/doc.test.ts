import { describe, expect, test } from "vitest";
import {
  align,
  conditionalGroup,
  type Doc,
  group,
  hardline,
  ifBreak,
  indent,
  join,
  line,
  print,
  softline,
  textGroup,
  textWidth,
} from "./doc.js";
import { PRINT_WIDTH } from "./literals.js";

/** `[a, b, c]` that breaks one item per line with a trailing comma, as prettier's arrays. */
const list = (items: string[]): Doc =>
  group([
    "[",
    indent([softline, join([",", line], items), ifBreak(",")]),
    softline,
    "]",
  ]);

const word = (n: number) => "x".repeat(n);

describe("print", () => {
  test("a group that fits in the width is flat, one that does not breaks", () => {
    expect(print(list(["a", "b"]))).toBe("[a, b]");
    const long = [word(40), word(40)];
    expect(print(list(long))).toBe(`[\n  ${long[0]},\n  ${long[1]},\n]`);
  });

  test("fits counts exactly up to the width: 80 columns fit, 81 do not", () => {
    const at80 = [word(PRINT_WIDTH - 5), "y"]; // "[" + 75 + ", " + "y" + "]" = 80
    expect(print(list(at80))).toBe(`[${at80[0]}, y]`);
    const at81 = [word(PRINT_WIDTH - 4), "y"];
    expect(print(list(at81))).toContain("\n");
  });

  test("the rest of the line after a group counts, up to its next possible break", () => {
    const items = [word(38), word(38)]; // [a, b] alone is 80 columns
    expect(print(list(items))).not.toContain("\n");
    // a `;` right after it no longer fits
    expect(print([list(items), ";"])).toContain("\n");
    // text after a line that breaks does not count
    expect(print(group([list(items), hardline, word(90)]))).toBe(
      `[${items[0]}, ${items[1]}]\n${word(90)}`,
    );
  });

  test("groups break outermost first: an inner group fits on its own line", () => {
    const inner = list(["a", "b"]);
    const doc = group([
      "call(",
      indent([softline, word(70), ",", line, inner]),
      softline,
      ")",
    ]);
    expect(print(doc)).toBe(`call(\n  ${word(70)},\n  [a, b]\n)`);
  });

  test("a hard line breaks every group around it", () => {
    expect(print(group(["{", indent([line, "a"]), hardline, "}"]))).toBe(
      "{\n  a\n}",
    );
    expect(print(group(["(", group(["a", hardline, "b"]), line, ")"]))).toBe(
      "(a\nb\n)",
    );
  });

  test("a forced group breaks although it fits", () => {
    expect(print(group(["{", indent([line, "a"]), line, "}"], true))).toBe(
      "{\n  a\n}",
    );
  });

  test("indent, align and the starting column", () => {
    const doc = group([
      "| ",
      align(2, group(["{", indent([line, "a"]), line, "}"], true)),
    ]);
    expect(print(doc)).toBe("| {\n    a\n  }");
    const at = print(list([word(30), word(30)]), { indent: 4, column: 30 });
    expect(at).toBe(`[\n      ${word(30)},\n      ${word(30)},\n    ]`);
  });

  test("no line ends with spaces", () => {
    expect(print(group(["a =", indent([line, word(90)])]))).toBe(
      `a =\n  ${word(90)}`,
    );
    expect(print(["a ", hardline, "b"])).toBe("a\nb");
    expect(print([indent([hardline, hardline, "b"])])).toBe("\n\n  b");
  });

  test("conditionalGroup takes the first layout whose first line fits, else the last broken", () => {
    const parts = [word(30), indent([" &", line, word(30)])];
    const doc = (head: string) => [
      head,
      conditionalGroup([
        [" ", group(parts)],
        [" ", group(parts, true)],
        indent([line, group(parts)]),
      ]),
    ];
    expect(print(doc("type A ="))).toBe(`type A = ${word(30)} & ${word(30)}`);
    expect(print(doc(`type ${word(20)} =`))).toBe(
      `type ${word(20)} = ${word(30)} &\n  ${word(30)}`,
    );
    expect(print(doc(`type ${word(50)} =`))).toBe(
      `type ${word(50)} =\n  ${word(30)} & ${word(30)}`,
    );
  });

  test("wide characters count two columns, as prettier counts them", () => {
    expect(textWidth("abc")).toBe(3);
    expect(textWidth("日本")).toBe(4);
    expect(textWidth("e\u0301")).toBe(1);
    const cjk = "日".repeat(38); // 76 columns, 38 characters
    expect(print(list([cjk, "ab"]))).toContain("\n");
  });

  test("a textGroup prints as the group it builds, flat or broken, building only when it breaks", () => {
    const items = (n: number) =>
      Array.from({ length: n }, (_, i) => word(i + 8));
    for (const n of [1, 2, 4, 6, 9]) {
      const flat = `[${items(n).join(", ")}]`;
      let builds = 0;
      const lazy = () =>
        textGroup(flat, () => {
          builds++;
          return [
            "[",
            indent([softline, join([",", line], items(n)), ifBreak(",")]),
            softline,
            "]",
          ];
        });
      // as a statement, after text, inside a group that breaks or not, with a rest of line
      const shapes = (x: () => Doc): Doc[] => [
        x(),
        ["const a = ", x(), ";"],
        group([
          "call(",
          indent([softline, x(), ",", line, "b"]),
          softline,
          ")",
        ]),
        group(["if (c)", indent([line, x()])]),
        [x(), ";", hardline, x()],
      ];
      const eager = shapes(() => list(items(n)));
      shapes(lazy).forEach((doc, i) => {
        for (const at of [{}, { indent: 4, column: 30 }])
          expect(print(doc, at)).toBe(print(eager[i]!, at));
      });
      if (n === 1) expect(builds).toBe(0);
    }
  });
});
