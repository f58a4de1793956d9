import { Validator } from "@seriousme/openapi-schema-validator";
import * as prettier from "prettier";
import { describe, expect, it } from "vitest";
import { hostileModel } from "../../../test/docs/hostile-model.js";
import type { ApiModel } from "../../model/types.js";
import { emitOpenApi, openApiDocument } from "./index.js";
import { printJsonTo } from "./print-json.js";
import { PLACEHOLDER_URLS } from "./security.js";

/** printJsonTo's text, whole. */
function printJson(value: unknown): string {
  const parts: string[] = [];
  printJsonTo(value, { write: (part) => parts.push(part) });
  return parts.join("");
}

async function emit(model: ApiModel): Promise<{ text: string; doc: any }> {
  const files = await emitOpenApi(model);
  expect(files.map((f) => f.path)).toEqual(["openapi.json"]);
  const text = files[0]!.contents;
  return { text, doc: JSON.parse(text) };
}

describe("emitOpenApi", () => {
  it("prints the same text with its paths made one at a time as with the whole document", async () => {
    const { text, doc } = await emit(hostileModel());
    expect(printJson(openApiDocument(hostileModel()))).toBe(text);
    expect(printJson(doc)).toBe(text);
  });

  it("writes a document the official OpenAPI 3.1 schema accepts", async () => {
    const { doc } = await emit(hostileModel());
    const result = await new Validator().validate(doc);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it("prints JSON as prettier would, the same whatever the input order", async () => {
    const model = hostileModel();
    const { text } = await emit(model);
    expect(text).toBe(await prettier.format(text, { parser: "json" }));
    const reversed = { ...model, endpoints: [...model.endpoints].reverse() };
    const schemas = Object.fromEntries(Object.entries(model.schemas).reverse());
    expect((await emit({ ...reversed, schemas })).text).toBe(text);
  });

  it("names each operation after the endpoint and keeps one operation per endpoint", async () => {
    const { doc } = await emit(hostileModel());
    const ops = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item as object).map(
        ([method, op]) => `${method} ${path} ${op.operationId}`,
      ),
    );
    expect(ops.sort()).toEqual(
      [
        "delete / deleteRoot",
        "get /pets listPets",
        "post /pets createPet",
        "get /pets/{petId}/owners/{ownerId} getPetOwner",
      ].sort(),
    );
  });

  it("collects the scopes endpoints use into the OAuth flows and marks an inferred scheme", async () => {
    const { doc } = await emit(hostileModel());
    const scheme = doc.components.securitySchemes.oauth2;
    expect(scheme["x-apiloom-inferred"]).toBe(true);
    expect(scheme.flows.clientCredentials.scopes).toEqual({
      "pets:read": "Read pets",
      "pets:write": "",
    });
    expect(scheme.flows.clientCredentials.tokenUrl).toBe(
      PLACEHOLDER_URLS.tokenUrl,
    );
    expect(scheme.description).toContain("specs/a.swagger.yaml:10");
    expect(scheme.description).toContain("token URL");
    expect(scheme.description).toContain("placeholder");
    expect(doc.components.securitySchemes.apiKey).toEqual({
      type: "apiKey",
      name: "X-Api-Key",
      in: "header",
    });
  });

  it("says an inferred scheme was inferred when its own description does not", async () => {
    const model = hostileModel();
    model.securitySchemes.oauth2!.description = undefined;
    const { doc } = await emit(model);
    expect(doc.components.securitySchemes.oauth2.description).toMatch(
      /^apiloom inferred this scheme: no input declares it\. Evidence: specs\/a\.swagger\.yaml:10, specs\/b\.postman\.json:30\.\n\nThe inputs do not state the client credentials flow's token URL/,
    );
  });

  it("gives an OAuth scheme without flows one that carries the scopes used", async () => {
    const model = hostileModel();
    model.securitySchemes.oauth2 = {
      name: "oauth2",
      type: "oauth2",
      flows: {},
      sources: [],
    };
    const { doc } = await emit(model);
    expect(doc.components.securitySchemes.oauth2.flows).toEqual({
      clientCredentials: {
        tokenUrl: PLACEHOLDER_URLS.tokenUrl,
        scopes: { "pets:read": "", "pets:write": "" },
      },
    });
    expect(
      doc.components.securitySchemes.oauth2["x-apiloom-inferred"],
    ).toBeUndefined();
  });

  it("adds a scope in use to no flow that another flow declares (eBay's app and user scopes)", async () => {
    const model = hostileModel();
    model.securitySchemes.oauth2 = {
      name: "oauth2",
      type: "oauth2",
      flows: {
        clientCredentials: { tokenUrl: "https://t", scopes: { app: "App" } },
        authorizationCode: {
          authorizationUrl: "https://a",
          tokenUrl: "https://t",
          scopes: { "pets:read": "Read pets" },
        },
      },
      sources: [],
    };
    model.endpoints[0]!.security = [{ oauth2: ["app"] }];
    const { doc } = await emit(model);
    // pets:write (used, declared nowhere) still goes into every flow
    expect(doc.components.securitySchemes.oauth2.flows).toEqual({
      clientCredentials: {
        tokenUrl: "https://t",
        scopes: { app: "App", "pets:write": "" },
      },
      authorizationCode: {
        authorizationUrl: "https://a",
        tokenUrl: "https://t",
        scopes: { "pets:read": "Read pets", "pets:write": "" },
      },
    });
  });

  it("keeps a multipart part's required header as a response's is kept", async () => {
    const model = hostileModel();
    const header = { description: "Part", required: true, schema: {} };
    const createPet = model.endpoints.find((e) => e.name === "createPet")!;
    createPet.requestBody!.content = [
      {
        mediaType: "multipart/form-data",
        encoding: { meta: { headers: { "X-Part": header } } },
      },
    ];
    const { doc } = await emit(model);
    const content = doc.paths["/pets"].post.requestBody.content;
    expect(content["multipart/form-data"].encoding.meta.headers).toEqual({
      "X-Part": header,
    });
  });

  it("says where a merged endpoint came from, sorted, and only when there are several sources", async () => {
    const { doc } = await emit(hostileModel());
    expect(doc.paths["/pets"].get["x-apiloom-sources"]).toEqual([
      { file: "specs/a.swagger.yaml", line: 10 },
      { file: "specs/b.postman.json", line: 30 },
    ]);
    expect(doc.paths["/pets"].post["x-apiloom-sources"]).toBeUndefined();
    expect(doc.paths["/pets"].get["x-internal"]).toBe(false);
    expect(doc.paths["/pets"].get.notAnExtension).toBeUndefined();
  });

  it("renames component schemas OpenAPI forbids and rewrites every reference to them", async () => {
    const { doc, text } = await emit(hostileModel());
    expect(Object.keys(doc.components.schemas)).toEqual(["Pet", "Pet_Owner"]);
    expect(doc.components.schemas.Pet.properties.owner.$ref).toBe(
      "#/components/schemas/Pet_Owner",
    );
    const okResponse = doc.paths["/pets"].get.responses["200"];
    expect(okResponse.content["application/json"].schema.items.$ref).toBe(
      "#/components/schemas/Pet_Owner",
    );
    expect(text).not.toContain("schemas/Pet Owner");
  });

  it("leaves example data that merely looks like a reference as written", async () => {
    const model = hostileModel();
    const data = [{ $ref: "#/components/schemas/Pet Owner" }];
    model.schemas.Pet!.schema.examples = data;
    const { doc } = await emit(model);
    expect(doc.components.schemas.Pet.examples).toEqual(data);
  });

  it("fills what OpenAPI requires: response descriptions, path parameters, valid styles", async () => {
    const { doc } = await emit(hostileModel());
    const list = doc.paths["/pets"].get;
    expect(Object.keys(list.responses)).toEqual(["200", "4XX"]);
    expect(list.responses["200"].description).toBe("OK");
    expect(list.responses["200"].headers["X-Rate-Limit"]).toEqual({
      description: "Calls left",
      schema: {},
    });
    expect(
      Object.keys(list.responses["200"].content["application/json"].examples),
    ).toEqual(["example1", "example2"]);
    const q = list.parameters.find((p: { name: string }) => p.name === "q'x");
    expect(q.style).toBeUndefined();
    expect(q.required).toBe(true);
    const owner = doc.paths["/pets/{petId}/owners/{ownerId}"].get;
    expect(
      owner.parameters.map(
        (p: { name: string; in: string }) => `${p.in}:${p.name}`,
      ),
    ).toEqual(["path:petId", "path:ownerId", "cookie:session"]);
    expect(owner.deprecated).toBe(true);
    expect(owner.security).toEqual([]);
  });

  it("declares undeclared tags after the declared ones", async () => {
    const { doc } = await emit(hostileModel());
    expect(doc.tags.map((t: { name: string }) => t.name)).toEqual([
      "Pets",
      "pets!",
      "Owners & <Friends>",
    ]);
  });
});
