import { describe, expect, it } from "vitest";
import type { Path } from "../pointer.js";
import { ModelReporter } from "./codes.js";
import { DeferredPlaces, PendingPlaces, settlePlaces } from "./source-place.js";

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

describe("a place below a long key", () => {
  it("writes its pointer when read, and reads, copies and prints as any other place", () => {
    const { pending, asked } = places();
    const key = "k/".repeat(3000);
    const at = pending.place([7, key, 0]);
    const pointer = `#/7/${"k~1".repeat(3000)}/0`;
    expect(at.pointer).toBe(pointer);
    expect(Object.keys(at)).toEqual(["file", "line", "column", "pointer"]);
    pending.settle();
    expect(asked).toEqual([[[7, key, 0]]]);
    expect({ ...at }).toEqual({ file: "a.json", line: 7, column: 1, pointer });
    expect(JSON.parse(JSON.stringify(at))).toEqual({ ...at });
  });
});

describe("PendingPlaces keeps each path as its pointer until settled", () => {
  /** The paths the finder is given, for paths placed under `prefix`. */
  function asked(paths: Path[], prefix = "#"): Path[] {
    const seen: Path[] = [];
    const pending = new PendingPlaces("a.json", prefix, (batch) => {
      seen.push(...batch);
      return batch.map(() => ({ line: 1, column: 1 }));
    });
    for (const path of paths) pending.place(path);
    pending.settle();
    return seen;
  }

  it("hands the finder the very paths placed: numbers stay numbers, keys stay text", () => {
    const deep = Array.from({ length: 40 }, (_, i) =>
      i % 3 === 0 ? i : `k${i}`,
    );
    const paths: Path[] = [
      [],
      [""],
      ["", ""],
      ["paths", "/users/{id}", "get", "responses", "200"],
      ["paths", "/a", "get", "parameters", 0, "schema"],
      // a number a reader passed for a key is not the key's text, and the finder tells them apart
      ["responses", 200],
      ["tags", -1],
      ["x", 1.5, "y"],
      ["x", 0, 1e21, Number.NaN, Infinity],
      ["a~b", "~1", "~0/~", "/", "~", "0", "-1"],
      ["ünïcode", "🍫", "a b", "%20"],
      deep,
      deep.slice(0, 30),
      deep.slice(0, 31),
    ];
    expect(asked(paths)).toEqual(paths);
    expect(asked(paths, "#2")).toEqual(paths);
    // Object.is: -0 is read back as 0, which every finder treats alike (no index below 0)
    expect(asked([[-0]])[0]![0]).toBe(0);
  });
});

describe("ModelReporter with places not found yet", () => {
  it("keeps each diagnostic once, in report order, as if every place had been known", () => {
    const { pending } = places();
    const reporter = new ModelReporter();
    reporter.report("schema/composition-cycle", "m", pending.place([4]));
    reporter.report("schema/composition-cycle", "m", {
      file: "a.json",
      line: 4,
      column: 1,
    });
    reporter.report("schema/composition-cycle", "m", pending.place([2]));
    reporter.report("schema/composition-cycle", "m", pending.place([4]));
    pending.settle();
    expect(
      reporter.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}`),
    ).toEqual(["a.json:4:1", "a.json:2:1"]);
  });
});

describe("settlePlaces: places found when first needed", () => {
  it("finds only the places asked for, then the rest in one batch, each once", () => {
    const { pending, asked } = places();
    const refs = [3, 7, 5, 9].map((n) => pending.place([n]));
    settlePlaces([refs[2]!, { line: 4 }]);
    expect(asked).toEqual([[[5]]]);
    expect(refs.map((r) => r.line)).toEqual([0, 0, 5, 0]);
    settlePlaces();
    expect(asked).toEqual([[[5]], [[3], [7], [9]]]);
    expect(refs.map((r) => r.line)).toEqual([3, 7, 5, 9]);
    settlePlaces();
    expect(asked).toHaveLength(2);
  });

  it("released places are never found, and no longer wait to be", () => {
    const { pending, asked } = places();
    const ref = pending.place([2]);
    const deferred = new DeferredPlaces();
    deferred.hold(pending);
    deferred.release();
    settlePlaces();
    expect(asked).toEqual([]);
    expect(ref.line).toBe(0);
  });

  it("a diagnostic read finds the places it names, related ones too", () => {
    const { pending } = places();
    const here = { file: "a.json", line: 1, column: 1 };
    const other = pending.place([6]);
    const reporter = new ModelReporter();
    reporter.report("schema/composition-cycle", "m", here, [other]);
    const [d] = reporter.diagnostics;
    expect(d!.related).toEqual([
      { file: "a.json", line: 6, column: 1, pointer: "#/6" },
    ]);
  });

  it("a copy of a waiting place is refused when read, never printed at line 0", () => {
    const { pending } = places();
    const at = pending.place([6]);
    const reporter = new ModelReporter();
    reporter.report("schema/composition-cycle", "m", { ...at });
    expect(() => reporter.diagnostics).toThrow(/copied before its line/);
    pending.release();
  });
});
