import { describe, expect, it } from "vitest";
import { withSpec } from "./harness.js";

/*
 * GitHub's `POST /repos/{owner}/{repo}/pages` body: a nullable object that needs `source` or
 * `build_type` (`anyOf` of `required`). A tool called with `body: null` sends `null`, which the
 * schema allows; its check read the `null` as `{}` and refused it for lacking both members.
 */
const SPEC = `openapi: 3.0.3
info: { title: Pages, version: "1" }
paths:
  /pages:
    post:
      operationId: createPagesSite
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              nullable: true
              anyOf: [{ required: [source] }, { required: [build_type] }]
              properties:
                build_type: { type: string, enum: [legacy, workflow] }
                source: { type: object, properties: { branch: { type: string } } }
      responses: { "201": { description: created } }
`;

const run = withSpec("null-body", SPEC);

describe("a tool whose body may be null", () => {
  it("sends a null body, and still refuses an object that is neither alternative", () =>
    run(
      async (server, api) => {
        const call = (body: unknown) =>
          server.client.callTool({
            name: "createPagesSite",
            arguments: { body },
          });
        expect((await call(null)).isError).toBeFalsy();
        expect(api.received.map((r) => r.body)).toEqual(["null"]);
        const empty = await call({});
        expect(empty.isError).toBe(true);
        expect(JSON.stringify(empty.content)).toContain("anyOf");
        expect((await call({ build_type: "legacy" })).isError).toBeFalsy();
        expect(api.received).toHaveLength(2);
      },
      { answer: { status: 201 } },
    ));
});
