import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { emitted } from "../emitted.js";
import { listen, type RunningServer } from "../server/http.js";
import { outDir, writeFiles } from "./generated.js";

/*
 * Issue 41, item 4: validation never overflows the stack. Random deep mixes of arrays and
 * objects (fast-check) against a recursive schema: within the nesting limit (512) the
 * generated validator answers as ajv does wherever ajv answers at all; past it, one `maxDepth`
 * violation; never a RangeError. The client's validateResponses turns a 60,000-deep answer
 * into a ResponseValidationError.
 */
const TREE = {
  anyOf: [
    { type: "integer" },
    {
      type: "array",
      items: { $ref: "#/components/schemas/Tree" },
      maxItems: 3,
    },
    {
      type: "object",
      properties: { a: { $ref: "#/components/schemas/Tree" } },
      additionalProperties: { $ref: "#/components/schemas/Tree" },
      propertyNames: { pattern: "^[a-z0-9]+$" },
    },
  ],
};
const SPEC = JSON.stringify({
  openapi: "3.1.0",
  info: { title: "nesting", version: "1" },
  paths: {
    "/tree": {
      get: {
        operationId: "getTree",
        responses: {
          "200": {
            description: "a tree",
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/Tree" },
              },
            },
          },
        },
      },
    },
  },
  components: { schemas: { Tree: TREE } },
});

interface Validator {
  check(value: unknown): { path: string; keyword: string; message: string }[];
}
let tree: Validator;
let dir: string;
const ajvTree = new Ajv2020({ strict: false }).compile({
  $ref: "#/components/schemas/Tree",
  components: { schemas: { Tree: TREE } },
});

beforeAll(async () => {
  const model = (await generate([{ file: "nesting.json", text: SPEC }])).model;
  dir = outDir("nesting");
  writeFiles(dir, await emitted(["client", "validators"], model, {}));
  ({
    schemas: { Tree: tree },
  } = await import(pathToFileURL(join(dir, "validators/schemas.ts")).href));
}, 60_000);

const leaf = fc.oneof(
  fc.integer(),
  fc.constantFrom("s", null, 1.5, true, [], {}),
);
const step = fc.record({
  kind: fc.constantFrom("array", "object"),
  key: fc.constantFrom("a", "b", "c1", "B!", "__proto__"),
  siblings: fc.array(leaf, { maxLength: 3 }),
});

type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** A value built inside out from `steps` (a loop: no recursion here either), and its depth. */
function build(steps: readonly Step[], inner: unknown) {
  let value = inner;
  let depth = typeof inner === "object" && inner !== null ? 1 : 0;
  for (let i = steps.length - 1; i >= 0; i--) {
    const { kind, key, siblings } = steps[i]!;
    const nested = siblings.some((s) => typeof s === "object" && s !== null);
    depth = Math.max(depth, nested ? 1 : 0) + 1;
    value =
      kind === "array"
        ? [...siblings, value]
        : Object.fromEntries([
            ...siblings.map((s, n) => [`k${n}`, s]),
            [key, value],
          ]);
  }
  return { value, depth };
}

function ajvAnswer(value: unknown): boolean | undefined {
  try {
    return ajvTree(value);
  } catch (error) {
    if (error instanceof RangeError) return undefined; // ajv's own stack ran out
    throw error;
  }
}

describe("nesting shapes against a recursive schema", () => {
  it("within the limit, as ajv answers; past it, maxDepth; never a RangeError", () => {
    let compared = 0;
    let past = 0;
    fc.assert(
      fc.property(
        // any depth up to 1,200, not fast-check's small default sizes
        fc
          .noBias(fc.integer({ min: 0, max: 1200 }))
          .chain((n) => fc.array(step, { minLength: n, maxLength: n })),
        leaf,
        (steps, inner) => {
          const { value, depth } = build(steps, inner);
          const violations = tree.check(value);
          if (depth > 512) {
            past++;
            expect(violations).toEqual([
              {
                path: "",
                keyword: "maxDepth",
                message: "must not nest arrays and objects more than 512 deep",
              },
            ]);
            return;
          }
          const judged = ajvAnswer(value);
          if (judged === undefined) return;
          compared++;
          expect(
            violations.length === 0,
            JSON.stringify(value).slice(0, 200),
          ).toBe(judged);
        },
      ),
      { numRuns: 400 },
    );
    // both sides of the limit were tried
    expect(compared).toBeGreaterThan(50);
    expect(past).toBeGreaterThan(50);
  });

  it("60,000 deep, valid and not, and wide: one answer each, no RangeError", () => {
    const deepArrays = JSON.parse("[".repeat(60_000) + "]".repeat(60_000));
    const deepObjects = JSON.parse(
      '{"a":'.repeat(60_000) + "1" + "}".repeat(60_000),
    );
    for (const value of [deepArrays, deepObjects])
      expect(tree.check(value).map((v) => v.keyword)).toEqual(["maxDepth"]);
    // 511 deep and valid: checked, not refused
    const fine = JSON.parse("[".repeat(511) + "1" + "]".repeat(511));
    expect(tree.check(fine)).toEqual([]);
    // wide is not deep: 200,000 members one level down
    expect(tree.check(Array.from({ length: 200_000 }, () => [1]))).not.toEqual([
      expect.objectContaining({ keyword: "maxDepth" }),
    ]);
  });
});

describe("the client's validateResponses", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await listen((req, res) => {
      req.resume();
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"a":'.repeat(60_000) + "1" + "}".repeat(60_000));
    });
  });
  afterAll(() => server?.close());

  it("rejects a 60,000-deep answer with a ResponseValidationError, not a RangeError", async () => {
    const client = await import(
      pathToFileURL(join(dir, "client/index.ts")).href
    );
    const { validateResponses } = await import(
      pathToFileURL(join(dir, "client/validate.ts")).href
    );
    const error = await client
      .createClient({ baseUrl: server.baseUrl, validateResponses })
      .getTree()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(client.ResponseValidationError);
    expect((error as { violations: unknown[] }).violations).toEqual([
      expect.objectContaining({ path: "", keyword: "maxDepth" }),
    ]);
  });
});
