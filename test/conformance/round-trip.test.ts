/*
 * The generated client calls the generated server over real HTTP for the specs of
 * test/fixtures/conformance/ (one endpoint per group of serialization rules), and each handler
 * must receive exactly the values the client was given. The values hold the characters that need
 * escaping somewhere (space + / ? # & = % ; , é).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listen, type RunningServer } from "../server/http.js";
import {
  NESTED_CASES,
  OPENAPI_CASES,
  SWAGGER_CASES,
  type Case,
} from "./cases.js";
import { echoHandlers, generated, type Generated } from "./generated.js";

function roundTrip(spec: string, cases: Case[]): void {
  describe(spec, () => {
    let api: Generated;
    let server: RunningServer;
    beforeAll(async () => {
      api = await generated(spec);
      server = await listen(
        api.createRequestListener(echoHandlers()) as Parameters<
          typeof listen
        >[0],
      );
    });
    afterAll(async () => {
      await server?.close();
    });

    test.each(cases)(
      "$endpoint",
      async ({ endpoint, args, received, status }) => {
        const result = await api.client[endpoint]!(args, {
          baseUrl: server.baseUrl,
        });
        expect(result.status, JSON.stringify(result.error)).toBe(status ?? 200);
        const got = (result.ok ? result.data : result.error) as Record<
          string,
          unknown
        >;
        expect(got.endpoint).toBe(endpoint);
        const expected = received ?? args;
        for (const part of ["path", "query", "headers", "cookies", "body"])
          if (expected[part] !== undefined)
            expect(got[part], part).toEqual(expected[part]);
      },
    );
  });
}

roundTrip("styles.openapi.yaml", OPENAPI_CASES);
roundTrip("styles.swagger.yaml", SWAGGER_CASES);
roundTrip("nested-items.openapi.yaml", NESTED_CASES);

describe("an object or array item that is not JSON", () => {
  let server: RunningServer;
  beforeAll(async () => {
    const api = await generated("nested-items.openapi.yaml");
    server = await listen(
      api.createRequestListener(echoHandlers()) as Parameters<typeof listen>[0],
    );
  });
  afterAll(async () => {
    await server?.close();
  });

  test.each([
    ["query", "/nested/query?f=%7B%22a%22", {}],
    ["delimited query", "/nested/query?fc=%7B%7D,%5B", {}],
    ["header", "/nested/headers", { "X-Items": '{"a":1},{"a"' }],
  ])("is a 400 that names the parameter (%s)", async (_, path, headers) => {
    const response = await fetch(server.baseUrl + path, { headers });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: expect.stringMatching(/(parameter|header) .*must be JSON/),
    });
  });
});

describe("responses", () => {
  let api: Generated;
  let server: RunningServer;
  beforeAll(async () => {
    api = await generated("styles.openapi.yaml");
    server = await listen(
      api.createRequestListener(echoHandlers()) as Parameters<typeof listen>[0],
    );
  });
  afterAll(async () => {
    await server?.close();
  });

  test("are labelled with the media type the spec declares (problem+json, vnd.api+json)", async () => {
    const at = { baseUrl: server.baseUrl };
    const problem = await api.client.problem!({}, at);
    expect(problem.response.headers.get("content-type")).toBe(
      "application/problem+json",
    );
    const document = await api.client.jsonApiDocument!({}, at);
    expect(document.response.headers.get("content-type")).toBe(
      "application/vnd.api+json",
    );
    expect(document.data).toMatchObject({ endpoint: "jsonApiDocument" });
  });

  test("the generated client and server type-check under strict settings", () => {
    const result = api.typeCheck();
    expect(result.output).toBe("");
    expect(result.ok).toBe(true);
  });
});
