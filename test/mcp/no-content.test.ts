import { describe, expect, it } from "vitest";
import { withSpec } from "./harness.js";

/*
 * A 204 (or 205) has no body, whatever the description says: zoom's `PUT
 * /accounts/{accountId}/owner` declares JSON content for its 204. The output schema required a
 * body, so the answer (no body) made the SDK's client throw on `{ status: 204 }`. Found by the
 * held-out hunt (APIs.guru, the SDK's client, Prism).
 */
const SPEC = `openapi: 3.0.3
info: { title: No content, version: "1" }
paths:
  /owner:
    put:
      operationId: updateOwner
      responses:
        "204":
          description: updated
          content:
            application/json: { schema: {} }
    post:
      operationId: addOwner
      responses:
        "200":
          description: added
          content:
            application/json: { schema: { type: object } }
        "204":
          description: nothing to add
          content:
            application/json: { schema: { type: object } }
`;

const run = withSpec("no-content", SPEC);

describe("a 204 the description gives a JSON body", () => {
  it("is a success without a body that the SDK's client takes", () =>
    run(
      async (server, api) => {
        // the client checks structured content by the schemas tools/list gave it
        await server.client.listTools();
        const result = await server.client.callTool({
          name: "updateOwner",
          arguments: {},
        });
        expect(result.isError).toBeFalsy();
        expect(result.structuredContent).toEqual({ status: 204 });
        // beside a 200 with a body, a 204 needs none either
        const added = await server.client.callTool({
          name: "addOwner",
          arguments: {},
        });
        expect(added.isError).toBeFalsy();
        expect(added.structuredContent).toEqual({ status: 204 });
      },
      { answer: { status: 204 } },
    ));
});
