import { describe, expect, it } from "vitest";
import { withSpec } from "./harness.js";

/*
 * fetch sends no GET or HEAD body (the client's `client/body-not-sent`): a tool that took one
 * failed every call that gave it, with the fixed text "the call failed" and nothing sent.
 * chaingateway.io's `GET /v2/bitcoin/wallets` declares an optional text/plain body; Azure's
 * MariaDB QueryPerformanceInsights `GET …/waitStatistics` a required JSON one (APIs.guru,
 * excerpts). Found by a held-out hunt: 286 GET operations with a body in 28 of 2,637 documents,
 * 19 required.
 */
const SPEC = `openapi: 3.0.3
info: { title: Chaingateway.io, version: "2.0" }
paths:
  /v2/bitcoin/wallets:
    get:
      description: getWallet
      operationId: getwallet
      requestBody:
        content:
          text/plain: { example: "" }
      responses:
        "200":
          description: getWallets
          content:
            application/json:
              schema:
                type: object
                properties: { ok: { type: boolean } }
  /servers/{serverName}/waitStatistics:
    get:
      description: Retrieve wait statistics for specified aggregation window.
      operationId: WaitStatistics_ListByServer
      parameters:
        - { in: path, name: serverName, required: true, schema: { type: string } }
      requestBody:
        content:
          application/json:
            schema: { $ref: "#/components/schemas/WaitStatisticsInput" }
        description: The required parameters for retrieving wait statistics.
        required: true
      responses:
        "200": { description: OK }
components:
  schemas:
    WaitStatisticsInput:
      type: object
      properties:
        properties:
          type: object
          properties: { aggregationWindow: { type: string } }
`;

const run = withSpec("get-body", SPEC);

describe("a GET endpoint that declares a request body", () => {
  it("takes no body where it is optional, and is no tool where it is required", () =>
    run(
      async (server, api) => {
        const { tools } = await server.client.listTools();
        expect(tools.map((t) => t.name)).toEqual(["getwallet"]);
        expect(tools[0]!.inputSchema.properties).toEqual({});
        const result = await server.client.callTool({
          name: "getwallet",
          arguments: {},
        });
        expect(result.isError).toBeFalsy();
        expect(api.received.map((r) => [r.method, r.body])).toEqual([
          ["GET", ""],
        ]);
      },
      { answer: { status: 200, body: { ok: true } } },
    ));
});
