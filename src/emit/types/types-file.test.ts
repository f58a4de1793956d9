import * as prettier from "prettier";
import { describe, expect, test } from "vitest";
import { kitchenSinkModel } from "../../../test/fixtures/client/kitchen-sink-model.js";
import { typeCheck, writeTree } from "../../../test/client/compile.js";
import { generate } from "../../generate.js";
import type { ApiModel } from "../../model/types.js";
import { createTypeIndex, emitTypesFile } from "./index.js";

describe("types.ts", () => {
  const model = kitchenSinkModel();
  const file = emitTypesFile(model);

  test("is already formatted as prettier prints it", async () => {
    const formatted = await prettier.format(file.contents, {
      parser: "typescript",
    });
    expect(file.contents).toBe(formatted);
  });

  test("compiles under --strict", async () => {
    const dir = writeTree({ "types.ts": file.contents });
    expect(await typeCheck(dir)).toBe("");
  });

  test("names schemas as identifiers without clashing with globals", () => {
    const index = createTypeIndex(model);
    expect(index.schemaTypeName("person.v2")).toBe("PersonV2");
    expect(index.schemaTypeName("Response")).toBe("ResponseModel");
    expect(file.contents).toContain("export type ResponseModel = string;");
  });

  test("schemas that require readOnly/writeOnly members get a request variant", () => {
    const index = createTypeIndex(model);
    expect(index.schemaTypeName("Pet", "write")).toBe("PetWrite");
    expect(index.schemaTypeName("Base", "write")).toBe("Base");
    expect(file.contents).toMatch(
      /export interface PetWrite \{\n {2}id\?: number;/,
    );
    expect(file.contents).toMatch(/export interface Pet \{\n {2}id: number;/);
    expect(file.contents).toContain("export type CreatePetBody = PetWrite;");
  });

  test("endpoint request members are required exactly when the spec requires them", () => {
    expect(file.contents).toContain(
      "export interface GetPetRequest {\n  path: GetPetPath;\n  query: GetPetQuery;\n  headers?: GetPetHeaders;\n}",
    );
    expect(file.contents).toContain("export interface PingRequest {}");
    expect(
      createTypeIndex(model).endpoint(model.endpoints[2]!).argsOptional,
    ).toBe(true);
  });

  test("Data and Error name the statuses they join, or say unknown when one body is untyped", () => {
    expect(file.contents).toContain(
      'export type GetPetData = GetPetResponses["200"];',
    );
    const untyped = kitchenSinkModel();
    untyped.endpoints[0]!.responses.push({
      status: "500",
      description: "Broken",
      content: [],
      sources: [],
    });
    expect(emitTypesFile(untyped).contents).toContain(
      "export type GetPetError = unknown;",
    );
    expect(file.contents).toContain(
      'export type GetPetError = GetPetResponses["404"];',
    );
  });

  test("Accept/Content-Type/Authorization header parameters are not typed (the readers move them)", async () => {
    const spec = JSON.stringify({
      openapi: "3.1.0",
      info: { title: "t", version: "1" },
      paths: {
        "/pets": {
          get: {
            operationId: "getPets",
            parameters: ["Accept", "Content-Type", "Authorization", "X-Id"].map(
              (name) => ({
                in: "header",
                name,
                required: true,
                schema: { type: "string" },
              }),
            ),
            responses: { 200: { description: "OK" } },
          },
        },
      },
    });
    const { model } = await generate([{ file: "h.json", text: spec }], {
      artifacts: [],
    });
    expect(emitTypesFile(model).contents).toContain(
      'export interface GetPetsHeaders {\n  "X-Id": string;\n}',
    );
  });

  test("escapes a description that would close the comment", () => {
    expect(file.contents).toContain("/** A pet. Ends the comment? *\\/ no. */");
  });

  test("does not depend on the order of schemas or their clashing names", () => {
    const reversed: ApiModel = {
      ...model,
      schemas: Object.fromEntries(Object.entries(model.schemas).reverse()),
    };
    expect(emitTypesFile(reversed).contents).toBe(file.contents);
  });

  test("renames a schema that clashes with an endpoint type", () => {
    const clash: ApiModel = {
      ...model,
      schemas: {
        ...model.schemas,
        GetPetRequest: {
          name: "GetPetRequest",
          schema: { type: "string" },
          sources: [],
        },
      },
    };
    const index = createTypeIndex(clash);
    expect(index.schemaTypeName("GetPetRequest")).toBe("GetPetRequestModel");
  });
});
