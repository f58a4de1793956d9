import { describe, expect, it } from "vitest";
import { withSpec } from "./harness.js";

/*
 * The SDK's client checks every result's structured content against the tool's output schema
 * with ajv-formats, which knows formats the tool's own checks do not (`byte`, `hostname`,
 * `time`, `uri-reference`…): an answer the tool accepted made callTool throw (googleapis'
 * accessapproval, a `format: byte` signature that was not base64). A response's schema keeps
 * the formats the tool checks only. Found by the held-out hunt (APIs.guru, the SDK's client,
 * Prism).
 */
const SPEC = `openapi: 3.0.3
info: { title: Formats, version: "1" }
paths:
  /sign:
    post:
      operationId: sign
      requestBody:
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Signed" }
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Signed" }
components:
  schemas:
    Signed:
      type: object
      properties:
        signature: { type: string, format: byte }
        host: { type: string, format: hostname }
        at: { type: string, format: date-time }
`;

const run = withSpec("output-formats", SPEC);

const body = {
  signature: "string",
  host: "no host!",
  at: "2020-01-01T00:00:00Z",
};

describe("formats in a tool's output schema", () => {
  it("are the ones the tool checks, so that the SDK's client takes every result it gives", () =>
    run(
      async (server, api) => {
        // the client checks structured content by the schemas tools/list gave it
        const { tools } = await server.client.listTools();
        const result = await server.client.callTool({
          name: "sign",
          arguments: {},
        });
        expect(result.isError).toBeFalsy();
        expect(result.structuredContent).toEqual({ status: 200, body });
        const [tool] = tools;
        const output = JSON.stringify(tool!.outputSchema);
        expect(output).not.toContain('"byte"');
        expect(output).not.toContain('"hostname"');
        expect(output).toContain('"date-time"');
        // the input says what the API takes, as written
        expect(JSON.stringify(tool!.inputSchema)).toContain('"byte"');
        // a format the tool checks still makes a wrong answer a tool error, not a throw
        api.answer = { status: 200, body: { ...body, at: "yesterday" } };
        const wrong = await server.client.callTool({
          name: "sign",
          arguments: {},
        });
        expect(wrong.isError).toBe(true);
      },
      { answer: { status: 200, body } },
    ));
});
