import { describe, expect, it } from "vitest";
import { paint, useColor } from "../../src/cli/colors.js";
import {
  codeFrame,
  formatDiagnostic,
} from "../../src/cli/diagnostic-format.js";
import type { Diagnostic } from "../../src/model/types.js";

const plain = paint(false);
const LINES = [
  "openapi: 3.0.3",
  "info:",
  "  title: x",
  "paths:",
  "  /a:",
  "    get: 3",
  "  /b: {}",
];

describe("formatDiagnostic", () => {
  const d: Diagnostic = {
    severity: "warning",
    code: "merge/schema-conflict",
    message: "something odd",
    file: "specs/a.yaml",
    line: 6,
    column: 10,
    related: [{ file: "specs/b.yaml", line: 2, column: 3, pointer: "#/x" }],
  };

  it("prints file:line:col relative to the working folder, a frame and related places", () => {
    const text = formatDiagnostic(d, {
      paint: plain,
      baseDir: "/p",
      cwd: "/p/specs",
      lines: () => LINES,
    });
    expect(text).toBe(
      [
        "a.yaml:6:10: warning merge/schema-conflict something odd",
        "  4 | paths:",
        "  5 |   /a:",
        "> 6 |     get: 3",
        "    |          ^",
        "  7 |   /b: {}",
        "  related: b.yaml:2:3",
        "",
      ].join("\n"),
    );
  });

  it("escapes control characters and direction overrides of a message, keeping its line breaks", () => {
    const text = formatDiagnostic(
      {
        ...d,
        severity: "info",
        message: "name \x1b[2J\u009b31m\u202eevil\x07\nsecond line",
      },
      { paint: plain, baseDir: "/p", cwd: "/p", lines: () => LINES },
    );
    expect(text).toBe(
      "specs/a.yaml:6:10: info merge/schema-conflict name \\x1b[2J\\x9b31m\\u202eevil\\x07\nsecond line\n  related: specs/b.yaml:2:3\n",
    );
  });

  it("prints infos on one line", () => {
    const text = formatDiagnostic(
      { ...d, severity: "info", related: undefined },
      { paint: plain, baseDir: "/p", cwd: "/p", lines: () => LINES },
    );
    expect(text).toBe(
      "specs/a.yaml:6:10: info merge/schema-conflict something odd\n",
    );
  });

  it("prints no frame for an input pattern no file matched, even when a file by that name is there by now", () => {
    const text = formatDiagnostic(
      {
        severity: "error",
        code: "input/no-match",
        message: 'no file matches the input "specs/a.yaml"',
        file: "specs/a.yaml",
        line: 1,
        column: 1,
      },
      { paint: plain, baseDir: "/p", cwd: "/p", lines: () => LINES },
    );
    expect(text).toBe(
      'specs/a.yaml:1:1: error input/no-match no file matches the input "specs/a.yaml"\n',
    );
  });

  it("prints no frame when the file cannot be read", () => {
    const text = formatDiagnostic(
      { ...d, related: undefined },
      { paint: plain, baseDir: "/p", cwd: "/p", lines: () => undefined },
    );
    expect(text).toBe(
      "specs/a.yaml:6:10: warning merge/schema-conflict something odd\n",
    );
  });

  it("colours only when asked", () => {
    const text = formatDiagnostic(
      { ...d, severity: "error" },
      { paint: paint(true), baseDir: "/p", cwd: "/p", lines: () => LINES },
    );
    expect(text).toContain("\x1b[31merror\x1b[39m");
  });
});

describe("codeFrame", () => {
  it("shows a window of a very long line around the column", () => {
    const line = `${"x".repeat(5000)}BAD${"y".repeat(5000)}`;
    const frame = codeFrame([line], 1, 5001, plain);
    expect(frame[0]!.length).toBeLessThan(120);
    expect(frame[0]).toMatch(/^> 1 \| …x+BADy+…$/);
    const caret = frame[1]!.indexOf("^");
    expect(frame[0]![caret]).toBe("B");
  });
});

describe("useColor", () => {
  it.each([
    [undefined, {}, true, true],
    [undefined, {}, false, false],
    [undefined, { NO_COLOR: "1" }, true, false],
    [undefined, { NO_COLOR: "" }, true, true],
    [undefined, { FORCE_COLOR: "1" }, false, true],
    [false, { FORCE_COLOR: "1" }, true, false],
    [true, { NO_COLOR: "1" }, false, true],
  ])("flag %s, env %j, TTY %s → %s", (flag, env, tty, expected) => {
    expect(useColor(flag, env, tty)).toBe(expected);
  });
});
