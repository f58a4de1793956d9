import { describe, expect, it } from "vitest";
import { IngestReporter } from "../../src/ingest/codes.js";
import { OVERLAY_BOUNDS } from "../../src/ingest/overlay/bounds.js";
import { applyOverlays, parseOverlay } from "../overlay/standalone.js";

/** Overlay 1.1 of `actions` (YAML list items), checked; applied to `doc`. */
function run(doc: unknown, actions: string) {
  const reporter = new IngestReporter();
  const overlay = parseOverlay(
    `overlay: 1.1.0\ninfo: { title: t, version: "1" }\nactions:\n${actions}`,
    "o.yaml",
    reporter,
  );
  expect(reporter.diagnostics).toEqual([]);
  const value = applyOverlays(doc, [overlay!], reporter, "api.yaml");
  const found = reporter.diagnostics.map((d) => ({
    code: d.code,
    message: d.message,
    at: `${d.file}:${d.line}:${d.column}`,
  }));
  return { value, found };
}

/** `{ key: { key: … } }`, `depth` levels. */
function chain(depth: number, key: string, leaf: unknown = {}): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = { [key]: value };
  return value;
}

type Found = { code: string; message: string; at: string };
const limit = (found: Found[]) =>
  found.filter((d) => d.code === "overlay/limit");

describe("overlay evaluation is bounded", () => {
  it("stops a dozen `$..[?@.*]` actions that each add members, at the action", () => {
    const actions = Array.from(
      { length: 12 },
      (_, i) =>
        `  - target: $..[?@.*]\n    update: { m${i}: { a: 1, b: [1, 2], c: { d: 1 } } }\n`,
    ).join("");
    const { found } = run(
      { openapi: "3.1.0", info: { title: "t", version: "1" }, paths: {} },
      actions,
    );
    const errors = limit(found);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(
      /^action \d+ on api\.yaml: its (JSONPath takes more than 20,000,000 steps|updates add more than 1,000,000 values)/,
    );
    // the place of the action (line 4 is the first action's)
    const index = Number(/^action (\d+)/.exec(errors[0]!.message)![1]);
    expect(errors[0]!.at).toBe(`o.yaml:${4 + (index - 1) * 2}:5`);
  });

  it("reads `$..description` on a 60-deep document (json-p3 stops at 50 by itself)", () => {
    const { value, found } = run(
      chain(60, "a", { description: "x" }),
      "  - target: $..description\n    remove: true\n",
    );
    expect(found).toEqual([]);
    expect(value).toEqual(chain(60, "a", {}));
  });

  it("stops `$..a..a..a..a..a..a` on a 44-deep chain as work", () => {
    const { found } = run(
      chain(44, "a"),
      "  - target: $..a..a..a..a..a..a\n    update: { x: 1 }\n",
    );
    expect(limit(found)).toEqual([
      {
        code: "overlay/limit",
        message:
          "action 1 on api.yaml: its JSONPath takes more than 20,000,000 steps (nodes visited, times their depth: the work an input's overlays may take)",
        at: "o.yaml:4:5",
      },
    ]);
  });

  it("refuses a backtracking `match` pattern, and runs a safe one", () => {
    const doc = { paths: { a: { description: "a".repeat(30) + "!" } } };
    const bad = run(
      doc,
      "  - target: $..[?match(@.description, '(a+)+')]\n    update: { x: 1 }\n",
    );
    expect(limit(bad.found)).toHaveLength(1);
    expect(limit(bad.found)[0]!.message).toContain(
      `match() pattern "(a+)+" could backtrack`,
    );
    const good = run(
      doc,
      "  - target: $..[?search(@.description, 'a!')]\n    update: { x: 1 }\n",
    );
    expect(good.found).toEqual([]);
    expect(good.value).toEqual({
      paths: { a: { description: "a".repeat(30) + "!", x: 1 } },
    });
  });

  it("refuses an update that would nest the document past the readers' limit", () => {
    const { found } = run(
      chain(200, "a"),
      `  - target: $${".a".repeat(200)}\n    update: ${JSON.stringify(chain(60, "b"))}\n`,
    );
    expect(limit(found).map((d) => d.message)).toEqual([
      `action 1 on api.yaml: it nests the document 260 levels deep, past the limit of ${OVERLAY_BOUNDS.nesting}`,
    ]);
  });

  it("refuses a target that selects more nodes than the bound", () => {
    const doc = { list: new Array(OVERLAY_BOUNDS.selected + 1).fill(0) };
    const { found } = run(doc, "  - target: $.list[*]\n    remove: true\n");
    expect(limit(found).map((d) => d.message)).toEqual([
      "action 1 on api.yaml: the target selects more than 1,000,000 nodes",
    ]);
  });
  it("checks at most 64 distinct filter patterns per input document", () => {
    const list = Array.from({ length: 70 }, (_, i) => ({ d: "x", p: `x${i}` }));
    const { found } = run(
      { list },
      "  - target: $.list[?search(@.d, @.p)]\n    update: { hit: true }\n",
    );
    expect(limit(found).map((d) => d.message)).toEqual([
      "action 1 on api.yaml: its filters use more than 64 distinct patterns",
    ]);
  });
});
