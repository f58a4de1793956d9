import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { emitOpenApi } from "../../src/emit/openapi/index.js";

// openapi-typescript and a JSON comparison of 582 APIs.guru documents with their openapi.json
// found every response's `links` gone (77 Link Objects in 10 of its 2,637 documents): the reader
// never read them. Excerpts of Gambit's MIMIC (an operationId apiloom renames) and Linode (links
// in components.links). MIMIC's operationRefs are no URI references (raw `{`): openapi.json
// writes them percent-encoded, and its constant `instance: 0` as "0" (3.1's schema takes
// strings), so it stays valid.
const mimic = {
  openapi: "3.0.0",
  info: { title: "MIMIC REST API", version: "1" },
  paths: {
    "/mimic/get/active_data_list": {
      get: {
        operationId: "get_active_data_list",
        responses: {
          200: {
            description: "successful operation",
            content: {
              "application/json": {
                schema: { type: "array", items: { type: "integer" } },
              },
            },
            links: {
              address: {
                operationId: "get_host",
                parameters: { agentNum: "$response.body#/id/" },
              },
            },
          },
        },
      },
    },
    "/mimic/agent/{agentNum}/get/host": {
      get: {
        operationId: "get_host",
        parameters: [
          {
            name: "agentNum",
            in: "path",
            required: true,
            schema: { type: "integer" },
          },
        ],
        responses: {
          200: {
            description: "successful operation",
            content: { "application/json": { schema: { type: "string" } } },
            links: {
              address: {
                operationRef:
                  "#/mimic/agent/{agentNum}/value/get/{object}/{instance}/{variable}",
                parameters: {
                  agentNum: "$request.body#/agentNum",
                  instance: 0,
                },
              },
            },
          },
        },
      },
    },
  },
};

const linode = {
  openapi: "3.0.0",
  info: { title: "Linode API", version: "4" },
  paths: {
    "/volumes/{volumeId}": {
      get: {
        operationId: "getVolume",
        parameters: [
          { name: "volumeId", in: "path", required: true, schema: {} },
        ],
        responses: {
          200: {
            description: "Volume found.",
            links: { attach: { $ref: "#/components/links/attachVolume" } },
          },
        },
      },
    },
    "/volumes/{volumeId}/attach": {
      post: {
        operationId: "attachVolume",
        parameters: [
          { name: "volumeId", in: "path", required: true, schema: {} },
        ],
        responses: { 200: { description: "Volume was attached." } },
      },
    },
  },
  components: {
    links: {
      attachVolume: {
        operationId: "attachVolume",
        parameters: { volumeID: "$request.body#/id" },
      },
    },
  },
};

async function document(spec: object) {
  const text = JSON.stringify(spec);
  const { model } = await generate([{ file: "t.json", text }], {
    artifacts: [],
  });
  const [file] = await emitOpenApi(model);
  const doc = JSON.parse(file!.contents);
  expect((await new Validator().validate(doc)).errors).toBeUndefined();
  return doc;
}

describe("openapi.json's response links", () => {
  it("keeps a link, naming its operation by the operationId openapi.json gives it", async () => {
    const doc = await document(mimic);
    const target = doc.paths["/mimic/agent/{agentNum}/get/host"].get;
    expect(target.operationId).toBe("getHost");
    expect(
      doc.paths["/mimic/get/active_data_list"].get.responses["200"].links,
    ).toEqual({
      address: {
        operationId: "getHost",
        parameters: { agentNum: "$response.body#/id/" },
      },
    });
    expect(target.responses["200"].links.address).toEqual({
      operationRef:
        "#/mimic/agent/%7BagentNum%7D/value/get/%7Bobject%7D/%7Binstance%7D/%7Bvariable%7D",
      parameters: { agentNum: "$request.body#/agentNum", instance: "0" },
    });
  });

  it("keeps a link written in components.links, as the component says", async () => {
    const doc = await document(linode);
    expect(doc.paths["/volumes/{volumeId}"].get.responses["200"].links).toEqual(
      {
        attach: {
          operationId: "attachVolume",
          parameters: { volumeID: "$request.body#/id" },
        },
      },
    );
  });
});
