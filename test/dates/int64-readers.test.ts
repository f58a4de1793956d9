import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { parseJson, revive } from "../../templates/shared/scalars.js";
import { outDir, writeFiles } from "../server/generated.js";
import { listen, type RunningServer } from "../server/http.js";

/**
 * Issue 60 item 2: the int64 and date readers of the generated client and server
 * (`int64: "bigint"`, `dates: "Date"`) check what a stranger sends before they convert it. A
 * fraction, an exponent past 2^53 or more digits than an int64 has, at an int64 place, is
 * refused before BigInt() runs (the client throws its ScalarError, the server answers 400), and
 * no message or answer echoes more than a short prefix of the value. Over node:http on 127.0.0.1.
 */
const SPEC = readFileSync(
  new URL("fixtures/int64-readers.yaml", import.meta.url),
  "utf8",
);

/** Longest message or answer body allowed: a where, a 32-character prefix, a sentence. */
const SHORT = 200;
const MEGABYTE_OF_DIGITS = "9".repeat(1024 * 1024);

type Call = (
  args: object,
) => Promise<{ ok: boolean; status: number; data?: unknown; error?: unknown }>;

const handled: unknown[] = [];
const handlers = {
  postCount: ({ query, body }: { query: object; body: object }) => {
    handled.push({ query, body });
    return { status: 200, body };
  },
};

let dir: string;
let running: RunningServer;
let client: { createClient(config: object): { postCount: Call } };
/** What the hostile server (the client's peer) answers to the next request. */
let answer = "{}";
let hostile: Server;
let hostileUrl: string;

beforeAll(async () => {
  dir = outDir("int64-readers");
  const { files } = await generate(
    [{ file: "int64-readers.yaml", text: SPEC }],
    {
      artifacts: ["client", "server"],
      server: { adapters: [] },
      dates: "Date",
      int64: "bigint",
    },
  );
  writeFiles(dir, files);
  client = await import(pathToFileURL(join(dir, "client/index.ts")).href);
  const server = await import(pathToFileURL(join(dir, "server/index.ts")).href);
  // a body past the default limit of 1 MiB: the megabyte of digits reaches the reader
  running = await listen(
    server.createRequestListener(handlers, { bodyLimit: 4 * 1024 * 1024 }),
  );
  hostile = createServer((req, res) => {
    req.resume();
    req.on("end", () =>
      res.writeHead(200, { "content-type": "application/json" }).end(answer),
    );
  });
  await new Promise<void>((done) => hostile.listen(0, "127.0.0.1", done));
  hostileUrl = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await running?.close();
  hostile?.closeAllConnections();
  await new Promise((done) => hostile?.close(done));
});

async function post(body: string, query = "") {
  handled.length = 0;
  const response = await fetch(`${running.baseUrl}/counts${query}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  return { status: response.status, text: await response.text() };
}

describe("the server refuses what is no int64 before BigInt() reads it", () => {
  it("takes 2^53 + 1 and -2^63 exact (the control)", async () => {
    const { status, text } = await post(
      '{"count":9007199254740993}',
      "?at=-9223372036854775808",
    );
    expect(status, text).toBe(200);
    expect(handled).toEqual([
      {
        query: { at: -(2n ** 63n) },
        body: { count: 9007199254740993n },
      },
    ]);
  });

  it.each([
    ["a fraction past 2^53", "9007199254740993.5"],
    ["a fraction", "1.5"],
    ["a whole number with a fraction", "3.0"],
    ["a whole number with an exponent", "1e3"],
    ["an exponent past 2^53", "9.3e18"],
    ["an exponent past a double", "1e400"],
    ["20 digits", "12345678901234567890"],
    ["2^63", "9223372036854775808"],
  ])("%s (%s) in the body is a 400", async (_, count) => {
    const { status, text } = await post(`{"count":${count}}`);
    expect(status, text).toBe(400);
    expect(handled).toEqual([]);
  });

  it("a megabyte of digits in the body is a 400 whose answer echoes at most a prefix", async () => {
    const { status, text } = await post(`{"count":${MEGABYTE_OF_DIGITS}}`);
    expect(status).toBe(400);
    expect(text.length).toBeLessThan(SHORT);
    expect(text).not.toMatch(/9{40}/);
    expect(handled).toEqual([]);
  });

  it("a fraction or 20 digits in an int64 query parameter is a 400", async () => {
    for (const at of ["1.5", "9007199254740993.5", "1e3", "9".repeat(4000)]) {
      const { status, text } = await post("{}", `?at=${at}`);
      expect(status, at).toBe(400);
      expect(text.length).toBeLessThan(SHORT);
    }
    expect(handled).toEqual([]);
  });

  it("a date-time of 100,000 characters is a 400 that does not echo it", async () => {
    const { status, text } = await post(
      JSON.stringify({ when: `2026-01-01T00:00:00Z${"x".repeat(100_000)}` }),
    );
    expect(status).toBe(400);
    expect(text.length).toBeLessThan(SHORT);
    expect(text).not.toMatch(/x{40}/);
  });
});

describe("the client refuses an answer's int64 that is none, with a short message", () => {
  const call = (body: string) => {
    answer = body;
    return client
      .createClient({ baseUrl: hostileUrl })
      .postCount({ body: {} })
      .then(
        (result) => ({ result, error: undefined }),
        (error: Error) => ({ result: undefined, error }),
      );
  };

  it("reads 2^63 - 1 exact (the control)", async () => {
    const { result, error } = await call('{"count":9223372036854775807}');
    expect(error).toBe(undefined);
    expect(result?.data).toEqual({ count: 2n ** 63n - 1n });
  });

  it.each([
    ["a fraction past 2^53", "9007199254740993.5"],
    ["an exponent past 2^53", "9.3e18"],
    ["20 digits", "12345678901234567890"],
    ["a megabyte of digits", MEGABYTE_OF_DIGITS],
  ])("%s is a ScalarError, never a bigint", async (_, count) => {
    const { result, error } = await call(`{"count":${count}}`);
    expect(result).toBe(undefined);
    expect(error?.name).toBe("ScalarError");
    expect(error!.message.length).toBeLessThan(SHORT);
    expect(error!.message).toContain("/count");
  });
});

describe("the lossless reader at an int64 place, for any digit string", () => {
  const plan = { p: { n: { i: 1 as const } } };
  const read = (text: string) =>
    revive(parseJson(`{"n":${text}}`), plan, [], true, "the body");

  it("is the integer exactly when it is plain digits in int64's range, else a short ScalarError (3.0 and 1e3 too)", () => {
    const digits = fc
      .tuple(
        fc.boolean(),
        fc.oneof(
          fc.stringMatching(/^[1-9][0-9]{0,59}$/),
          // around int64's and double's edges: 15 to 21 digits
          fc.bigInt({ min: 10n ** 14n, max: 10n ** 21n }).map(String),
        ),
        fc.constantFrom("", ".5", ".0", "e3", "E-2", ".25e1"),
      )
      .map(([minus, d, tail]) => `${minus ? "-" : ""}${d}${tail}`);
    fc.assert(
      fc.property(digits, (text) => {
        const plain = /^-?\d+$/.test(text);
        const exact = plain ? BigInt(text) : undefined;
        const fits =
          exact !== undefined && exact >= -(2n ** 63n) && exact < 2n ** 63n;
        let got: unknown;
        try {
          got = read(text);
        } catch (error) {
          expect((error as Error).name).toBe("ScalarError");
          expect((error as Error).message.length).toBeLessThan(SHORT);
          expect(fits).toBe(false);
          return;
        }
        expect(fits).toBe(true);
        expect((got as { n: bigint }).n).toBe(exact);
      }),
      { numRuns: 1000 },
    );
  });

  it("a member name of 100,000 characters is named by a prefix", () => {
    const key = "k".repeat(100_000);
    expect(() =>
      revive(
        parseJson(`{"${key}":1.5}`),
        { r: { i: 1 } },
        [],
        true,
        "the body",
      ),
    ).toThrow(/^the body\/k{32}…: "1\.5" is not an int64/);
  });

  it("reads eight megabytes of digits in linear time: one Number(), no BigInt()", () => {
    const big = "7".repeat(8 * 1024 * 1024);
    expect(() => read(big)).toThrow(/is not an int64/);
    expect(() => read(big)).not.toThrow(/7{40}/);
  });
});
