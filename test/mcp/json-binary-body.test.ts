import { describe, expect, it } from "vitest";
import { withSpec } from "./harness.js";

/*
 * A JSON body whose schema is a binary string: noosh's `POST
 * /v1/workgroups/{workgroup_id}/profileImage` (APIs.guru excerpt) lists application/json first.
 * The client sends it as JSON, a string (its type says `string`), but the tool took base64 and
 * handed the client a Blob, which JSON.stringify wrote as `{}`: the API got `{}`. Found by a
 * held-out hunt (the request the SDK's client's call made; 1 operation in the directory).
 */
const SPEC = `openapi: 3.0.0
info: { title: noosh, version: "1.0" }
paths:
  /v1/workgroups/{workgroup_id}/profileImage:
    post:
      operationId: uploadProfileImage
      summary: Upload Profile Image.  A multipart/form-data request with a name "file"
      parameters:
        - { in: path, name: workgroup_id, required: true, schema: { type: string } }
      requestBody:
        content:
          application/json: { schema: { format: binary, type: string } }
          application/xml: { schema: { format: binary, type: string } }
          "*/*": { schema: { format: binary, type: string } }
      responses:
        "200": { description: OK }
`;

const run = withSpec("json-binary-body", SPEC);

describe("a JSON body whose schema is a binary string", () => {
  it("is the string the client sends as JSON", () =>
    run(async (server, api) => {
      const result = await server.client.callTool({
        name: "uploadProfileImage",
        arguments: { path: { workgroup_id: "7" }, body: "9CEi" },
      });
      expect(result.isError).toBeFalsy();
      expect(api.received[0]!.headers["content-type"]).toBe("application/json");
      expect(api.received[0]!.body).toBe('"9CEi"');
    }));
});
