import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";

/** A description of 300,000 lines (1.5 MB, well under the input limit) on every kind of place. */
describe("a description of 300,000 lines", () => {
  it("becomes a JSDoc of as many lines in types.ts and the client, not a crash", async () => {
    const description = "line\n".repeat(300_000);
    const text = JSON.stringify({
      openapi: "3.1.0",
      info: { title: "t", version: "1", description },
      paths: {
        "/a": {
          get: {
            operationId: "getA",
            description,
            parameters: [
              {
                name: "q",
                in: "query",
                description,
                schema: { type: "string" },
              },
            ],
            responses: {
              "200": {
                description,
                content: {
                  "application/json": {
                    schema: { $ref: "#/components/schemas/S" },
                  },
                },
              },
            },
          },
        },
      },
      components: {
        schemas: {
          S: {
            type: "object",
            description,
            properties: { a: { type: "string", description } },
          },
        },
      },
    });
    // its lines were spread into one call's arguments: RangeError past ~120,000
    const { files } = await generate([{ file: "long.json", text }], {
      artifacts: ["types", "client"],
    });
    const types = files.find((f) => f.path === "types.ts")!.contents;
    expect(types.match(/^\s*\* line$/gm)!.length).toBeGreaterThanOrEqual(
      3 * 300_000,
    );
    expect(files.some((f) => f.path === "client/index.ts")).toBe(true);
  }, 120_000);
});
