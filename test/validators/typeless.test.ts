import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { loadValidators } from "./generated.js";

/*
 * A schema without `type` is typed by its keywords (`properties`: an object, `items`: an array)
 * and checked the same way: `is` narrows only values of that type, and an endpoint's check gives
 * a handler only such a value. Found by a held-out hunt (json-schema-faker and ajv against the
 * types on 379 directory documents): Azure's `SubResource`, amadeus' `CurrencyDictionary`, a
 * request body of either, took 42, "EUR" or null, which `is` then called a `Snapshot`.
 */
const SPEC = `openapi: 3.0.3
info: { title: typeless, version: "1" }
paths:
  /snapshots:
    post:
      operationId: takeSnapshot
      requestBody:
        required: true
        content:
          application/json: { schema: { $ref: "#/components/schemas/Snapshot" } }
      responses: { "204": { description: taken } }
components:
  schemas:
    Snapshot:
      properties: { url: { type: string } }
      required: [url]
    CurrencyDictionary:
      additionalProperties: { type: string }
    Codes:
      items: { type: string }
    MaybeSnapshot:
      properties: { url: { type: string } }
      nullable: true
    CmdLike:
      items: { type: string }
      oneOf: [{ type: array }, { type: string }]
`;

describe("a schema without type is checked as its type reads it", async () => {
  const { model } = await generate([{ file: "typeless.yaml", text: SPEC }], {
    artifacts: ["validators"],
  });
  const { schemas, endpoints } = await loadValidators(model, "typeless");

  it("refuses what is not of its type, where JSON Schema lets it pass", () => {
    for (const value of [42, "EUR", null, true, []])
      expect(schemas.Snapshot!.is(value), JSON.stringify(value)).toBe(false);
    expect(schemas.Snapshot!.check(42)).toMatchObject([{ keyword: "type" }]);
    expect(schemas.Snapshot!.is({ url: "https://example.com" })).toBe(true);
    expect(schemas.CurrencyDictionary!.is("EUR")).toBe(false);
    expect(schemas.CurrencyDictionary!.is({ EUR: "euro" })).toBe(true);
    expect(schemas.Codes!.is({ 0: "a" })).toBe(false);
    expect(schemas.Codes!.is(["a"])).toBe(true);
    expect(endpoints.takeSnapshot!.body!.is(42)).toBe(false);
  });

  it("leaves null to nullable, and other types to a oneOf beside the keywords", () => {
    expect(schemas.MaybeSnapshot!.is(null)).toBe(true);
    expect(schemas.MaybeSnapshot!.is(42)).toBe(false);
    expect(schemas.CmdLike!.is("echo hello")).toBe(true);
    expect(schemas.CmdLike!.is(["echo", "hello"])).toBe(true);
    expect(schemas.CmdLike!.is(42)).toBe(false);
  });
});
