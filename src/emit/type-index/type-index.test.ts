import { describe, expect, it } from "vitest";
import { loadModel } from "../../pipeline.js";
import { createTypeIndex } from "./type-index.js";

const SPEC = JSON.stringify({
  openapi: "3.1.0",
  info: { title: "Pets", version: "1" },
  paths: {
    "/pets/{id}": {
      get: {
        operationId: "getPet",
        parameters: [
          {
            name: "id",
            in: "path",
            required: true,
            schema: { type: "string" },
          },
        ],
        responses: { 200: { description: "OK" }, 404: { description: "No" } },
      },
    },
  },
});

describe("createTypeIndex", () => {
  it("names an endpoint's types once for every emitter that asks", () => {
    const model = loadModel([{ file: "p.json", text: SPEC }]);
    const index = createTypeIndex(model);
    const endpoint = model.endpoints[0]!;
    const first = index.endpoint(endpoint);
    expect(index.endpoint(endpoint)).toBe(first);
    expect(first).toMatchObject({
      base: "GetPet",
      path: "GetPetPath",
      successStatuses: ["200"],
      errorStatuses: ["404"],
      required: { path: true, body: false },
      argsOptional: false,
    });
  });
});
