import { describe, expect, it } from "vitest";
import { withSpec } from "./harness.js";

/*
 * A body sent as text (conjur's `PUT /authn/{account}/password`, gitea's `POST
 * /markdown/raw`: `text/plain` with a string schema) has its validator under `bodies` only (by
 * media type), not `body`: the tool checked nothing, and an object went to the API. Found by
 * the held-out hunt (APIs.guru, the SDK's client, ajv, Prism).
 */
const SPEC = `openapi: 3.0.3
info: { title: Text body, version: "1" }
paths:
  /password:
    put:
      operationId: changePassword
      requestBody:
        required: true
        content:
          text/plain:
            schema: { type: string, minLength: 1 }
      responses: { "204": { description: ok } }
`;

const run = withSpec("text-body", SPEC);

describe("a text/plain body with a schema", () => {
  it("is checked before anything is sent, as a JSON body is", () =>
    run(
      async (server, api) => {
        for (const [body, problem] of [
          [{ x: 1 }, "/body: must be string"],
          ["", "/body: must have at least 1 character"],
        ] as const) {
          const bad = await server.client.callTool({
            name: "changePassword",
            arguments: { body },
          });
          expect(bad.isError).toBe(true);
          expect((bad.content as { text: string }[])[0]!.text).toContain(
            problem,
          );
        }
        expect(api.received).toEqual([]);
        const good = await server.client.callTool({
          name: "changePassword",
          arguments: { body: "s3cret" },
        });
        expect(good.isError).toBeFalsy();
        expect(api.received.map((r) => r.body)).toEqual(["s3cret"]);
      },
      { answer: { status: 204 } },
    ));
});
