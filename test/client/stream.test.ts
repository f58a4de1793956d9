import { describe, expect, test } from "vitest";
import {
  eventStream,
  jsonLines,
  streamItems,
} from "../../templates/client/stream.js";
import { sdkHarness, type Answer } from "./sdk-harness.js";

// Streamed responses of the generated client (issue 25, item 5).
const h = sdkHarness();

const SSE =
  ": a comment\r\n" +
  'event: born\r\ndata: {"id":"1",\r\ndata: "name":"Zoë 🐈"}\r\nid: 7\r\nretry: 250\r\n\r\n' +
  'data:{"id":"2","name":"Ängel"}\n\n' +
  'data: {"id":"3","name":"x"}\r\r' +
  'data: {"id":"4","name":"never ended"}\n';
const WANT = [
  { event: "born", data: { id: "1", name: "Zoë 🐈" }, id: "7", retry: 250 },
  { data: { id: "2", name: "Ängel" }, id: "7" },
  { data: { id: "3", name: "x" }, id: "7" },
];

/** Writes `bytes` in pieces of `size`, each in its own write a tick apart. */
const inPieces =
  (type: string, bytes: Uint8Array, size: number): Answer =>
  (_req, res) => {
    res.writeHead(200, { "Content-Type": type });
    let at = 0;
    const next = () => {
      if (at >= bytes.length) return res.end();
      res.write(bytes.subarray(at, (at += size)));
      setTimeout(next, 1);
    };
    next();
  };

/** A Response whose body arrives in exactly the chunks given. */
function chunked(type: string, chunks: Uint8Array[]): Response {
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (const chunk of chunks) c.enqueue(chunk);
      c.close();
    },
  });
  return new Response(body, { headers: { "Content-Type": type } });
}

async function collect(iterable: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe("server-sent events", () => {
  test("arrive as typed events over HTTP, the stream written a few bytes at a time", async () => {
    const bytes = new TextEncoder().encode(SSE);
    for (const size of [1, 3, 7]) {
      h.script = [inPieces("text/event-stream", bytes, size)];
      const r = await h.client.watchPets(
        {},
        { baseUrl: h.server.baseUrl, throwOnError: true },
      );
      expect(await collect(r)).toEqual(WANT);
    }
    expect(h.received[0]!.headers["accept"]).toContain("text/event-stream");
  });

  test("parse the same whatever two byte boundaries split the stream (inside \\r\\n and UTF-8 too)", async () => {
    const bytes = new TextEncoder().encode(SSE);
    const read = eventStream(true);
    for (let i = 0; i <= bytes.length; i++)
      for (let j = i; j <= bytes.length; j += 5) {
        const response = chunked("text/event-stream", [
          bytes.subarray(0, i),
          bytes.subarray(i, j),
          bytes.subarray(j),
        ]);
        const events = (await read(
          response,
          async () => undefined,
        )) as AsyncIterable<unknown>;
        expect(await collect(events), `split at ${i}, ${j}`).toEqual(WANT);
      }
  });

  test("keep data as text when the schema is a string, and read an error's JSON body as usual", async () => {
    h.script = [
      inPieces(
        "text/event-stream",
        new TextEncoder().encode("data: 1\ndata: 2\n\n"),
        4,
      ),
    ];
    const log = await h.client.tailLog(
      {},
      { baseUrl: h.server.baseUrl, throwOnError: true },
    );
    expect(await collect(log)).toEqual([{ data: "1\n2" }]);
    h.server.received.length = 0;
    h.script = [
      (_req, res) => {
        res.writeHead(429, { "Content-Type": "application/json" });
        res.end('{"message":"slow down"}');
      },
    ];
    const r = await h.client.watchPets(
      {},
      { baseUrl: h.server.baseUrl, retry: false },
    );
    expect(r).toMatchObject({
      ok: false,
      status: 429,
      error: { message: "slow down" },
    });
  });

  test("breaking out of the iteration closes the request", async () => {
    let closed!: () => void;
    const gone = new Promise<void>((resolve) => (closed = resolve));
    let sent = 0;
    h.script = [
      (req, res) => {
        res.writeHead(200, { "Content-Type": "text/event-stream" });
        const timer = setInterval(() => {
          res.write(`data: {"id":"${++sent}","name":"n"}\n\n`);
        }, 5);
        res.on("close", () => {
          clearInterval(timer);
          closed();
        });
        void req;
      },
    ];
    const events = await h.client.watchPets(
      {},
      { baseUrl: h.server.baseUrl, throwOnError: true },
    );
    const seen: unknown[] = [];
    for await (const event of events) {
      seen.push(event);
      if (seen.length === 2) break;
    }
    await gone; // the server saw the connection close
    expect(seen).toHaveLength(2);
  });
});

describe("JSON Lines", () => {
  test("arrive as typed items, blank lines skipped, split anywhere", async () => {
    const bytes = new TextEncoder().encode(
      '{"id":"1","name":"a"}\n\n{"id":"2","name":"é"}\r\n{"id":"3","name":"c"}',
    );
    h.script = [inPieces("application/x-ndjson", bytes, 2)];
    const items = await h.client.exportPets(
      {},
      { baseUrl: h.server.baseUrl, throwOnError: true },
    );
    expect(await collect(items)).toEqual([
      { id: "1", name: "a" },
      { id: "2", name: "é" },
      { id: "3", name: "c" },
    ]);
    for (let i = 0; i <= bytes.length; i++) {
      const response = chunked("application/jsonl", [
        bytes.subarray(0, i),
        bytes.subarray(i),
      ]);
      const read = (await jsonLines(
        response,
        async () => undefined,
      )) as AsyncIterable<unknown>;
      expect(await collect(read)).toHaveLength(3);
    }
  });
});

describe("the media type picks the reader", () => {
  const FELL_BACK = Symbol("fallback");
  /** What a reader made of an answer of `type`: a stream's items, or FELL_BACK. */
  async function read(
    reader: (r: Response, f: () => Promise<unknown>) => unknown,
    type: string,
    body: string,
  ): Promise<unknown> {
    const got = await reader(
      new Response(body, { headers: { "Content-Type": type } }),
      async () => FELL_BACK,
    );
    return got === FELL_BACK ? got : collect(got as AsyncIterable<unknown>);
  }

  test("by its type and subtype, any case, parameters and spaces aside; a longer name is another type", async () => {
    const sse = eventStream(true);
    for (const type of [
      "text/event-stream",
      "TEXT/Event-Stream",
      "text/event-stream; charset=utf-8",
      "text/event-stream ;charset=utf-8",
    ])
      expect(await read(sse, type, 'data: {"a":1}\n\n'), type).toEqual([
        { data: { a: 1 } },
      ]);
    for (const type of [
      "text/event-stream-v2",
      "text/event-stream.json",
      "text/event-streams",
      "text/plain; x=text/event-stream",
    ])
      expect(await read(sse, type, 'data: {"a":1}\n\n'), type).toBe(FELL_BACK);
    for (const type of ["application/x-ndjson", "application/jsonl; q=1"])
      expect(await read(jsonLines, type, '{"a":1}\n'), type).toEqual([
        { a: 1 },
      ]);
    for (const type of ["application/x-ndjson-v2", "application/jsonl+json"])
      expect(await read(jsonLines, type, '{"a":1}\n'), type).toBe(FELL_BACK);
    const items = streamItems({});
    expect(await read(items, "application/json-seq", '\x1e{"a":1}\n')).toEqual([
      { a: 1 },
    ]);
    expect(await read(items, "application/json-seq-x", '\x1e{"a":1}\n')).toBe(
      FELL_BACK,
    );
  });
});
