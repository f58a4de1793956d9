import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";

/** One path template written 4,000 ways: one endpoint, one diagnostic naming its operationIds. */
describe("operationIds of one endpoint, thousands of them", () => {
  it("are named ten in the message and every one in the related places", async () => {
    const paths = Object.fromEntries(
      Array.from({ length: 4_000 }, (_, i) => [
        `/r/{p${i}}`,
        {
          get: {
            operationId: `g${i}`,
            parameters: [
              {
                name: `p${i}`,
                in: "path",
                required: true,
                schema: { type: "string" },
              },
            ],
            responses: { "204": { description: "none" } },
          },
        },
      ]),
    );
    const text = JSON.stringify({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths,
    });
    const { model } = await generate([{ file: "ids.json", text }], {
      artifacts: ["types"],
    });
    const [conflict, ...more] = model.diagnostics.filter(
      (d) => d.code === "merge/operation-id-conflict",
    );
    expect(more).toEqual([]);
    // all 4,000 made a 120 KB message: one line of the terminal, one cell of the docs' table
    expect(conflict!.message).toMatch(
      /^GET \/r\/\{p0\} has 4000 operationIds: g0 \(ids\.json:1\), g1 .*, g9 \(ids\.json:1\), and 3990 more \(the related places\); the generated name is g0$/,
    );
    expect(conflict!.message.length).toBeLessThan(400);
    expect(conflict!.related).toHaveLength(3_999);
  });
});
