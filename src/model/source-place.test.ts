import { describe, expect, it } from "vitest";
import type { Path } from "./pointer.js";
import { Reporter } from "./reporter.js";
import { PendingPlaces, type PlaceFinder } from "./source-place.js";

function places() {
  const asked = { one: 0, all: 0 };
  const find: PlaceFinder = {
    one: (path) => {
      asked.one++;
      return { line: Number(path[0]), column: 1 };
    },
    all: (paths) => {
      asked.all++;
      return paths.map((path) => ({ line: Number(path[0]), column: 1 }));
    },
  };
  return { pending: new PendingPlaces("a.json", "#", find), asked };
}

describe("SourcePlace", () => {
  it("is found in one batch when settled, and on its own only when read before", () => {
    const { pending, asked } = places();
    const early = pending.place([3]);
    const late = pending.place([5, "x"]);
    expect(early.line).toBe(3);
    expect(asked).toEqual({ one: 1, all: 0 });
    pending.settle();
    expect(asked).toEqual({ one: 1, all: 1 });
    expect(late).toEqual({
      file: "a.json",
      line: 5,
      column: 1,
      pointer: "#/5/x",
    });
    expect(Object.keys(late)).toEqual(["file", "line", "column", "pointer"]);
  });
});

describe("Reporter with places not found yet", () => {
  it("keeps each diagnostic once, in report order, as if every place had been known", () => {
    const { pending, asked } = places();
    const reporter = new Reporter();
    reporter.report("input/not-a-string", "m", pending.place([4]));
    reporter.report("input/not-a-string", "m", {
      file: "a.json",
      line: 4,
      column: 1,
    });
    reporter.report("input/not-a-string", "m", pending.place([2]));
    reporter.report("input/not-a-string", "m", pending.place([4]));
    expect(asked.one).toBe(0);
    pending.settle();
    expect(
      reporter.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}`),
    ).toEqual(["a.json:4:1", "a.json:2:1"]);
    expect(asked).toEqual({ one: 0, all: 1 });
  });
});
