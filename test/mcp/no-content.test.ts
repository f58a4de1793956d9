import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { apiServer, generate, inProcess, OUT } from "./harness.js";

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

const dir = join(OUT, "no-content");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a 204 the description gives a JSON body", () => {
  it("is a success without a body that the SDK's client takes", async () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "spec.yaml"), SPEC);
    const out = generate("no-content/out", [join(dir, "spec.yaml")]);
    const api = await apiServer();
    api.answer = { status: 204 };
    const server = await inProcess(out, { baseUrl: api.baseUrl });
    try {
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
    } finally {
      await server.close();
      await api.close();
    }
  });
});
