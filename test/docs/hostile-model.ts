import {
  createEndpoint,
  createParameter,
  emptyParameters,
} from "../../src/model/factories.js";
import type { ApiModel, SourceRef } from "../../src/model/types.js";

/** A hand-built merged model whose spec text tries every way to escape where it lands. */

export const SCRIPT_TEXT = "<script>window.__pwned = 1</script>";
export const IMG_TEXT = '<img src=x onerror="window.__pwned = 2">';
export const SHELL_TEXT = 'it\'s $(touch /tmp/pwned) `id` "quoted"';

function at(file: string, line: number): SourceRef {
  return { file, line, column: 1, pointer: "" };
}

export function hostileModel(): ApiModel {
  const a = "specs/a.swagger.yaml";
  const b = "specs/b.postman.json";
  const listPets = createEndpoint({
    method: "get",
    path: "/pets",
    source: at(a, 10),
    name: "listPets",
    operationId: "listPets",
    tags: ["Pets"],
    summary: "List | pets\nwith a pipe",
    description: `Lists pets. ${SCRIPT_TEXT} ${IMG_TEXT}\n\n| not | a table |\n\`\`\`\nnot a fence\n\`\`\``,
    security: [{ oauth2: ["pets:read"] }],
    parameters: {
      ...emptyParameters(),
      query: [
        createParameter({
          name: "limit",
          in: "query",
          source: at(a, 12),
          schema: { type: "integer", maximum: 100 },
          description: "How many | at most\nper page",
          style: "form",
        }),
        createParameter({
          name: "q'x",
          in: "query",
          source: at(b, 40),
          required: true,
          schema: { type: "string" },
          description: SHELL_TEXT,
          style: "simple", // not a style a query parameter may have
        }),
      ],
      header: [
        createParameter({
          name: "X-Evil",
          in: "header",
          source: at(b, 42),
          required: true,
          example: SHELL_TEXT,
        }),
        createParameter({
          name: "X-Trace",
          in: "header",
          source: at(b, 41),
          description: "Trace id",
        }),
      ],
    },
    responses: [
      {
        status: "200",
        description: "",
        content: [
          {
            mediaType: "application/json",
            schema: {
              type: "array",
              items: { $ref: "#/components/schemas/Pet Owner" },
            },
            examples: [{ value: [{ name: "Rex" }] }, { value: [] }],
          },
        ],
        headers: { "X-Rate-Limit": { description: "Calls left" } },
        sources: [at(a, 20)],
      },
      {
        status: "4xx",
        description: "Client error",
        content: [],
        sources: [at(a, 25)],
      },
      {
        status: "200 OK",
        description: "not a status",
        content: [],
        sources: [at(b, 50)],
      },
    ],
    extensions: { "x-internal": false, notAnExtension: 1 },
    sources: [at(a, 10), at(b, 30)],
  });
  const createPet = createEndpoint({
    method: "post",
    path: "/pets",
    source: at(a, 30),
    name: "createPet",
    tags: ["Pets"],
    summary: "Create a pet",
    security: [{ oauth2: ["pets:write", "pets:read"] }],
    requestBody: {
      required: true,
      description: "The pet `with` ``` backticks",
      content: [
        {
          mediaType: "application/json",
          schema: { $ref: "#/components/schemas/Pet" },
          examples: [
            { name: "rex", summary: "A dog", value: { name: "Rex';--" } },
          ],
        },
      ],
      sources: [at(a, 32)],
    },
    responses: [
      {
        status: "201",
        description: "Created",
        content: [],
        sources: [at(a, 35)],
      },
    ],
  });
  const getPet = createEndpoint({
    method: "get",
    path: "/pets/{petId}/owners/{ownerId}",
    source: at(b, 60),
    name: "getPetOwner",
    tags: ["pets!", "Owners & <Friends>"],
    summary: IMG_TEXT,
    deprecated: true,
    security: [],
    parameters: {
      ...emptyParameters(),
      path: [
        createParameter({
          name: "petId",
          in: "path",
          source: at(b, 61),
          schema: { type: "string" },
        }),
        // no input declared ownerId: buildModel fills it in as a required string (the model's
        // invariant, which emitters rely on)
        createParameter({
          name: "ownerId",
          in: "path",
          source: at(b, 60),
          schema: { type: "string" },
        }),
      ],
      cookie: [
        createParameter({ name: "session", in: "cookie", source: at(b, 62) }),
      ],
    },
    responses: [
      {
        status: "default",
        description: "Anything",
        content: [],
        sources: [at(b, 63)],
      },
    ],
  });
  const untagged = createEndpoint({
    method: "delete",
    path: "/",
    source: at(b, 70),
    name: "deleteRoot",
  });
  return {
    info: {
      title: `Hostile ${SCRIPT_TEXT}`,
      version: "1.0.0",
      description: `An API ${IMG_TEXT}`,
    },
    servers: [
      {
        url: "https://{region}.example.com/v1",
        description: "Production",
        variables: { region: { default: "eu", enum: ["eu", "us"] } },
        sources: [at(a, 2)],
      },
    ],
    securitySchemes: {
      oauth2: {
        name: "oauth2",
        type: "oauth2",
        flows: { clientCredentials: { scopes: { "pets:read": "Read pets" } } },
        description: "Inferred from prose.",
        inferred: true,
        sources: [at(a, 10), at(b, 30)],
      },
      apiKey: {
        name: "apiKey",
        parameterName: "X-Api-Key",
        type: "apiKey",
        in: "header",
        sources: [at(a, 5)],
      },
    },
    schemas: {
      Pet: {
        name: "Pet",
        schema: {
          type: "object",
          required: ["name"],
          properties: {
            name: { type: "string", description: SCRIPT_TEXT },
            owner: { $ref: "#/components/schemas/Pet Owner" },
          },
        },
        sources: [at(a, 80)],
      },
      "Pet Owner": {
        name: "Pet Owner",
        schema: {
          type: "object",
          properties: {
            pets: {
              type: "array",
              items: { $ref: "#/components/schemas/Pet" },
            },
          },
        },
        sources: [at(a, 90)],
      },
    },
    tags: [
      { name: "Pets", description: `All about pets ${SCRIPT_TEXT}` },
      { name: "pets!" },
    ],
    endpoints: [untagged, listPets, createPet, getPet],
    diagnostics: [
      {
        severity: "warning",
        code: "merge/operation-id-conflict",
        message: `The inputs disagree on the summary: "List | pets" vs ${SCRIPT_TEXT}`,
        file: a,
        line: 10,
        column: 3,
        related: [at(b, 30)],
      },
      {
        severity: "info",
        code: "security/scopes-from-prose",
        message: "1 operation states its auth only in prose",
        file: b,
        line: 30,
        column: 1,
      },
    ],
  };
}
