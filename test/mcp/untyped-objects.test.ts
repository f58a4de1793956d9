import { describe, expect, it } from "vitest";
import { ajv, withSpec } from "./harness.js";

/*
 * A schema with `properties` and no `type` is checked as an object (the validators, as the types
 * read it: docs/validation.md), but the tools' schemas said nothing of its type, so they admitted
 * what the tool refuses: an agent's string for Azure Batch's `imageReference` (ImageReference has
 * no type), InfluxDB's `null` among an authorization's `permissions` (Permission has none) in an
 * answer the tool made a tool error. APIs.guru excerpts; found by a held-out hunt (ajv on the
 * listed schemas, json-schema-faker samples: 19 calls in 6 documents).
 */
const SPEC = `openapi: 3.0.0
info: { title: BatchManagement, version: "2021-06-01" }
paths:
  /pools:
    put:
      operationId: Pool_Create
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              properties:
                imageReference: { $ref: "#/components/schemas/ImageReference" }
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  permissions:
                    type: array
                    items: { $ref: "#/components/schemas/Permission" }
components:
  schemas:
    ImageReference:
      properties:
        offer: { type: string, title: The offer type of the Azure Virtual Machines Marketplace image. }
        sku: { type: string }
    Permission:
      properties:
        action: { enum: [read, write], type: string }
      required: [action]
`;

const run = withSpec("untyped-objects", SPEC);

describe("a schema with properties and no type", () => {
  it("is an object in the tools' schemas, as the tool checks it", () =>
    run(async (server) => {
      const [tool] = (await server.client.listTools()).tools;
      const input = ajv.compile(tool!.inputSchema);
      expect(input({ body: { imageReference: { sku: "x" } } })).toBe(true);
      expect(input({ body: { imageReference: "x" } })).toBe(false);
      const output = ajv.compile(tool!.outputSchema!);
      expect(
        output({ status: 200, body: { permissions: [{ action: "read" }] } }),
      ).toBe(true);
      expect(output({ status: 200, body: { permissions: [null] } })).toBe(
        false,
      );
      const refused = await server.client.callTool({
        name: tool!.name,
        arguments: { body: { imageReference: "x" } },
      });
      expect(refused.isError).toBe(true);
    }));
});
