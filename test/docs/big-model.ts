import {
  createEndpoint,
  createParameter,
  emptyParameters,
} from "../../src/model/factories.js";
import type {
  ApiModel,
  NamedSchema,
  Schema,
  SourceRef,
} from "../../src/model/types.js";
import { HTTP_METHODS } from "../../src/model/types.js";

/**
 * A synthetic merged model the size of a big real API (GitHub's has ~1,200 operations): every
 * endpoint has path, query and header parameters, a body that references wide, nested schemas,
 * and several responses.
 */
export function bigModel(endpointCount: number, schemaCount = 600): ApiModel {
  const at = (line: number): SourceRef => ({
    file: "specs/big.json",
    line,
    column: 1,
    pointer: "",
  });
  const schemas: Record<string, NamedSchema> = {};
  for (let i = 0; i < schemaCount; i++) {
    const properties: Record<string, Schema> = {};
    for (let p = 0; p < 30; p++)
      properties[`field_${p}`] =
        p % 5 === 0
          ? { $ref: `#/components/schemas/Model${(i + p + 1) % schemaCount}` }
          : p % 3 === 0
            ? { type: "array", items: { type: "string", format: "date-time" } }
            : {
                type: ["string", "null"],
                description: `Field ${p} of model ${i}, described at some length.`,
              };
    schemas[`Model${i}`] = {
      name: `Model${i}`,
      // like real APIs: a few required members, most optional
      schema: {
        type: "object",
        required: Object.keys(properties).slice(0, 6),
        properties,
      },
      sources: [at(i)],
    };
  }
  const endpoints = [];
  for (let i = 0; i < endpointCount; i++) {
    const method = HTTP_METHODS[i % 5]!;
    const path = `/repos/{owner}/{repo}/resource${Math.floor(i / 5)}/{id}`;
    const model = `#/components/schemas/Model${i % schemaCount}`;
    endpoints.push(
      createEndpoint({
        method,
        path,
        source: at(1000 + i),
        name: `operation${i}`,
        tags: [`group${i % 40}`],
        summary: `Operation number ${i}`,
        description: `Does thing ${i}.\nWith a second line of prose that explains the details.`,
        security: [{ oauth2: ["repo", `scope:${i % 7}`] }],
        parameters: {
          ...emptyParameters(),
          path: ["owner", "repo", "id"].map((name) =>
            createParameter({
              name,
              in: "path",
              source: at(1),
              schema: { type: "string" },
            }),
          ),
          query: Array.from({ length: 5 }, (_, q) =>
            createParameter({
              name: `q${q}`,
              in: "query",
              source: at(2),
              required: q === 0,
              schema: { type: "integer", default: 30 },
              description: "Results per page.",
            }),
          ),
          header: [
            createParameter({
              name: "X-Request-Id",
              in: "header",
              source: at(3),
              required: true,
            }),
          ],
        },
        requestBody:
          method === "get" || method === "delete"
            ? undefined
            : {
                required: true,
                content: [
                  { mediaType: "application/json", schema: { $ref: model } },
                ],
                sources: [at(4)],
              },
        responses: ["200", "404", "default"].map((status) => ({
          status,
          description: `Response ${status}`,
          content: [{ mediaType: "application/json", schema: { $ref: model } }],
          sources: [at(5)],
        })),
      }),
    );
  }
  endpoints.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    info: { title: "Big", version: "1" },
    servers: [{ url: "https://api.example.com", sources: [] }],
    securitySchemes: {
      oauth2: {
        name: "oauth2",
        type: "oauth2",
        flows: {
          authorizationCode: {
            authorizationUrl: "https://a/",
            tokenUrl: "https://t/",
            scopes: {},
          },
        },
        sources: [],
      },
    },
    schemas,
    tags: [],
    endpoints,
    diagnostics: [],
  };
}
