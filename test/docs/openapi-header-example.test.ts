import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { openApiDocument } from "../../src/emit/openapi/index.js";

// Spectral's oas3-valid-media-example checked these examples on the input and found none left
// on openapi.json: the reader dropped a response header's example (Azure's Retry-After,
// Content-Length; 43 of APIs.guru's 2,628 documents give one)
describe("openapi.json's response headers", () => {
  it("keep the header's example, its first when it gives `examples`, as a parameter keeps its own", async () => {
    const text = JSON.stringify({
      openapi: "3.0.3",
      info: { title: "T", version: "1" },
      paths: {
        "/jobs": {
          delete: {
            responses: {
              202: {
                description: "Accepted",
                headers: {
                  "Retry-After": { schema: { type: "integer" }, example: 10 },
                  "X-Rate": { $ref: "#/components/headers/Rate" },
                  "X-Plain": { schema: { type: "string" } },
                },
              },
            },
          },
        },
      },
      components: {
        headers: {
          Rate: {
            schema: { type: "integer" },
            examples: { low: { value: 1 }, high: { value: 100 } },
          },
        },
      },
    });
    const { model } = await generate([{ file: "t.json", text }], {
      artifacts: [],
    });
    const doc = openApiDocument(model) as any;
    const headers = doc.paths.make("/jobs").delete.responses["202"].headers;
    expect(headers).toEqual({
      "Retry-After": { schema: { type: "integer" }, example: 10 },
      "X-Rate": { schema: { type: "integer" }, example: 1 },
      "X-Plain": { schema: { type: "string" } },
    });
  });
});
