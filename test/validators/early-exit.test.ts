import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { loadValidators, type LoadedValidators } from "./generated.js";

/*
 * What the validators read of a value (issue 58): `is()` and the members of anyOf, oneOf, not,
 * if and contains stop at their first violation, `check()` still lists every one, and no
 * validator walks the value before checking it (the nesting bound is counted by the checks as
 * they descend). Reads are counted by getters on the value.
 */
const SPEC = JSON.stringify({
  openapi: "3.1.0",
  info: { title: "reads", version: "1" },
  paths: {},
  components: {
    schemas: {
      Names: { type: "array", items: { type: "string" } },
      Things: {
        type: "array",
        items: {
          type: "object",
          required: ["id"],
          properties: { id: { type: "integer" } },
        },
      },
      Either: {
        anyOf: [
          { type: "array", items: { type: "string" } },
          { type: "array", items: { type: "boolean" } },
        ],
      },
      Tree: { type: "array", items: { $ref: "#/components/schemas/Tree" } },
      Pet: {
        type: "object",
        required: ["name"],
        properties: { name: { type: "string" } },
      },
      Pair: {
        type: "object",
        required: ["left", "right"],
        properties: { left: { type: "integer" } },
      },
    },
  },
});

let v: LoadedValidators["schemas"];
beforeAll(async () => {
  const { model } = await generate([{ file: "reads.json", text: SPEC }], {
    artifacts: ["validators"],
  });
  v = (await loadValidators(model, "early-exit")).schemas;
}, 60_000);

/** An array of `n` items, each `item(i)`, whose reads are counted. */
function counted(n: number, item: (i: number) => unknown) {
  const reads = { count: 0 };
  const items: unknown[] = [];
  for (let i = 0; i < n; i++)
    Object.defineProperty(items, i, {
      get: () => {
        reads.count++;
        return item(i);
      },
      enumerable: true,
    });
  return { items, reads };
}

describe("is() stops at the first violation", () => {
  it("reads one item of an array whose every item is wrong; check() reads them all", () => {
    const { items, reads } = counted(100, (i) => i);
    expect(v.Names!.is(items)).toBe(false);
    expect(reads.count).toBe(1);
    reads.count = 0;
    expect(v.Names!.check(items)).toHaveLength(100);
    expect(reads.count).toBe(100);
  });

  it("stops inside nested objects too, and answers as check() does", () => {
    const { items, reads } = counted(50, (i) => ({ id: `no${i}` }));
    expect(v.Things!.is(items)).toBe(false);
    expect(reads.count).toBe(1);
    expect(v.Things!.check(items)).toHaveLength(50);
    const fine = counted(50, (i) => ({ id: i }));
    expect(v.Things!.is(fine.items)).toBe(true);
    expect(fine.reads.count).toBe(50);
    expect(v.Things!.is([{ id: 1 }, {}])).toBe(false);
    expect(v.Things!.is([{ id: 1 }, { id: 2 }])).toBe(true);
  });
});

describe("a member of anyOf stops at its first violation", () => {
  it("reads one item per member that fails, then the passing member reads all", () => {
    const { items, reads } = counted(40, () => 1);
    expect(v.Either!.is(items)).toBe(false);
    // each member reads the first item, finds it wrong, and stops
    expect(reads.count).toBe(2);
    reads.count = 0;
    expect(v.Either!.check(items)).toEqual([
      { path: "", keyword: "anyOf", message: "must match a schema in anyOf" },
    ]);
    // then check(), whose answer is a violation after a member stopped early, walks the value
    // once for its depth (what the members did not read might nest past the limit)
    expect(reads.count).toBe(2 + 40);
    const strings = counted(40, () => "s");
    expect(v.Either!.check(strings.items)).toEqual([]);
    expect(strings.reads.count).toBe(40);
  });
});

describe("no walk before the checks", () => {
  it("reads no member the schema does not look at", () => {
    let read = 0;
    const pet = { name: "Rex" };
    Object.defineProperty(pet, "extra", {
      get: () => {
        read++;
        return [[[1]]];
      },
      enumerable: true,
    });
    expect(v.Pet!.check(pet)).toEqual([]);
    expect(v.Pet!.is(pet)).toBe(true);
    expect(read).toBe(0);
  });

  it("refuses what nests past 512 where the checks descend, in is() and check()", () => {
    let tree: unknown = [];
    for (let i = 1; i < 512; i++) tree = [tree];
    expect(v.Tree!.check(tree)).toEqual([]);
    expect(v.Tree!.is(tree)).toBe(true);
    tree = [[], tree];
    expect(v.Tree!.check(tree)).toEqual([
      {
        path: "",
        keyword: "maxDepth",
        message: "must not nest arrays and objects more than 512 deep",
      },
    ]);
    expect(v.Tree!.is(tree)).toBe(false);
    // where they do not descend (an item that is not a string), the violation is the schema's
    let deep: unknown = "s";
    for (let i = 0; i < 600; i++) deep = [deep];
    expect(v.Names!.check([deep])).toEqual([
      { path: "/0", keyword: "type", message: "must be string" },
    ]);
  });
});

describe("required names an object's own members", () => {
  const missing = (name: string) => ({
    path: "",
    keyword: "required",
    message: `must have the property "${name}"`,
  });

  it("whatever Object.prototype was given, and whatever the object's prototype", () => {
    expect(v.Pair!.check({ left: 1, right: 2 })).toEqual([]);
    expect(v.Pair!.check({ left: 1 })).toEqual([missing("right")]);
    // inherited members are no members: a class instance, a prototype of its own
    const inherited = Object.create({ left: 1, right: 2 }) as object;
    expect(v.Pair!.check(inherited)).toEqual([
      missing("left"),
      missing("right"),
    ]);
    expect(v.Pair!.is(inherited)).toBe(false);
    const bare = Object.assign(Object.create(null) as object, {
      left: 1,
      right: 2,
    });
    expect(v.Pair!.check(bare)).toEqual([]);
    // a polluted Object.prototype lends every object `right`: still missing
    const proto = Object.prototype as Record<string, unknown>;
    proto["right"] = 2;
    try {
      expect(v.Pair!.check({ left: 1 })).toEqual([missing("right")]);
      expect(v.Pair!.is({ left: 1 })).toBe(false);
    } finally {
      delete proto["right"];
    }
  });
});
