import { emitted } from "../emitted.js";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import type { ApiModel } from "../../src/model/types.js";
import { listen, type RunningServer } from "../server/http.js";
import { SPEC } from "./keywords-spec.js";
import { outDir, typeCheck, writeFiles } from "./generated.js";

// The keyword document's PUT /pets/{petId}: integer path id ≥ 1, `limit` ≤ 10 in fives, a
// required uuid X-Trace header, a `session` cookie of 4+ characters, a Pet body.
const TRACE = "123e4567-e89b-12d3-a456-426614174000";
const GOOD_BODY = { name: "rex", secret: "s" };

interface Problem {
  type: string;
  title: string;
  status: number;
  violations: { in: string; path: string; keyword: string }[];
}

let model: ApiModel;
const received: unknown[] = [];
let answer: { status: number; body: unknown } = {
  status: 200,
  body: { id: 1, name: "rex" },
};
const handlers = {
  putPet: async (request: unknown) => {
    received.push(request);
    return answer;
  },
};

async function put(
  baseUrl: string,
  {
    path = "/pets/7",
    headers = {},
    body = GOOD_BODY as unknown,
  }: { path?: string; headers?: Record<string, string>; body?: unknown },
): Promise<Response> {
  return fetch(baseUrl + path, {
    method: "PUT",
    headers: {
      "content-type": "application/json",
      "x-trace": TRACE,
      ...headers,
    },
    body: JSON.stringify(body),
  });
}

async function problem(response: Response): Promise<string[]> {
  const text = await response.text();
  expect(response.headers.get("content-type"), text).toMatch(
    /^application\/problem\+json\b/,
  );
  const body = JSON.parse(text) as Problem;
  expect(body.status).toBe(response.status);
  return body.violations.map((v) => `${v.in} ${v.path} ${v.keyword}`).sort();
}

/** One request per location and keyword class, the same for both servers. */
function requestCases(base: () => string) {
  it("passes a valid request to the handler, decoded", async () => {
    received.length = 0;
    const response = await put(base(), {
      path: "/pets/7?tag=a&tag=b",
      headers: { cookie: "session=abcd" },
    });
    expect(response.status).toBe(200);
    expect(received).toMatchObject([
      { path: { petId: 7 }, query: { tag: ["a", "b"] }, body: GOOD_BODY },
    ]);
  });

  it.each([
    ["path minimum", { path: "/pets/0" }, ["path /petId minimum"]],
    [
      "query range",
      { path: "/pets/7?limit=12" },
      ["query /limit maximum", "query /limit multipleOf"],
    ],
    [
      "header format",
      { headers: { "x-trace": "not-a-uuid" } },
      ["header /X-Trace format"],
    ],
    [
      "cookie length",
      { headers: { cookie: "other=1; session=abc" } },
      ["cookie /session minLength"],
    ],
    ["body required", { body: { name: "rex" } }, ["body  required"]],
    ["body type", { body: "rex" }, ["body  type"]],
    [
      "body members",
      { body: { name: "Rex", secret: 1, extra: true } },
      [
        "body /extra additionalProperties",
        "body /name pattern",
        "body /secret type",
      ],
    ],
    [
      "every location at once",
      {
        path: "/pets/0?limit=15",
        headers: { "x-trace": "x", cookie: "session=" },
        body: {},
      },
      [
        "body  required",
        "body  required",
        "cookie /session minLength",
        "header /X-Trace format",
        "path /petId minimum",
        "query /limit maximum",
      ],
    ],
  ] as const)(
    "answers 400 listing every violation: %s",
    async (_name, request, expected) => {
      received.length = 0;
      const response = await put(base(), request);
      expect(response.status).toBe(400);
      expect(await problem(response)).toEqual([...expected].sort());
      expect(received).toEqual([]);
    },
  );
}

beforeAll(async () => {
  model = (await generate([{ file: "keywords.yaml", text: SPEC }])).model;
});

describe("the generated node:http server validates", () => {
  let server: RunningServer;
  let checked: RunningServer;
  let dir: string;
  const errors: unknown[] = [];

  beforeAll(async () => {
    dir = outDir("server");
    writeFiles(dir, await emitted("server", model, {}));
    const index = await import(
      pathToFileURL(join(dir, "server/index.ts")).href
    );
    server = await listen(index.createRequestListener(handlers));
    checked = await listen(
      index.createRequestListener(handlers, {
        validateResponses: true,
        onError: (error: unknown) => errors.push(error),
      }),
    );
  });
  afterAll(async () => {
    await server?.close();
    await checked?.close();
  });

  requestCases(() => server.baseUrl);

  it("leaves answers unchecked by default", async () => {
    answer = { status: 200, body: { name: 5 } };
    const response = await put(server.baseUrl, {});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ name: 5 });
  });

  it("answers 500 for a handler answer outside its contract when asked to check", async () => {
    answer = { status: 200, body: { name: 5 } };
    errors.length = 0;
    const response = await put(checked.baseUrl, {});
    expect(response.status).toBe(500);
    expect(await problem(response)).toEqual([
      "response  required",
      "response /name type",
    ]);
    expect(errors).toHaveLength(1);
    answer = { status: 200, body: { id: 1, name: "rex" } };
    expect((await put(checked.baseUrl, {})).status).toBe(200);
  });

  it("turns answer checks on from the generator setting", async () => {
    const on = outDir("server-validate-responses");
    writeFiles(
      on,
      await emitted("server", model, { server: { validateResponses: true } }),
    );
    const index = await import(pathToFileURL(join(on, "server/index.ts")).href);
    const running = await listen(
      index.createRequestListener(handlers, { onError: () => {} }),
    );
    try {
      answer = { status: 200, body: [] };
      expect((await put(running.baseUrl, {})).status).toBe(500);
    } finally {
      answer = { status: 200, body: { id: 1, name: "rex" } };
      await running.close();
    }
  });

  it("type-checks under strict settings", () => {
    expect(typeCheck(dir)).toBe("");
  });
});

describe("the generated Fastify adapter validates", () => {
  let app: FastifyInstance;
  let baseUrl: string;

  beforeAll(async () => {
    const dir = outDir("fastify");
    writeFiles(
      dir,
      await emitted("server", model, { server: { adapters: ["fastify"] } }),
    );
    const { apiRoutes } = await import(
      pathToFileURL(join(dir, "server/fastify.ts")).href
    );
    app = Fastify();
    await app.register(apiRoutes, { handlers });
    baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(() => app?.close());

  requestCases(() => baseUrl);
});
