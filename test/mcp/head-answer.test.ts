import { describe, expect, it } from "vitest";
import { withSpec } from "./harness.js";

/*
 * An answer to HEAD has no body (RFC 9110 §9.3.2), whatever the description says: AWS
 * MediaStore Data's `HEAD /{Path}` (describeObject, APIs.guru's mediastore-data.json, excerpt)
 * declares JSON content for its 200. The output schema required a body and the tool checked the
 * absent one, so every success was a tool error ("/: must be object"). Found by a held-out hunt
 * (229 APIs.guru documents, the SDK's client; 29 HEAD operations in 4 documents declare a body).
 */
const SPEC = `openapi: 3.0.0
info: { title: AWS Elemental MediaStore Data Plane, version: "2017-09-01" }
paths:
  "/{Path}":
    head:
      operationId: DescribeObject
      description: Gets the headers for an object at the specified path.
      parameters:
        - name: Path
          in: path
          required: true
          schema: { type: string, minLength: 1, maxLength: 900 }
      responses:
        "200":
          description: Success
          content:
            application/json:
              schema: { $ref: "#/components/schemas/DescribeObjectResponse" }
        "481":
          description: ObjectNotFoundException
          content:
            application/json:
              schema: { $ref: "#/components/schemas/ObjectNotFoundException" }
components:
  schemas:
    DescribeObjectResponse: { type: object, properties: {} }
    ObjectNotFoundException: {}
`;

const run = withSpec("head-answer", SPEC);

describe("a HEAD whose success the description gives a JSON body", () => {
  it("is a success without a body that the SDK's client takes", () =>
    run(
      async (server, api) => {
        const { tools } = await server.client.listTools();
        expect(tools[0]!.outputSchema).toBeUndefined();
        const result = await server.client.callTool({
          name: "describeObject",
          arguments: { path: { Path: "videos/a.mp4" } },
        });
        expect(api.received[0]!.method).toBe("HEAD");
        expect(result.isError).toBeFalsy();
        expect(result.structuredContent).toEqual({ status: 200 });
      },
      { answer: { status: 200 } },
    ));
});
