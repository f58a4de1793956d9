/*
 * The generated client calls the generated server over real HTTP for the specs of
 * test/fixtures/conformance/ (one endpoint per group of serialization rules), and each handler
 * must receive exactly the values the client was given. The values hold the characters that need
 * escaping somewhere (space + / ? # & = % ; , é).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { listen, type RunningServer } from "../server/http.js";
import { echoHandlers, generated, type Generated } from "./generated.js";

const HOSTILE = "a b+c/d?e#f&g=h%i;j,k.l|mé";

interface Case {
  endpoint: string;
  args: Record<string, unknown>;
  /** What the handler receives, when it differs from `args` (a file is received as its text). */
  received?: Record<string, unknown>;
}

const OPENAPI_CASES: Case[] = [
  {
    endpoint: "simplePath",
    args: {
      path: {
        ids: [1, 2, 3],
        obj: { R: 100, G: 200, B: 150 },
        objx: { R: 1, G: 2, B: 3 },
      },
    },
  },
  {
    endpoint: "labelPath",
    args: {
      path: { a: [HOSTILE, "x"], b: ["p.q", HOSTILE], o: { R: 1, G: 2, B: 3 } },
    },
  },
  {
    endpoint: "matrixPath",
    args: {
      path: { m: [HOSTILE, "y"], mx: ["1", HOSTILE], mo: { R: 4, G: 5, B: 6 } },
    },
  },
  {
    endpoint: "queryStyles",
    args: {
      query: {
        csv: [HOSTILE, "two"],
        spaced: [1, 2, 3],
        piped: ["a|b", HOSTILE],
        deep: { R: 1, G: 2, B: 3 },
        spread: { x: HOSTILE, y: 7 },
        filter: { name: HOSTILE, tags: ["t,1", "t 2"] },
        reserved: "a/b:c?d",
      },
    },
  },
  {
    endpoint: "headerStyles",
    args: {
      headers: {
        "X-Color": { R: 100, G: 200, B: 150 },
        "X-Color-Exploded": { R: 1, G: 2, B: 3 },
        "X-List": [1, 2, 3],
      },
    },
  },
  {
    endpoint: "cookieStyles",
    args: {
      cookies: {
        session: HOSTILE,
        prefs: { R: 9, G: 8, B: 7 },
        ids: [4, 5],
      },
    },
  },
  {
    endpoint: "urlEncodedForm",
    args: {
      body: {
        name: HOSTILE,
        deep: { R: 1, G: 2, B: 3 },
        tags: [HOSTILE, "b"],
        meta: { note: HOSTILE },
      },
    },
  },
  {
    endpoint: "multipartUpload",
    args: {
      body: {
        meta: { title: HOSTILE },
        file: new Blob(["file text é"], { type: "text/plain" }),
      },
    },
    received: {
      body: {
        meta: { title: HOSTILE },
        file: { file: "file text é", type: "text/plain" },
      },
    },
  },
  { endpoint: "listItems", args: {} },
  { endpoint: "listItemsSlash", args: {} },
  { endpoint: "escapedSegment", args: {} },
];

const SWAGGER_CASES: Case[] = [
  {
    endpoint: "collectionPath",
    args: {
      path: { ssv: ["a", "b"], tsv: ["c", "d"], pipes: ["e,f", "g"] },
      query: {
        csv: [1, 2],
        qtsv: ["h", "i"],
        multi: [HOSTILE, "j"],
        qpipes: ["k", "l m"],
      },
      headers: { "X-Ssv": ["n", "o"] },
    },
  },
  {
    endpoint: "collectionForm",
    args: {
      body: {
        csv: ["a b", "c"],
        ssv: ["d", "e"],
        pipes: ["f", "g,h"],
        multi: [1, 2],
      },
    },
  },
];

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

    test.each(cases)("$endpoint", async ({ endpoint, args, received }) => {
      const result = await api.client[endpoint]!(args, {
        baseUrl: server.baseUrl,
      });
      expect(result.status, JSON.stringify(result.error)).toBe(200);
      const got = result.data as Record<string, unknown>;
      expect(got.endpoint).toBe(endpoint);
      const expected = received ?? args;
      for (const part of ["path", "query", "headers", "cookies", "body"])
        if (expected[part] !== undefined)
          expect(got[part], part).toEqual(expected[part]);
    });
  });
}

roundTrip("styles.openapi.yaml", OPENAPI_CASES);
roundTrip("styles.swagger.yaml", SWAGGER_CASES);

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
