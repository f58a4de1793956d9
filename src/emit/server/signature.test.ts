import { describe, expect, it } from "vitest";
import { chatModel } from "../../../test/fixtures/server/chat-model.js";
import type { ApiModel } from "../../model/types.js";
import { signatures } from "./signature.js";

const signatureOf = (model: ApiModel, name: string) =>
  signatures(model)(model.endpoints.find((e) => e.name === name)!);

describe("signatures", () => {
  it("is a 10-digit hex hash, equal for equal contracts", () => {
    const hash = signatureOf(chatModel(), "getMessage");
    expect(hash).toMatch(/^[0-9a-f]{10}$/);
    expect(signatureOf(chatModel(), "getMessage")).toBe(hash);
  });

  it.each<[string, (m: ApiModel) => void]>([
    ["a summary", (m) => (m.endpoints[5]!.summary = "new words")],
    [
      "a schema description",
      (m) => (m.schemas.Message!.schema.description = "new words"),
    ],
    [
      "a property description",
      (m) =>
        (m.schemas.Message!.schema.properties!.text!.description = "other"),
    ],
    [
      "a response description",
      (m) => (m.endpoints[5]!.responses[0]!.description = "x"),
    ],
    ["the sources", (m) => (m.endpoints[5]!.sources = [])],
  ])("ignores %s", (_name, change) => {
    const model = chatModel();
    const before = signatureOf(model, "getMessage");
    change(model);
    expect(signatureOf(model, "getMessage")).toBe(before);
  });

  it.each<[string, (m: ApiModel) => void]>([
    [
      "a parameter type",
      (m) => (m.endpoints[5]!.parameters.path[0]!.schema = { type: "string" }),
    ],
    [
      "a parameter becoming optional",
      (m) => (m.endpoints[5]!.parameters.path[0]!.required = false),
    ],
    [
      "a new response",
      (m) =>
        m.endpoints[5]!.responses.push({
          status: "410",
          description: "",
          content: [],
          sources: [],
        }),
    ],
    [
      "a referenced schema",
      (m) => (m.schemas.Message!.schema.properties!.text = { type: "integer" }),
    ],
    [
      "a property named like a documentation keyword",
      (m) =>
        (m.schemas.Message!.schema.properties!.description = {
          type: "string",
        }),
    ],
  ])("changes with %s", (_name, change) => {
    const model = chatModel();
    expect(model.endpoints[5]!.name).toBe("getMessage");
    const before = signatureOf(model, "getMessage");
    change(model);
    expect(signatureOf(model, "getMessage")).not.toBe(before);
  });

  it("follows a reference to a schema whose name holds a slash (ids/Id, written ids~1Id)", () => {
    const model = chatModel();
    model.schemas["ids/Id"] = {
      name: "ids/Id",
      schema: { type: "integer" },
      sources: [],
    };
    model.endpoints[5]!.parameters.path[0]!.schema = {
      $ref: "#/components/schemas/ids~1Id",
    };
    const before = signatureOf(model, "getMessage");
    model.schemas["ids/Id"]!.schema = { type: "string" };
    expect(signatureOf(model, "getMessage")).not.toBe(before);
  });

  it("keeps data as it is: an enum value's `description` member is part of the contract", () => {
    const model = chatModel();
    const text = model.schemas.Message!.schema.properties!.text!;
    text.enum = [{ description: "a" }];
    const before = signatureOf(model, "getMessage");
    text.enum = [{ description: "b" }];
    expect(signatureOf(model, "getMessage")).not.toBe(before);
  });

  it("does not change for an endpoint that does not use a changed schema", () => {
    const model = chatModel();
    const before = signatureOf(model, "listBotMessages");
    model.schemas.Message!.schema.properties!.text = { type: "integer" };
    expect(signatureOf(model, "listBotMessages")).toBe(before);
  });
});
