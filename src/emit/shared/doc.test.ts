import { describe, expect, test } from "vitest";
import fc from "fast-check";
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
  printBefore,
  softline,
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

  test("a group printed on its own takes the path a group inside other docs takes, for random docs", () => {
    // print(group) and printBefore(group, …) write a group that fits without the printer's
    // stacks; print([group]) always walks: both must agree
    let state = 29;
    const next = (n: number): number => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return Math.floor((state / 2147483648) * n);
    };
    const texts = [
      "a",
      "bb",
      word(12),
      word(30),
      "日本語",
      "",
      "x ",
      "=",
      "ab,",
    ];
    const doc = (depth: number): Doc => {
      const pick = depth <= 0 ? next(3) : next(10);
      const some = (): Doc[] =>
        Array.from({ length: 1 + next(4) }, () => doc(depth - 1));
      switch (pick) {
        case 0:
        case 1:
          return texts[next(texts.length)]!;
        case 2:
          return [line, softline, line][next(3)]!;
        case 3:
          return group(some());
        case 4:
          return indent(some());
        case 5:
          return align(2, some());
        case 6:
          return ifBreak(doc(depth - 1), doc(depth - 1));
        case 7:
          return conditionalGroup([some(), some()]);
        case 8:
          return next(6) === 0 ? hardline : some();
        default:
          return group([doc(depth - 1), line, doc(depth - 1)]);
      }
    };
    for (let i = 0; i < 4000; i++) {
      const d = group([doc(1 + (i % 4)), i % 3 === 0 ? line : ""]);
      const at = [{}, { indent: 4 }, { indent: 2, column: 60 }][i % 3]!;
      expect(print(d, at)).toBe(print([d], at));
      const after = [";", "", ") {", " "][i % 4]!;
      expect(printBefore(d, after, at)).toBe(printBefore([d], after, at));
    }
  });

  test("a group printed on its own fits exactly as a group inside other docs does, at every width about the limit", () => {
    const shapes: ((n: number) => Doc)[] = [
      (n) => group([word(n), line, "b"]),
      (n) => group([line, line, word(n)]),
      (n) => group([word(n), line]),
      (n) => group([word(n), line, line, "c"]),
      (n) => group([softline, word(n), softline]),
      (n) => group(["日本", line, word(n)]),
    ];
    for (const shape of shapes)
      for (let n = PRINT_WIDTH - 12; n <= PRINT_WIDTH + 2; n++)
        for (const at of [{}, { column: 3 }, { indent: 2, column: 5 }]) {
          const d = shape(n);
          expect(print(d, at)).toBe(print([d], at));
          for (const after of ["", ";", ") {", "日本;"])
            expect(printBefore(d, after, at)).toBe(printBefore([d], after, at));
        }
  });
});

/** The characters that make textWidth less than a text's length (no-column ones, surrogates). */
const NARROWER_THAN_LENGTH =
  /[\u0000-\u001f\u007f-\u009f\u0300-\u036f\ud800-\udfff]/;

describe("textWidth", () => {
  test("a text without NARROWER_THAN_LENGTH's characters is at least as wide as it is long, and each of them is narrower", () => {
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      if (NARROWER_THAN_LENGTH.test(ch)) {
        // a lone surrogate counts one column; a pair (one character, two units) one or two
        if (code < 0xd800 || code > 0xdfff) expect(textWidth(ch)).toBe(0);
      } else expect(textWidth(ch)).toBeGreaterThanOrEqual(1);
    }
    expect(textWidth("\ud801\udc00")).toBe(1);
    expect(NARROWER_THAN_LENGTH.test("\ud801\udc00")).toBe(true);
  });

  test("is the sum of its characters' widths, a surrogate pair one character", () => {
    const units = fc.constantFrom(
      "a",
      "’",
      "日",
      "\u0301",
      "\x00",
      "\x7f",
      "\ud83d",
      "\ude00",
    );
    fc.assert(
      fc.property(
        fc.string({ unit: fc.oneof(units, fc.string({ unit: "binary" })) }),
        (text) => {
          let sum = 0;
          for (const ch of text) sum += textWidth(ch);
          expect(textWidth(text)).toBe(sum);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
