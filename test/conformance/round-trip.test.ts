/*
 * The generated client calls the generated server over real HTTP for the specs of
 * test/fixtures/conformance/ (one endpoint per group of serialization rules), and each handler
 * must receive exactly the values the client was given. The values hold the characters that need
 * escaping somewhere (space + / ? # & = % ; , é).
 */
import { readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import express from "express";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listen, type RunningServer } from "../server/http.js";
import {
  NESTED_CASES,
  OPENAPI_CASES,
  SWAGGER_CASES,
  type Case,
} from "./cases.js";
import { generate } from "../../src/generate.js";
import {
  echoHandlers,
  generated,
  SPECS_DIR,
  type Generated,
} from "./generated.js";

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

// the merged openapi.json must say what the Swagger 2.0 spec says: a client made from it sends
// what the server made from the Swagger 2.0 spec reads (form fields in ssv and pipes: issue 63's hunt)
describe("styles.swagger.yaml's form fields, as its openapi.json says them", () => {
  let fromJson: Generated;
  let server: RunningServer;
  beforeAll(async () => {
    const spec = "styles.swagger.yaml";
    const text = readFileSync(join(SPECS_DIR, spec), "utf8");
    const merged = await generate([{ file: spec, text }], {
      artifacts: ["openapi"],
    });
    fromJson = await generated(
      "styles.swagger.openapi.json",
      merged.files.find((f) => f.path === "openapi.json")!.contents,
    );
    const fromSwagger = await generated(spec);
    server = await listen(
      fromSwagger.createRequestListener(echoHandlers()) as Parameters<
        typeof listen
      >[0],
    );
  });
  afterAll(async () => {
    await server?.close();
  });
  test.each(SWAGGER_CASES.filter((c) => c.args.body !== undefined))(
    "$endpoint",
    async ({ endpoint, args }) => {
      const result = await fromJson.client[endpoint]!(args, {
        baseUrl: server.baseUrl,
      });
      expect(result.status, JSON.stringify(result.error)).toBe(200);
      expect((result.data as { body: unknown }).body).toEqual(args.body);
    },
  );
});

roundTrip("styles.openapi.yaml", OPENAPI_CASES);
roundTrip("styles.swagger.yaml", SWAGGER_CASES);
roundTrip("nested-items.openapi.yaml", NESTED_CASES);

/** What qs makes of a value: every scalar as text. */
function asText(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asText);
  if (typeof value === "object" && value !== null)
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, asText(v)]),
    );
  return String(value);
}

// Express with qs, as a hand-written server (or Stripe) reads nested brackets: the oracle of the
// wire a deepObject with objects and arrays inside goes out in, which OpenAPI leaves undefined
describe("a deepObject that nests reaches Express's qs parser as the same value", () => {
  let api: Generated;
  let baseUrl: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    api = await generated("nested-items.openapi.yaml");
    const app = express();
    app.set("query parser", "extended");
    app.get("/nested/query", (req, res) => void res.json({ query: req.query }));
    app.post(
      "/nested/form",
      express.urlencoded({ extended: true }),
      (req, res) => void res.json({ body: req.body as unknown }),
    );
    const server = app.listen(0, "127.0.0.1");
    await new Promise((done) => server.once("listening", done));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    close = () => new Promise((done) => server.close(() => done()));
  });
  afterAll(async () => {
    await close?.();
  });

  test.each(NESTED_CASES.filter((c) => c.args.body ?? c.args.query))(
    "$endpoint",
    async ({ endpoint, args }) => {
      const sent = (args.body ?? args.query) as Record<string, unknown>;
      const deep = Object.fromEntries(
        Object.entries(sent).filter(
          ([k]) => endpoint === "nestedForm" || k.startsWith("d"),
        ),
      );
      const result = await api.client[endpoint]!(args, { baseUrl });
      const got = (result.data as Record<string, Record<string, unknown>>)[
        args.body ? "body" : "query"
      ]!;
      for (const [name, value] of Object.entries(deep))
        expect(got[name], name).toEqual(asText(value));
    },
  );
});

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

  test.each([
    ["a value and members", "d[inner]=x&d[inner][a]=y", /value and members/],
    [
      "members where a scalar belongs",
      "d[name][x]=1",
      /members where a string/,
    ],
    ["an item not numbered", "di[x][a]=1", /number its items/],
    ["an index of 7 digits", "di[1000000][a]=1", /number its items/],
    [
      "a prototype's name",
      "d[__proto__][polluted]=1",
      /members where a string/,
    ],
  ])("a deepObject with %s is a 400", async (_, query, message) => {
    const response = await fetch(`${server.baseUrl}/nested/query?${query}`);
    expect(response.status).toBe(400);
    expect((await response.json()) as unknown).toEqual({
      error: expect.stringMatching(message),
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
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
