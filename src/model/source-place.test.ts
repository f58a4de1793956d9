import { describe, expect, it } from "vitest";
import type { Path } from "./pointer.js";
import { Reporter } from "./reporter.js";
import { PendingPlaces } from "./source-place.js";

/** Places whose finder puts path `[n, …]` at line n, column 1, counting the batches asked. */
function places() {
  const asked: Path[][] = [];
  const pending = new PendingPlaces("a.json", "#", (paths) => {
    asked.push([...paths]);
    return paths.map((path) => ({ line: Number(path[0]), column: 1 }));
  });
  return { pending, asked };
}

describe("PendingPlaces", () => {
  it("hands out plain places, found together when settled, in the objects handed out", () => {
    const { pending, asked } = places();
    const a = pending.place([3]);
    const b = pending.place([5, "x/y"]);
    expect(a).toEqual({ file: "a.json", line: 0, column: 0, pointer: "#/3" });
    pending.settle();
    expect(asked).toEqual([[[3], [5, "x/y"]]]);
    expect(b).toEqual({
      file: "a.json",
      line: 5,
      column: 1,
      pointer: "#/5/x~1y",
    });
    expect(Object.getPrototypeOf(b)).toBe(Object.prototype);
    expect(Object.keys(a)).toEqual(["file", "line", "column", "pointer"]);
    pending.settle();
    expect(asked).toHaveLength(1);
  });
});

describe("Reporter with places not found yet", () => {
  it("keeps each diagnostic once, in report order, as if every place had been known", () => {
    const { pending } = places();
    const reporter = new Reporter();
    reporter.report("input/not-a-string", "m", pending.place([4]));
    reporter.report("input/not-a-string", "m", {
      file: "a.json",
      line: 4,
      column: 1,
    });
    reporter.report("input/not-a-string", "m", pending.place([2]));
    reporter.report("input/not-a-string", "m", pending.place([4]));
    pending.settle();
    expect(
      reporter.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}`),
    ).toEqual(["a.json:4:1", "a.json:2:1"]);
  });
});
