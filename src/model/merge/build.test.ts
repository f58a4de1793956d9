import { describe, expect, it } from "vitest";
import { buildModelTakingDocuments, buildModel } from "./build.js";
import {
  at,
  doc,
  endpoint,
  param,
} from "../../../test/support/model-builders.js";
import type { DocumentModel, Schema } from "../types.js";

function inputs(): DocumentModel[] {
  return [
    doc("b.postman.json", "postman2.0", [
      endpoint(
        "get",
        "/site/{cloudId}/conversation",
        at("b.postman.json", 40),
        {
          nameCandidates: [
            {
              value: "ConversationGetAllHandler",
              kind: "requestName",
              source: at("b.postman.json", 40),
            },
          ],
          pathParams: [param("cloudId", "path", at("b.postman.json", 41))],
          query: [
            param("cursor", "query", at("b.postman.json", 42)),
            param("exclude-direct", "query", at("b.postman.json", 43)),
          ],
          description:
            "Authentication required, with scope participate:conversation",
        },
      ),
    ]),
    doc("a.swagger.yaml", "swagger2", [
      endpoint("get", "/site/{siteId}/conversation", at("a.swagger.yaml", 10), {
        nameCandidates: [
          {
            value: "SiteConversationByCloudIdGet",
            kind: "operationId",
            source: at("a.swagger.yaml", 10),
          },
        ],
        pathParams: [
          param("siteId", "path", at("a.swagger.yaml", 12), {
            description: "The site",
          }),
        ],
        query: [
          param("cursor", "query", at("a.swagger.yaml", 14), {
            schema: { type: "string" },
          }),
          param("limit", "query", at("a.swagger.yaml", 16), {
            schema: { type: "integer" },
          }),
        ],
        description:
          "Authentication required, with scope participate:conversation",
      }),
    ]),
    doc("c.swagger.yaml", "swagger2", [
      endpoint(
        "get",
        "/site/{cloudId}/conversation",
        at("c.swagger.yaml", 20),
        {
          nameCandidates: [
            {
              value: "ConversationGetAllHandler",
              kind: "operationId",
              source: at("c.swagger.yaml", 20),
            },
          ],
          query: [
            param("limit", "query", at("c.swagger.yaml", 22), {
              schema: { type: "string" },
            }),
          ],
        },
      ),
    ]),
  ];
}

describe("buildModel", () => {
  it("merges one endpoint from every source, unioning parameters and keeping every source", () => {
    const model = buildModel(inputs(), []);
    expect(model.endpoints).toHaveLength(1);
    const [e] = model.endpoints;
    expect(e!.parameters.query.map((p) => p.name).sort()).toEqual([
      "cursor",
      "exclude-direct",
      "limit",
    ]);
    expect(e!.sources.map((s) => `${s.file}:${s.line}`)).toEqual([
      "a.swagger.yaml:10",
      "b.postman.json:40",
      "c.swagger.yaml:20",
    ]);
    // the Swagger source outranks Postman, so its path variable name is used
    expect(e!.path).toBe("/site/{siteId}/conversation");
    expect(e!.parameters.path.map((p) => p.name)).toEqual(["siteId"]);
  });

  it("names the endpoint from the operationId most sources agree on", () => {
    const e = buildModel(inputs(), []).endpoints[0]!;
    expect(e.name).toBe("conversationGetAllHandler");
    expect(e.operationId).toBe("ConversationGetAllHandler");
  });

  it("reports the disagreements it settled, naming both places", () => {
    const model = buildModel(inputs(), []);
    const codes = model.diagnostics.map((d) => d.code);
    expect(codes).toContain("merge/operation-id-conflict");
    expect(codes).toContain("merge/path-variable-names");
    const typeConflict = model.diagnostics.find(
      (d) => d.code === "merge/parameter-type-conflict",
    )!;
    expect(typeConflict.message).toContain("'limit'");
    expect(`${typeConflict.file}:${typeConflict.line}`).toBe(
      "a.swagger.yaml:16",
    );
    expect(typeConflict.related?.map((r) => `${r.file}:${r.line}`)).toEqual([
      "c.swagger.yaml:22",
    ]);
  });

  it("reads the OAuth scope the prose names into a security requirement", () => {
    const model = buildModel(inputs(), []);
    expect(model.endpoints[0]!.security).toEqual([
      { oauth2: ["participate:conversation"] },
    ]);
    expect(model.securitySchemes.oauth2).toMatchObject({
      type: "oauth2",
      inferred: true,
    });
  });

  it("gives byte-identical results whatever the order of the inputs", () => {
    const forward = JSON.stringify(buildModel(inputs(), []));
    const backward = JSON.stringify(buildModel(inputs().reverse(), []));
    const shuffled = JSON.stringify(
      buildModel([inputs()[1]!, inputs()[2]!, inputs()[0]!], []),
    );
    expect(backward).toBe(forward);
    expect(shuffled).toBe(forward);
  });

  it("keeps the richer description and reports untyped parameters once per endpoint", () => {
    const docs = inputs();
    docs[2]!.endpoints[0]!.description =
      "A longer description of listing conversations, with scope participate:conversation";
    const model = buildModel(docs, []);
    expect(model.endpoints[0]!.description).toContain("A longer description");
    const untyped = model.diagnostics.filter(
      (d) => d.code === "model/untyped-parameter",
    );
    expect(untyped).toHaveLength(1);
    expect(untyped[0]!.message).toContain("'exclude-direct'");
  });

  it("declares a path parameter no source declares, as a required string, with a warning", () => {
    const source = at("c.swagger.yaml", 5);
    const model = buildModel(
      [
        doc("c.swagger.yaml", "swagger2", [
          endpoint("get", "/a/{kind}/{id}", source, {
            pathParams: [
              param("id", "path", at("c.swagger.yaml", 6), {
                schema: { type: "integer" },
              }),
            ],
          }),
        ]),
      ],
      [],
    );
    expect(model.endpoints[0]!.parameters.path).toEqual([
      {
        name: "kind",
        in: "path",
        required: true,
        schema: { type: "string" },
        serialization: { style: "simple", explode: false },
        sources: [source],
      },
      expect.objectContaining({ name: "id", schema: { type: "integer" } }),
    ]);
    expect(
      model.diagnostics.filter(
        (d) => d.code === "model/undeclared-path-parameter",
      ),
    ).toEqual([
      expect.objectContaining({
        severity: "warning",
        file: "c.swagger.yaml",
        line: 5,
        message:
          "GET /a/{kind}/{id}: no source declares the path parameter 'kind'; the generated code takes it as a required string",
      }),
    ]);
  });

  it("resolves every parameter's style and explode: the declared ones, else the location's defaults", () => {
    const source = at("s.yaml", 3);
    const model = buildModel(
      [
        doc("s.yaml", "openapi3.1", [
          endpoint("get", "/s/{id}", source, {
            pathParams: [param("id", "path", source, { style: "label" })],
            query: [
              param("q", "query", source),
              param("d", "query", source, { style: "deepObject" }),
              param("n", "query", source, { explode: false }),
            ],
          }),
        ]),
      ],
      [],
    );
    const { path, query } = model.endpoints[0]!.parameters;
    expect(
      [...path, ...query].map((p) => [p.name, p.style, p.serialization]),
    ).toEqual([
      ["id", "label", { style: "label", explode: false }],
      ["q", undefined, { style: "form", explode: true }],
      ["d", "deepObject", { style: "deepObject", explode: true }],
      ["n", undefined, { style: "form", explode: false }],
    ]);
  });

  it("lets the user prefer a file over the format ranking, still independent of input order", () => {
    const preferred = buildModel(inputs(), [], { prefer: ["c.swagger.yaml"] });
    const limit = preferred.endpoints[0]!.parameters.query.find(
      (p) => p.name === "limit",
    )!;
    expect(limit.schema).toEqual({ type: "string" });
    const postmanFirst = buildModel(inputs(), [], {
      prefer: ["b.postman.json"],
    });
    expect(postmanFirst.endpoints[0]!.path).toBe(
      "/site/{cloudId}/conversation",
    );
    expect(
      JSON.stringify(
        buildModel(inputs().reverse(), [], { prefer: ["b.postman.json"] }),
      ),
    ).toBe(JSON.stringify(postmanFirst));
    // without a preference the Swagger source's integer wins
    const plain = buildModel(inputs(), []);
    expect(
      plain.endpoints[0]!.parameters.query.find((p) => p.name === "limit")!
        .schema,
    ).toEqual({ type: "integer" });
  });
});

describe("buildModelTakingDocuments", () => {
  it("takes the documents out of the box and builds what buildModel builds", () => {
    const options = { prefer: ["a.swagger.yaml"], tags: { x: "y" } };
    const handed = { documents: inputs() as DocumentModel[] | undefined };
    const model = buildModelTakingDocuments(handed, [], options);
    expect(handed.documents).toBeUndefined();
    expect(JSON.stringify(model)).toBe(
      JSON.stringify(buildModel(inputs(), [], options)),
    );
    expect(model.endpoints.length).toBeGreaterThan(0);
  });
});

describe("merge/parameter-type-conflict (issue 46)", () => {
  const offer = (file: string, schema: Schema) =>
    doc(file, file.endsWith(".json") ? "postman2.1" : "openapi3.1", [
      endpoint("get", "/events/{id}", at(file, 10), {
        pathParams: [param("id", "path", at(file, 11), { schema })],
      }),
    ]);
  const conflicts = (a: Schema, b: Schema) =>
    buildModel([offer("a.yaml", a), offer("b.json", b)], []).diagnostics.filter(
      (d) => d.code === "merge/parameter-type-conflict",
    );

  it("is not reported for two schemas that differ only in annotations", () => {
    expect(
      conflicts(
        {
          type: "string",
          format: "uuid",
          examples: ["3f0c…"],
          description: "the event",
          "x-order": 1,
        },
        { type: "string", format: "uuid", example: "e1c0…", title: "Id" },
      ),
    ).toEqual([]);
  });

  it("is not reported against a Postman parameter that says no more than the declared one", () => {
    // a Postman value is URL text unless a stand-in (`<integer>`) types it
    expect(conflicts({ type: "integer" }, { type: "string" })).toEqual([]);
    // a stand-in's type the declared schema shares, without its format or limits, agrees
    expect(
      conflicts(
        { type: "integer", format: "int32", minimum: 1 },
        { type: "integer" },
      ),
    ).toEqual([]);
    expect(
      conflicts({ type: "integer" }, { type: "string", format: "uuid" }),
    ).toHaveLength(1);
  });

  it("compares a $ref by the schema it names", () => {
    const numbered = offer("a.yaml", { $ref: "#/components/schemas/Num" });
    numbered.schemas = {
      Num: {
        name: "Num",
        sources: [at("a.yaml", 30)],
        schema: { type: "integer", minimum: 1, readOnly: true },
      },
    };
    const codes = (stand: Schema) =>
      buildModel([numbered, offer("b.json", stand)], []).diagnostics.map(
        (d) => d.code,
      );
    expect(codes({ type: "integer" })).not.toContain(
      "merge/parameter-type-conflict",
    );
    expect(codes({ type: "boolean" })).toContain(
      "merge/parameter-type-conflict",
    );
  });

  it("says what tells two schemas of one type apart", () => {
    const [conflict] = conflicts(
      { type: "string", enum: ["all", "public"], default: "all" },
      { type: "string", enum: ["all", "internal"] },
    );
    expect(conflict!.message).toContain(
      'string with enum ["all","public"] here, string with enum ["all","internal"] at b.json:11',
    );
  });

  it("is reported when what they allow differs, also below the top", () => {
    expect(
      conflicts({ type: "string", format: "uuid" }, { type: "integer" }),
    ).toHaveLength(1);
    expect(
      conflicts(
        { type: "object", properties: { description: { type: "string" } } },
        { type: "object", properties: { description: { type: "integer" } } },
      ),
    ).toHaveLength(1);
  });
});

describe("one named schema in two sources", () => {
  const pet = (file: string, words: string, kinds: string[]) =>
    doc(file, "openapi3.1", [], {
      schemas: {
        Pet: {
          name: "Pet",
          sources: [at(file, 5)],
          schema: {
            type: "object",
            description: words,
            properties: {
              kind: { type: "string", enum: kinds, examples: [words] },
            },
          },
        },
      },
    });

  it("is one schema when they differ only in the words that document it", () => {
    const model = buildModel(
      [
        pet("a.yaml", "A pet.", ["cat"]),
        pet("b.yaml", "Any pet, see b.", ["cat"]),
      ],
      [],
    );
    expect(Object.keys(model.schemas)).toEqual(["Pet"]);
    expect(model.schemas.Pet!.sources.map((s) => s.file)).toEqual([
      "a.yaml",
      "b.yaml",
    ]);
    expect(model.diagnostics.map((d) => d.code)).not.toContain(
      "merge/schema-conflict",
    );
  });

  it("is two, with a warning, when what they allow differs", () => {
    const model = buildModel(
      [
        pet("a.yaml", "A pet.", ["cat"]),
        pet("b.yaml", "A pet.", ["cat", "dog"]),
      ],
      [],
    );
    expect(Object.keys(model.schemas).sort()).toEqual(["Pet", "Pet2"]);
    expect(model.diagnostics.map((d) => d.code)).toContain(
      "merge/schema-conflict",
    );
  });

  // found by a held-out hunt against newman: a collection's two requests on one route, one with a
  // bearer token and one with an API key, became one endpoint taking one of them, silently
  it("reports endpoints whose sources ask for different security, naming both places", () => {
    const on = (file: string, security: Record<string, string[]>[]) =>
      doc(file, "postman2.1", [
        endpoint("get", "/shared", at(file, 5), { security }),
      ]);
    const model = buildModel(
      [on("b.json", [{ apiKeyAuth: [] }]), on("a.json", [{ bearerAuth: [] }])],
      [],
    );
    const found = model.diagnostics.filter(
      (d) => d.code === "merge/security-conflict",
    );
    expect(found.map((d) => [d.file, d.related?.[0]?.file])).toEqual([
      ["a.json", "b.json"],
    ]);
    expect(found[0]!.message).toBe(
      "GET /shared: its security is apiKeyAuth at b.json:5; using bearerAuth from here",
    );
    expect(model.endpoints[0]!.security).toEqual([{ bearerAuth: [] }]);
    const same = buildModel(
      [on("b.json", [{ bearerAuth: [] }]), on("a.json", [{ bearerAuth: [] }])],
      [],
    );
    expect(same.diagnostics.map((d) => d.code)).not.toContain(
      "merge/security-conflict",
    );
  });
});
