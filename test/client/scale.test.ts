import { emitted } from "../emitted.js";
import { describe, expect, test } from "vitest";
import { createEndpoint, createParameter } from "../../src/model/factories.js";
import type { ApiModel, Schema, SourceRef } from "../../src/model/types.js";

/* GitHub's 13 MB description has ~1,100 operations and ~900 schemas; this model is bigger. */
const at: SourceRef = { file: "big.json", line: 1, column: 1, pointer: "" };

function bigModel(schemaCount: number, endpointCount: number): ApiModel {
  const schemas: ApiModel["schemas"] = {};
  for (let i = 0; i < schemaCount; i++) {
    const properties: Record<string, Schema> = {};
    for (let p = 0; p < 12; p++)
      properties[`field_${p}`] =
        p % 4 === 0
          ? { $ref: `#/components/schemas/thing-${(i + p + 1) % schemaCount}` }
          : p % 4 === 1
            ? {
                type: "string",
                enum: ["alpha", "beta", "gamma", "delta-epsilon"],
              }
            : p % 4 === 2
              ? { type: ["array", "null"], items: { type: "integer" } }
              : {
                  type: "string",
                  readOnly: p === 3,
                  description: `Field ${p} of ${i}`,
                };
    schemas[`thing-${i}`] = {
      name: `thing-${i}`,
      schema: { type: "object", required: ["field_0", "field_3"], properties },
      sources: [at],
    };
  }
  const endpoints = Array.from({ length: endpointCount }, (_, i) =>
    createEndpoint({
      method: i % 2 === 0 ? "get" : "post",
      path: `/repos/{owner}/{repo}/things/${i}/{id}`,
      name: `operationNumber${i}WithALongishName`,
      source: at,
      summary: `Operation ${i}`,
      parameters: {
        path: ["owner", "repo", "id"].map((name) =>
          createParameter({
            name,
            in: "path",
            source: at,
            schema: { type: "string" },
          }),
        ),
        query: [
          createParameter({
            name: "per_page",
            in: "query",
            source: at,
            schema: { type: "integer" },
          }),
        ],
        header: [],
        cookie: [],
      },
      requestBody:
        i % 2 === 1
          ? {
              required: true,
              content: [
                {
                  mediaType: "application/json",
                  schema: {
                    $ref: `#/components/schemas/thing-${i % schemaCount}`,
                  },
                },
              ],
              sources: [at],
            }
          : undefined,
      responses: [
        {
          status: "200",
          description: "OK",
          content: [
            {
              mediaType: "application/json",
              schema: {
                type: "array",
                items: {
                  $ref: `#/components/schemas/thing-${i % schemaCount}`,
                },
              },
            },
          ],
          sources: [at],
        },
      ],
    }),
  );
  return {
    info: { title: "Big", version: "1" },
    servers: [],
    securitySchemes: {},
    schemas,
    tags: [],
    endpoints,
    diagnostics: [],
  };
}

describe("client generation at scale", () => {
  // Speed is measured by `npm run bench`, never by a timed test: this checks it completes at scale.
  test("2,000 schemas and 1,500 endpoints (about 5 MB of code) generate, every function emitted once", async () => {
    const model = bigModel(2000, 1500);
    const files = await emitted("client", model, {});
    const size = files.reduce((n, f) => n + f.contents.length, 0);
    expect(size).toBeGreaterThan(1_000_000);
    const index = files.find((f) => f.path === "client/index.ts")!.contents;
    for (const endpoint of model.endpoints)
      expect(index).toContain(
        `export const ${endpoint.name}: EndpointFunctions["${endpoint.name}"] =`,
      );
  });
});
