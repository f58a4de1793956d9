import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";

/*
 * model/text-body-not-string (src/model/merge/build.ts): a request body's text/* media type whose
 * schema no string passes. The generated server reads a text body as the string it is and checks
 * it by that schema (test/server/body-schemas.test.ts), so it refuses every such body; when the
 * text type is the one the client sends, the generated client and server cannot talk at all.
 * Said at the request body's place, once per endpoint or webhook.
 */
async function diagnostics(file: string, text: string) {
  const { model } = await generate([{ file, text }], { artifacts: [] });
  return model.diagnostics.filter(
    (d) => d.code === "model/text-body-not-string",
  );
}

const openapi = (content: string, extra = "") => `openapi: 3.1.0
info: { title: t, version: "1" }
paths:
  /notes:
    post:
      operationId: postNote
      requestBody:
        content:
${content}
      responses:
        "200": { description: ok }
${extra}components:
  schemas:
    Note:
      type: object
      properties:
        text: { type: string }
`;

describe("a text/* request body whose schema admits no string", () => {
  it("is a warning at the request body, naming the client when it sends that text type", async () => {
    const found = await diagnostics(
      "notes.yaml",
      openapi(`          text/plain:
            schema: { $ref: "#/components/schemas/Note" }`),
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: "warning",
      file: "notes.yaml",
      line: 7,
      column: 7,
    });
    expect(found[0]!.message).toBe(
      "POST /notes: a text/plain body is a string, which its schema does not admit: the generated server refuses every such body (400), and the generated client sends the value as JSON text labelled text/plain. If the API reads JSON under that label, list application/json; if it takes text, give it a string schema",
    );
  });

  it("beside application/json, names the server only (the client sends JSON)", async () => {
    const [found, ...more] = await diagnostics(
      "notes.yaml",
      openapi(`          text/plain; charset=utf-8:
            schema: { $ref: "#/components/schemas/Note" }
          application/json:
            schema: { $ref: "#/components/schemas/Note" }
          text/csv:
            schema: { type: array }`),
    );
    expect(more).toEqual([]);
    expect(found!.message).toMatch(
      /^POST \/notes: a text\/plain or text\/csv body is a string, which its schema does not admit: the generated server refuses every such body \(400\)\. /,
    );
  });

  it("says nothing where a string may pass (string, no type, a union with string, a range, JSON)", async () => {
    const found = await diagnostics(
      "notes.yaml",
      openapi(`          text/plain:
            schema: { type: string }
          text/csv: {}
          text/html:
            schema: { anyOf: [{ $ref: "#/components/schemas/Note" }, { type: string }] }
          text/*:
            schema: { $ref: "#/components/schemas/Note" }
          application/json:
            schema: { $ref: "#/components/schemas/Note" }`),
    );
    expect(found).toEqual([]);
  });

  it("covers a webhook's payload, which the generated receiver reads alike", async () => {
    const found = await diagnostics(
      "hooks.yaml",
      openapi(
        `          application/json:
            schema: { $ref: "#/components/schemas/Note" }`,
        `webhooks:
  noted:
    post:
      requestBody:
        content:
          text/plain:
            schema: { $ref: "#/components/schemas/Note" }
      responses:
        "200": { description: ok }
`,
      ),
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(
      /^webhook noted \(POST\): a text\/plain body/,
    );
    expect(found[0]).toMatchObject({ file: "hooks.yaml", line: 16, column: 7 });
  });

  it("covers Swagger 2.0's consumes list with one body schema", async () => {
    const found = await diagnostics(
      "swagger.json",
      JSON.stringify(
        {
          swagger: "2.0",
          info: { title: "t", version: "1" },
          paths: {
            "/notes": {
              post: {
                consumes: ["application/json", "text/plain"],
                parameters: [
                  {
                    in: "body",
                    name: "note",
                    schema: {
                      type: "object",
                      properties: { text: { type: "string" } },
                    },
                  },
                ],
                responses: { 200: { description: "ok" } },
              },
            },
          },
        },
        null,
        2,
      ),
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(
      /^POST \/notes: a text\/plain body is a string/,
    );
    expect(found[0]!.message).not.toMatch(/generated client/);
  });
});
