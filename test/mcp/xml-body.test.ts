import { describe, expect, it } from "vitest";
import { withSpec } from "./harness.js";

/*
 * A body of bytes under a schema no string passes (an XML body described by an object schema,
 * as AWS's query APIs and openSUSE's describe theirs): the client sends what it is given, so
 * the tool takes the text to send. Before, the tool took the object and sent it as JSON text
 * labelled application/xml.
 */
const SPEC = `openapi: 3.0.3
info: { title: XML body, version: "1" }
paths:
  /pets:
    post:
      operationId: addPet
      requestBody:
        required: true
        content:
          application/xml:
            schema:
              type: object
              properties: { name: { type: string } }
      responses: { "204": { description: ok } }
`;

const run = withSpec("xml-body", SPEC);

describe("an XML body under an object schema", () => {
  it("is the text the tool sends as it is, labelled with its media type", () =>
    run(
      async (server, api) => {
        const [tool] = (await server.client.listTools()).tools;
        const body = (tool!.inputSchema.properties as Record<string, object>)[
          "body"
        ];
        expect(body).toMatchObject({
          type: "string",
          contentMediaType: "application/xml",
        });
        const xml = "<pet><name>Rex</name></pet>";
        const sent = await server.client.callTool({
          name: "addPet",
          arguments: { body: xml },
        });
        expect(sent.isError).toBeFalsy();
        expect(api.received.map((r) => r.body)).toEqual([xml]);
        expect(api.received[0]!.headers["content-type"]).toBe(
          "application/xml",
        );
      },
      { answer: { status: 204 } },
    ));
});
