import { expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { loadValidators } from "./generated.js";

/**
 * OpenAPI 3.0 gives a `$ref` no siblings, so a member with a description is written
 * `allOf: [{ $ref: Id }]`: the referenced schema's readOnly or writeOnly is the member's all the
 * same (OpenAPI 3.1 §4.8.24; JSON Schema collects annotations from every allOf part). A request
 * need not send a required readOnly member, nor a response return a required writeOnly one.
 */
const SPEC = `
openapi: 3.0.3
info: { title: read and write through allOf, version: "1" }
paths:
  /things:
    post:
      operationId: createThing
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: "#/components/schemas/Thing" }
      responses:
        "200":
          description: the thing created
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Thing" }
components:
  schemas:
    Id: { type: string, readOnly: true }
    Password: { type: string, writeOnly: true }
    Thing:
      type: object
      required: [ref, id, password, name]
      properties:
        ref: { $ref: "#/components/schemas/Id" }
        id:
          allOf: [{ $ref: "#/components/schemas/Id" }]
          description: assigned by the server
        password:
          allOf: [{ $ref: "#/components/schemas/Password" }]
          description: sent, never returned
        name: { type: string }
`;

it("reads readOnly and writeOnly through an allOf part, as through a $ref", async () => {
  const { model } = await generate([{ file: "things.yaml", text: SPEC }], {
    artifacts: ["validators"],
  });
  const v = await loadValidators(model, "read-write-parts");
  const create = v.endpoints["createThing"]!;
  expect(create.body!.check({ password: "p", name: "n" })).toEqual([]);
  expect(
    create.responses["200"]!.check({ ref: "r", id: "i", name: "n" }),
  ).toEqual([]);
  // each direction still requires the others, and plain JSON Schema all four
  expect(create.body!.check({ name: "n" })).toMatchObject([
    { keyword: "required", message: expect.stringContaining("password") },
  ]);
  expect(
    create.responses["200"]!.check({ ref: "r", password: "p", name: "n" }),
  ).toMatchObject([{ keyword: "required" }]);
  expect(v.schemas["Thing"]!.check({ name: "n" })).toHaveLength(3);
});
