import { describe, expect, it } from "vitest";
import { withSpec } from "./harness.js";

/*
 * A `pattern` that is a JavaScript regular expression only without the `u` flag (AWS Budgets'
 * `(.*[\n\r\t\f\ ]?)*`: `\ ` is no escape under `u`). The MCP SDK's client compiles every tool's
 * output schema with ajv, which uses `u`, when it lists the tools: one such pattern failed
 * tools/list for the whole server. The tools' schemas leave it out; the tool's own checks still
 * run it.
 */
const SPEC = `openapi: 3.0.3
info: { title: Budgets, version: "1" }
paths:
  /notes:
    post:
      operationId: addNote
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Note" }
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Note" }
components:
  schemas:
    Note:
      type: object
      required: [text]
      properties:
        text: { type: string, pattern: "^[a-z\\\\ ]+$" }
        code: { type: string, pattern: "^[0-9]+$" }
`;

const run = withSpec("unicode-patterns", SPEC);

describe("a pattern that compiles only without the u flag", () => {
  it("is left out of the tools' schemas, so that the SDK's client lists them; the tool still checks it", () =>
    run(
      async (server, api) => {
        const { tools } = await server.client.listTools();
        const tool = tools.find((t) => t.name === "addNote")!;
        const note = JSON.stringify([tool.inputSchema, tool.outputSchema]);
        expect(note).not.toContain("a-z");
        expect(note).toContain('"pattern":"^[0-9]+$"');
        const bad = await server.client.callTool({
          name: "addNote",
          arguments: { body: { text: "A!" } },
        });
        expect(bad.isError).toBe(true);
        expect(api.received).toEqual([]);
        const good = await server.client.callTool({
          name: "addNote",
          arguments: { body: { text: "a b" } },
        });
        expect(good.isError).toBeFalsy();
        expect(api.received).toHaveLength(1);
      },
      { answer: { status: 200, body: { text: "a b", code: "12" } } },
    ));
});
