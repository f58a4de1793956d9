import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import {
  SERVED,
  emitEveryAdapter,
  startEvery,
  type StartedServer,
} from "./adapter-servers.js";
import { rawRequest } from "./raw-socket.js";

/*
 * Issue 41, items 4-6: the generated server on every way of serving it (node:http, fetch,
 * Fastify, Express, Hono), spoken to over raw sockets on 127.0.0.1 as an attacker would:
 * bodies nested 60,000 deep, a backtracking pattern while another request measures that the
 * server still answers, numbers at the edges of JSON's grammar, and a handler's exception.
 * docs/untrusted-input.md, "What the generated server promises at run time", names these tests.
 */
const REPO = resolve(import.meta.dirname, "../..");
const SPEC = "test/fixtures/server/hostile-runtime.yaml";
const SECRET = "secret-internals-7f3a at /srv/app/db.ts:42";
let servers = new Map<string, StartedServer>();
const errors: unknown[] = [];

const handlers = {
  postTree: () => ({ status: 200, body: { ok: true } }),
  getMatch: () => ({ status: 200 }),
  postKeys: () => ({ status: 200 }),
  getNum: (request: object) => ({ status: 200, body: request }),
  getBoom: () => {
    throw new Error(SECRET);
  },
  getPing: () => ({ status: 200 }),
};

beforeAll(async () => {
  const model = loadModel([SPEC], { cwd: REPO });
  const dir = await emitEveryAdapter("hostile-runtime", model);
  servers = await startEvery(dir, handlers, {
    basePath: "",
    onError: (e: unknown) => errors.push(e),
  });
}, 120_000);

afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
});

const url = (adapter: string) => servers.get(adapter)!.url;
const JSON_HEADERS = { "content-type": "application/json" };

/** `{"c":[{"c":[ … {} … ]}]}`, `depth` objects deep; `leaf` replaces the innermost `{}`. */
function tree(depth: number, leaf = "{}"): string {
  return '{"c":['.repeat(depth - 1) + leaf + "]}".repeat(depth - 1);
}

describe("a body nested 60,000 deep (item 4)", () => {
  const deep = tree(60_000);
  it("is under the 1 MiB body limit", () => {
    expect(Buffer.byteLength(deep)).toBeLessThan(1024 * 1024);
  });

  it.each(SERVED)(
    "%s: a valid one answers 400 maxDepth, never 500",
    async (adapter) => {
      const answer = await rawRequest(
        url(adapter),
        "POST",
        "/tree",
        JSON_HEADERS,
        deep,
      );
      expect(answer.status).toBe(400);
      expect(JSON.parse(answer.body).violations).toEqual([
        {
          in: "body",
          path: "",
          keyword: "maxDepth",
          message: "must not nest arrays and objects more than 512 deep",
        },
      ]);
    },
  );

  it.each(SERVED)(
    "%s: an invalid one (a wrong leaf, arrays of arrays) answers 400",
    async (adapter) => {
      for (const body of [
        tree(60_000, '{"c":7}'),
        "[".repeat(60_000) + "]".repeat(60_000),
        '{"c":['.repeat(30_000) + "[".repeat(30_000),
      ]) {
        const answer = await rawRequest(
          url(adapter),
          "POST",
          "/tree",
          JSON_HEADERS,
          body,
        );
        expect(answer.status).toBe(400);
      }
    },
  );

  it.each(SERVED)(
    "%s: within the limit, the answer is the schema's",
    async (adapter) => {
      const ok = await rawRequest(
        url(adapter),
        "POST",
        "/tree",
        JSON_HEADERS,
        tree(256),
      );
      expect(ok.status).toBe(200);
      // 256 objects and 255 arrays are 511 deep; one object more is 513
      const over = await rawRequest(
        url(adapter),
        "POST",
        "/tree",
        JSON_HEADERS,
        tree(257),
      );
      expect(over.status).toBe(400);
      expect(JSON.parse(over.body).violations[0].keyword).toBe("maxDepth");
      const bad = await rawRequest(
        url(adapter),
        "POST",
        "/tree",
        JSON_HEADERS,
        tree(200, '{"d":1}'),
      );
      expect(bad.status).toBe(400);
      const [violation] = JSON.parse(bad.body).violations;
      expect(violation.keyword).toBe("additionalProperties");
      expect(violation.path).toMatch(/^(?:\/c\/0){199}(?:\/d)?$/);
    },
  );
});

describe("a 500 tells the client nothing of the exception (item 6)", () => {
  it.each(SERVED)("%s", async (adapter) => {
    const before = errors.length;
    const answer = await rawRequest(url(adapter), "GET", "/boom");
    expect(answer.status).toBe(500);
    expect(answer.body).not.toContain("secret");
    expect(answer.body).not.toContain("db.ts");
    expect(answer.body).not.toMatch(/Error|stack|at \//);
    expect(JSON.parse(answer.body)).toEqual({ error: "internal server error" });
    // the server's own side still hears of it (Fastify logs it through its logger)
    if (adapter !== "fastify") expect(errors.length).toBe(before + 1);
  });
});

/** Texts JSON's number grammar admits, each with the number it is. */
const NUMBERS: [string, number][] = [
  ["0", 0],
  ["-0", -0],
  ["1e5", 1e5],
  ["1.5", 1.5],
  ["-1.5E-3", -1.5e-3],
  ["1E+2", 100],
  ["12345678901234567890", 12345678901234567890],
];
/** Texts it does not (as they would be written in a URL). */
const NOT_NUMBERS = [
  "0x10",
  "0X10",
  "0b1",
  "0o7",
  "1_000",
  "%201",
  "1%20",
  "%091",
  "Infinity",
  "-Infinity",
  "NaN",
  "+1",
  ".5",
  "5.",
  "01",
  "-",
  "1e",
  "1e400",
  "%EF%BC%91", // a fullwidth digit one
];

describe("numbers in parameters follow JSON's grammar (item 6)", () => {
  it.each(SERVED)("%s: path, query, header and cookie", async (adapter) => {
    for (const [text, value] of NUMBERS) {
      const answer = await rawRequest(
        url(adapter),
        "GET",
        `/num/${encodeURIComponent(text)}?q=${encodeURIComponent(text)}`,
        {
          "x-n": text,
          cookie: `c=${text}`,
        },
      );
      expect(answer.status, text).toBe(200);
      const echoed = JSON.parse(answer.body);
      expect([
        echoed.path.n,
        echoed.query.q,
        echoed.headers["x-n"],
        echoed.cookies.c,
      ]).toEqual(Array(4).fill(JSON.parse(JSON.stringify(value))));
    }
    for (const text of NOT_NUMBERS) {
      const decoded = decodeURIComponent(text);
      const asked = [
        `/num/${text}`,
        `/num/1?q=${text}`,
        // headers and cookies: no percent-encoding, and HTTP strips the spaces around a value
        ...(decoded.trim() === decoded && /^[\x21-\x7e]*$/.test(decoded)
          ? [
              ["/num/1", { "x-n": decoded }] as const,
              ["/num/1", { cookie: `c=${decoded}` }] as const,
            ]
          : []),
      ];
      for (const ask of asked) {
        const [target, headers] = typeof ask === "string" ? [ask, {}] : ask;
        const answer = await rawRequest(url(adapter), "GET", target, headers);
        expect(answer.status, `${text} in ${JSON.stringify(ask)}`).toBe(400);
      }
    }
    // empty: a query parameter given without a value
    expect((await rawRequest(url(adapter), "GET", "/num/1?q=")).status).toBe(
      400,
    );
    expect((await rawRequest(url(adapter), "GET", "/num/1?q=+1")).status).toBe(
      400,
    );
  });
});

describe("a backtracking pattern cannot stall the server (item 5)", () => {
  it("is reported at its line and column, and for a patternProperties key at the key", () => {
    const model = loadModel([SPEC], { cwd: REPO });
    const found = model.diagnostics
      .filter((d) => d.code === "schema/backtracking-pattern")
      .map((d) => `${d.file}:${d.line}:${d.column} ${d.message.slice(0, 40)}`);
    expect(found).toEqual([
      // the place of the `pattern` keyword, as for schema/invalid-pattern; of the key itself
      `${SPEC}:34:13 the pattern "^(a+)+$" may backtrack in e`,
      `${SPEC}:48:17 the pattern "^(x+x+)+y$" may backtrack i`,
    ]);
  });

  it.each(SERVED)(
    "%s: the attack texts answer 400 at once, and a second request answers meanwhile",
    async (adapter) => {
      // 34 characters hold V8's backtracking for minutes; 12,000 in a query, 900,000 in a key
      const attacks = [
        rawRequest(url(adapter), "GET", `/match?q=${"a".repeat(33)}!`),
        rawRequest(url(adapter), "GET", `/match?q=${"a".repeat(12_000)}!`),
        rawRequest(
          url(adapter),
          "POST",
          "/keys",
          JSON_HEADERS,
          JSON.stringify({ ["x".repeat(900_000)]: "not an integer" }),
        ),
      ];
      await new Promise((done) => setTimeout(done, 20));
      const ping = await rawRequest(url(adapter), "GET", "/ping");
      expect(ping.status).toBe(200);
      // generous for a loaded machine: unguarded, the first attack alone takes minutes
      expect(ping.ms).toBeLessThan(2000);
      const answers = await Promise.all(attacks);
      expect(answers.map((a) => a.status)).toEqual([400, 400, 200]);
      for (const answer of answers) expect(answer.ms).toBeLessThan(5000);
      // and the pattern still means what it says
      expect(
        (await rawRequest(url(adapter), "GET", `/match?q=${"a".repeat(40)}`))
          .status,
      ).toBe(200);
      const key = await rawRequest(
        url(adapter),
        "POST",
        "/keys",
        JSON_HEADERS,
        JSON.stringify({ xxy: "not an integer" }),
      );
      expect(key.status).toBe(400);
      expect(JSON.parse(key.body).violations[0]).toMatchObject({
        path: "/xxy",
        keyword: "type",
      });
    },
  );
});
