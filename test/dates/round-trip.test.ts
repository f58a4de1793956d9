import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Fastify from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { outDir, typeCheck, writeFiles } from "../server/generated.js";
import { listen, type RunningServer } from "../server/http.js";

/**
 * Issue 43 item 3, checked end to end: a client and a server generated with `dates: "Date"` and
 * `int64: "bigint"` talk over node:http on 127.0.0.1, and int64s at the edges of their range
 * (2^63 - 1, -2^63, 2^53 + 1) and dates come back exact, in the body, the query, the path and
 * a header; the wire carries digits and ISO text.
 */
const SPEC = readFileSync(
  new URL("fixtures/ledger.yaml", import.meta.url),
  "utf8",
);

const MAX = 2n ** 63n - 1n;
const MIN = -(2n ** 63n);
const PAST_DOUBLE = 2n ** 53n + 1n;

type Call = (
  args: object,
  options?: object,
) => Promise<{ ok: boolean; status: number; data?: unknown; error?: unknown }>;
interface ClientModule {
  createClient(config: object): { putEntry: Call; stamp: Call };
}
interface ReceiverModule {
  createWebhookReceiver(
    handlers: object,
    options: object,
  ): (delivery: object) => Promise<{ status: number }>;
}
interface ServerModule {
  createRequestListener(
    handlers: object,
    options?: object,
  ): Parameters<typeof listen>[0];
}

/** What the handlers saw, by kind: the server hands them Dates and bigints. */
const kinds: string[] = [];
const kind = (v: unknown) =>
  v instanceof Date ? "Date" : v === null ? "null" : typeof v;

const handlers = {
  putEntry: ({
    path,
    query,
    headers,
    body,
  }: {
    path: { id: bigint };
    query: { asOf: Date; day?: Date; limits?: bigint[] };
    headers: { "x-trace"?: bigint };
    body: Record<string, unknown>;
  }) => {
    kinds.push(
      [path.id, query.asOf, query.day, headers["x-trace"], body["amount"]]
        .map(kind)
        .join(","),
    );
    return {
      status: 200,
      body: {
        entry: body,
        id: path.id,
        asOf: query.asOf,
        day: query.day,
        limits: query.limits,
        trace: headers["x-trace"],
      },
    };
  },
  stamp: ({ body }: { body: Record<string, unknown> }) => ({
    status: 200,
    body,
  }),
};

describe("dates and big integers survive a round trip through the generated client and server", () => {
  let dir: string;
  let client: ClientModule;
  let server: ServerModule;
  let running: RunningServer;

  beforeAll(async () => {
    dir = outDir("dates-round-trip");
    const { files } = await generate([{ file: "ledger.yaml", text: SPEC }], {
      artifacts: ["client", "server"],
      server: { adapters: ["fastify"] },
      dates: "Date",
      int64: "bigint",
    });
    writeFiles(dir, files);
    client = await import(pathToFileURL(join(dir, "client/index.ts")).href);
    server = await import(pathToFileURL(join(dir, "server/index.ts")).href);
    running = await listen(server.createRequestListener(handlers));
  });
  afterAll(() => running?.close());

  it("compiles under strict", () => {
    const checked = typeCheck(dir);
    expect(checked.output).toBe("");
    expect(checked.ok).toBe(true);
  });

  it("keeps 2^63 - 1, -2^63 and 2^53 + 1 exact and dates equal, in path, query, header and body", async () => {
    const api = client.createClient({ baseUrl: running.baseUrl });
    const at = new Date("2024-02-29T23:59:59.999Z");
    const day = new Date(Date.UTC(2024, 0, 31));
    const entry = {
      amount: MIN,
      small: 3,
      ratio: 0.5,
      at,
      day: null,
      history: [{ amount: PAST_DOUBLE, at: new Date(0), day }],
      tags: { first: new Date("1999-12-31T23:00:00.000Z") },
      note: "2024-01-01T00:00:00Z", // a plain string stays a string
    };
    const result = await api.putEntry({
      path: { id: MAX },
      query: { asOf: at, day, limits: [MIN, PAST_DOUBLE, 5n] },
      headers: { "x-trace": MAX },
      body: entry,
    });
    expect(result.error).toBe(undefined);
    expect(result.status).toBe(200);
    expect(result.data).toEqual({
      entry,
      id: MAX,
      asOf: at,
      day,
      limits: [MIN, PAST_DOUBLE, 5n],
      trace: MAX,
    });
    const data = result.data as { entry: { small: unknown; ratio: unknown } };
    expect(typeof data.entry.small).toBe("number");
    expect(kinds.at(-1)).toBe("bigint,Date,Date,bigint,bigint");
  });

  it("puts digits and ISO text on the wire, and reads digits a client wrote by hand", async () => {
    const response = await fetch(
      `${running.baseUrl}/entries/9223372036854775807?asOf=2024-05-01T10:00:00%2B02:00&day=2024-05-01&limits=-9223372036854775808&limits=9007199254740993`,
      {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: '{"amount":9223372036854775807,"at":"2024-05-01T08:00:00Z","day":"2024-05-02","small":9007199254740993}',
      },
    );
    const text = await response.text();
    expect(response.status, text).toBe(200);
    expect(JSON.parse(text.replace(/-?\d{16,}/g, '"$&"'))).toEqual({
      entry: {
        amount: "9223372036854775807",
        at: "2024-05-01T08:00:00.000Z",
        day: "2024-05-02",
        // not an int64: read as JSON.parse reads it, rounded
        small: "9007199254740992",
      },
      id: "9223372036854775807",
      asOf: "2024-05-01T08:00:00.000Z",
      day: "2024-05-01",
      limits: ["-9223372036854775808", "9007199254740993"],
    });
  });

  it("answers 400 to a date that is no date, and an int64 out of range, naming where", async () => {
    // the validators see the wire values first (a problem+json naming the member); without them,
    // or where they let a value through, the revival refuses it itself
    const unchecked = await listen(
      server.createRequestListener(handlers, { validateRequests: false }),
    );
    try {
      for (const [body, where] of [
        ['{"amount":1,"at":"2024-02-30T00:00:00Z"}', "/at"],
        [
          '{"amount":9223372036854775808,"at":"2024-02-01T00:00:00Z"}',
          "/amount",
        ],
      ] as const)
        for (const [base, says] of [
          [
            running.baseUrl,
            (text: string) => JSON.parse(text).violations[0].path,
          ],
          [unchecked.baseUrl, (text: string) => JSON.parse(text).error],
        ] as const) {
          const response = await fetch(
            `${base}/entries/1?asOf=2024-05-01T10:00:00Z`,
            {
              method: "PUT",
              headers: { "content-type": "application/json" },
              body,
            },
          );
          const text = await response.text();
          expect(response.status, text).toBe(400);
          // a violation's path, or the revival's message (the validators let 2^63 through)
          expect(text).toMatch(new RegExp(`"path":"${where}"|body${where}: `));
        }
    } finally {
      await unchecked.close();
    }
  });

  it("sends a form body's Dates and bigints as text, and revives the answer", async () => {
    const api = client.createClient({ baseUrl: running.baseUrl });
    const sent = {
      at: new Date("2030-01-02T03:04:05.006Z"),
      day: new Date(Date.UTC(2030, 0, 2)),
      count: MAX,
    };
    const result = await api.stamp({ body: sent });
    expect(result.status).toBe(200);
    expect(result.data).toEqual(sent);
  });

  it("rejects a call whose answer holds a date that is no date, naming where", async () => {
    const api = client.createClient({
      baseUrl: running.baseUrl,
      fetch: async () =>
        new Response('{"at":"yesterday","count":1}', {
          headers: { "content-type": "application/json" },
        }),
    });
    await expect(api.stamp({ body: {} })).rejects.toThrow(
      /the answer\/at: "yesterday" is not an RFC 3339 date-time/,
    );
  });

  it("revives a webhook's payload for its handler", async () => {
    const { createWebhookReceiver } = (await import(
      pathToFileURL(join(dir, "server/webhook-receiver.ts")).href
    )) as ReceiverModule;
    let seen: unknown;
    const receive = createWebhookReceiver(
      {
        entryPosted: ({ body }: { body: unknown }) => (
          (seen = body),
          { status: 204 }
        ),
      },
      {
        secret: "not used",
        // the signature schemes are test/webhooks' subject: here every delivery is authentic
        verify: async () => ({ id: undefined, timestamp: undefined }),
        validateRequests: false,
      },
    );
    const answer = await receive({
      method: "POST",
      url: "/entryPosted",
      headers: { "content-type": "application/json" },
      body: new TextEncoder().encode(
        '{"amount":-9223372036854775808,"at":"2024-05-01T08:00:00Z","small":9007199254740993}',
      ),
    });
    expect(answer.status).toBe(204);
    expect(seen).toEqual({
      amount: MIN,
      at: new Date("2024-05-01T08:00:00Z"),
      small: 9007199254740992,
    });
  });

  it("round-trips through the Fastify adapter too", async () => {
    const { apiRoutes } = await import(
      pathToFileURL(join(dir, "server/fastify.ts")).href
    );
    const app = Fastify();
    await app.register(apiRoutes, { handlers });
    const url = await app.listen({ host: "127.0.0.1", port: 0 });
    try {
      const api = client.createClient({ baseUrl: url });
      const at = new Date("2024-02-29T23:59:59.999Z");
      const entry = { amount: MAX, at, history: [{ amount: MIN, at }] };
      const result = await api.putEntry({
        path: { id: PAST_DOUBLE },
        query: { asOf: at, limits: [MAX] },
        body: entry,
      });
      expect(result.error).toBe(undefined);
      expect(result.data).toEqual({
        entry,
        id: PAST_DOUBLE,
        asOf: at,
        limits: [MAX],
      });
      expect(kinds.at(-1)).toBe("bigint,Date,undefined,undefined,bigint");
    } finally {
      await app.close();
    }
  });
});
