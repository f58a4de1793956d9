import { format } from "prettier";
import { beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { loadValidators } from "./generated.js";

/**
 * Layouts at the edge of the line width, where the validators' own measuring differed from
 * prettier's: prettier (the judge of the layout) must find nothing to change.
 */
const A = "a".repeat(20);
const B = "b".repeat(20);
const SPEC = JSON.stringify({
  openapi: "3.1.0",
  info: { title: "Layout", version: "1" },
  paths: {
    "/x": {
      post: {
        // `function a_body(_x: unknown, …, _d: Direction): void {}` is 81 columns: an empty
        // function's `}` counts
        operationId: "a",
        requestBody: {
          content: {
            "application/json": { schema: { description: "anything" } },
          },
        },
        responses: { "204": { description: "none" } },
      },
    },
  },
  components: {
    schemas: {
      // `r.required(v2, p + "/aaa…" + "/bbb…", e, [` does not fit: prettier does not hug the
      // array then, it puts each argument on a line of its own
      Deep: {
        type: "object",
        properties: {
          [A]: {
            type: "object",
            properties: {
              [B]: { type: "object", dependentRequired: { a: ["b"] } },
            },
          },
        },
      },
    },
  },
});

let files: { path: string; contents: string }[];

beforeAll(async () => {
  const { model } = await generate([{ file: "layout.json", text: SPEC }], {
    artifacts: ["validators"],
  });
  files = (await loadValidators(model, "layout")).files;
});

describe("validators at the edge of the line width", () => {
  it.each([
    "validators/schemas.ts",
    "validators/endpoints.ts",
    "validators/checks.ts",
  ])("%s is as prettier lays it out", async (path) => {
    const text = files.find((f) => f.path === path)!.contents;
    const parser = path.endsWith(".js") ? "babel" : "typescript";
    expect(text).toBe(await format(text, { parser }));
  });
});
