// One OpenAPI 3.1 document touching every keyword the validators implement.
export const SPEC = `openapi: 3.1.0
info: { title: Keywords, version: "1" }
paths:
  /pets/{petId}:
    parameters:
      - { name: petId, in: path, required: true, schema: { type: integer, minimum: 1 } }
    put:
      operationId: putPet
      parameters:
        - { name: tag, in: query, schema: { type: array, items: { type: string, enum: [a, b] } } }
        - { name: limit, in: query, schema: { type: integer, maximum: 10, multipleOf: 5 } }
        - { name: X-Trace, in: header, required: true, schema: { type: string, format: uuid } }
        - { name: session, in: cookie, schema: { type: string, minLength: 4 } }
      requestBody:
        required: true
        content:
          application/json: { schema: { $ref: "#/components/schemas/Pet" } }
      responses:
        "200":
          description: ok
          content:
            application/json: { schema: { $ref: "#/components/schemas/Pet" } }
        default:
          description: error
          content:
            text/plain: { schema: { type: string } }
components:
  schemas:
    Pet:
      type: object
      required: [id, name, secret]
      additionalProperties: false
      properties:
        id: { type: integer, readOnly: true }
        name: { type: string, minLength: 1, maxLength: 5, pattern: "^[a-z]+$" }
        secret: { type: string, writeOnly: true }
        born: { type: string, format: date }
        tags: { type: array, items: { type: string }, uniqueItems: true, maxItems: 2 }
        parent: { $ref: "#/components/schemas/Pet" }
        weight: { type: [number, "null"], exclusiveMinimum: 0, multipleOf: 0.5 }
    Tree:
      type: object
      properties:
        children: { type: array, items: { $ref: "#/components/schemas/Tree" } }
    Shape:
      oneOf:
        - { $ref: "#/components/schemas/Circle" }
        - { $ref: "#/components/schemas/Square" }
      discriminator: { propertyName: kind, mapping: { round: "#/components/schemas/Circle" } }
    Circle:
      type: object
      required: [kind, r]
      properties: { kind: { type: string }, r: { type: number } }
    Square:
      type: object
      required: [kind, side]
      properties: { kind: { type: string }, side: { type: number } }
    Mixed:
      anyOf: [{ type: string, format: email }, { type: integer, maximum: 9 }]
      not: { const: 5 }
    Tuple:
      type: array
      prefixItems: [{ type: string }, { type: boolean }]
      items: false
      minItems: 1
    Dict:
      type: object
      patternProperties: { "^x-": { type: integer } }
      additionalProperties: { type: string }
      propertyNames: { maxLength: 6 }
      minProperties: 1
      maxProperties: 3
    Choice:
      enum: [red, 2, null, { a: [1] }]
    Fixed:
      const: { on: true }
    Stamp:
      type: string
      format: date-time
    Hostile:
      type: string
      pattern: "^a*/ globalThis.hacked = 1; /* \\u2028 \\"\\\\); globalThis.hacked = 2; //"
    Broken:
      type: string
      pattern: "(unclosed"
`;
