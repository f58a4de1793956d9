import { describe, expect, it } from "vitest";
import { withSpec } from "./harness.js";

/*
 * A header parameter named as an API-key scheme's header, on an operation whose own security
 * does not use that scheme: the client's `auth` never sends it, so it stays the tool's to take.
 * It was left out of every tool, and every call to the operation went without it.
 */
const SPEC = `openapi: 3.0.3
info: { title: Key-named header, version: "1" }
components:
  securitySchemes:
    apiKey: { type: apiKey, in: header, name: Authorization }
    consumerId: { type: apiKey, in: header, name: x-consumer-id }
security: [{ apiKey: [], consumerId: [] }]
paths:
  /leads:
    get:
      operationId: leadsAll
      security: [{ apiKey: [] }]
      parameters:
        - { name: x-consumer-id, in: header, required: true, schema: { type: string } }
      responses: { "200": { description: ok } }
  /contacts:
    get:
      operationId: contactsAll
      parameters:
        - { name: x-consumer-id, in: header, required: true, schema: { type: string } }
      responses: { "200": { description: ok } }
`;

const run = withSpec("key-parameters", SPEC);

describe("a parameter named as an API key", () => {
  it("is the tool's when the operation's own security does not send it", () =>
    run(
      async (server, api) => {
        const { tools } = await server.client.listTools();
        const input = (name: string) =>
          tools.find((t) => t.name === name)!.inputSchema;
        // leadsAll's security is apiKey alone: the header is a parameter, required
        expect(input("leadsAll")["required"]).toEqual(["headers"]);
        expect(JSON.stringify(input("leadsAll"))).toContain("x-consumer-id");
        // contactsAll has the document's security, which sends it: left out
        expect(JSON.stringify(input("contactsAll"))).not.toContain(
          "x-consumer-id",
        );
        const refused = await server.client.callTool({
          name: "leadsAll",
          arguments: {},
        });
        expect(refused.isError).toBe(true);
        expect(JSON.stringify(refused.content)).toContain(
          "/headers: is required",
        );
        expect(api.received).toHaveLength(0);
        const called = await server.client.callTool({
          name: "leadsAll",
          arguments: { headers: { "x-consumer-id": "c-42" } },
        });
        expect(called.isError).toBeFalsy();
        expect(api.received).toHaveLength(1);
        expect(api.received[0]!.headers["x-consumer-id"]).toBe("c-42");
        expect(api.received[0]!.headers["authorization"]).toBe("the-key");
      },
      { options: { auth: { apiKey: "the-key" } } },
    ));
});
