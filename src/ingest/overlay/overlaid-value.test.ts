import { describe, expect, it } from "vitest";
import { IngestReporter } from "../codes.js";
import { applyOverlay, type From } from "./apply.js";
import { OverlaidValue } from "./overlaid-value.js";
import {
  applyOverlays,
  parseOverlay,
} from "../../../test/overlay/standalone.js";

const overlay = (actions: string, version = "1.1.0") => {
  const reporter = new IngestReporter();
  const parsed = parseOverlay(
    `overlay: ${version}\ninfo: { title: t, version: "1" }\nactions:\n${actions}`,
    "o.yaml",
    reporter,
  );
  expect(reporter.diagnostics).toEqual([]);
  return parsed!;
};

describe("an overlaid document", () => {
  it("knows where each node came from after items before it are removed", () => {
    const input = { list: [{ a: 1 }, { b: 2 }, { c: 3 }] };
    const doc = new OverlaidValue<From>(input, {
      from: { input: true },
      path: [],
    });
    const o = overlay(
      "  - target: $.list[0]\n    remove: true\n  - target: $.list\n    update: { d: 4 }\n",
    );
    applyOverlay(doc, o, new IngestReporter(), "input");
    expect(doc.value).toEqual({ list: [{ b: 2 }, { c: 3 }, { d: 4 }] });
    const where = (path: (string | number)[]) => {
      const origin = doc.originOf(path);
      return ["input" in origin.from ? "input" : "overlay", ...origin.path];
    };
    expect(where(["list", 0, "b"])).toEqual(["input", "list", 1, "b"]);
    expect(where(["list", 1])).toEqual(["input", "list", 2]);
    expect(where(["list", 2, "d"])).toEqual([
      "overlay",
      "actions",
      1,
      "update",
      "d",
    ]);
    // the input itself is never changed
    expect(input).toEqual({ list: [{ a: 1 }, { b: 2 }, { c: 3 }] });
  });

  it("sets a `__proto__` member as data, never as a prototype", () => {
    const result = applyOverlays(
      { info: {} },
      [
        overlay(
          '  - target: $.info\n    update: { "__proto__": { polluted: true }, title: x }\n',
        ),
      ],
      new IngestReporter(),
    ) as { info: Record<string, unknown> };
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.getPrototypeOf(result.info)).toBe(Object.prototype);
    expect(result.info["title"]).toBe("x");
  });

  it("1.0 does not replace a primitive; 1.1 does", () => {
    const action = "  - target: $.info.title\n    update: New\n";
    const reporter = new IngestReporter();
    const old = applyOverlays(
      { info: { title: "Old" } },
      [overlay(action, "1.0.0")],
      reporter,
    );
    expect(old).toEqual({ info: { title: "Old" } });
    expect(reporter.diagnostics.map((d) => d.code)).toEqual([
      "overlay/not-applied",
    ]);
    expect(
      applyOverlays(
        { info: { title: "Old" } },
        [overlay(action)],
        new IngestReporter(),
      ),
    ).toEqual({ info: { title: "New" } });
  });

  it("a copy selecting several nodes is skipped, and says so", () => {
    const reporter = new IngestReporter();
    const result = applyOverlays(
      { a: { x: 1 }, b: { x: 2 }, c: {} },
      [overlay("  - target: $.c\n    copy: $[?@.x]\n")],
      reporter,
    );
    expect(result).toEqual({ a: { x: 1 }, b: { x: 2 }, c: {} });
    expect(reporter.diagnostics).toMatchObject([
      { code: "overlay/not-applied", line: 5 },
    ]);
  });
});
