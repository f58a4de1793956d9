import fc from "fast-check";
import type { ServerResponse } from "node:http";
import { describe, expect, test, vi } from "vitest";
import { jsonLines } from "../../templates/client/stream.js";
import { drain, hostileHarness, type Answer } from "./hostile-harness.js";

// Issue 41, deliverable 3: streams are bounded. A server-sent event stream or a JSON Lines
// body that sends one 50 MiB line, an event without end, or never ends at all: the iteration
// ends (a StreamLimitError past maxLineBytes, the caller's break or signal) and the request is
// closed, which the server sees. Time and memory as a line grows: `npm run bench`
// (bench/stream.mjs), never a timed test.
const h = hostileHarness();
const MiB = 1024 * 1024;
const SSE = "text/event-stream";
const NDJSON = "application/x-ndjson";

interface Flood {
  /** Bytes written, and whether the client closed the connection. */
  written: number;
  closed: boolean;
}

/**
 * Writes `head`, then `fill` again and again (waiting for the socket to drain) until `total`
 * bytes or until the client closes the connection, then `tail`. Every flood ends by itself.
 */
function flood(
  type: string,
  head: string,
  fill: string,
  total: number,
  tail = "",
  onWrite: (stats: Flood) => void = () => {},
): { answer: Answer; stats: Flood } {
  const stats: Flood = { written: 0, closed: false };
  const chunk = Buffer.from(
    fill.repeat(Math.max(1, Math.floor(65536 / fill.length))),
  );
  const answer = (_req: unknown, res: ServerResponse) => {
    res.writeHead(200, { "Content-Type": type });
    res.on("close", () => (stats.closed = true));
    res.write(head);
    const pump = () => {
      while (!stats.closed && stats.written < total) {
        stats.written += chunk.length;
        const more = res.write(chunk);
        onWrite(stats);
        if (!more) return void res.once("drain", pump);
      }
      if (!stats.closed) res.end(tail);
    };
    pump();
  };
  return { answer, stats };
}

const closed = (stats: Flood) =>
  vi.waitFor(() => expect(stats.closed).toBe(true), { timeout: 10_000 });

describe("one 50 MiB line", () => {
  for (const [name, type, path, head, tail] of [
    ["server-sent events", SSE, "/events", 'data: {"id":"', '"}\n\n'],
    ["JSON Lines", NDJSON, "/export", '{"id":"', '"}\n'],
  ] as const)
    test(`${name}: ends with a StreamLimitError at maxLineBytes (4 MiB by default), and the request is closed`, async () => {
      const { answer, stats } = flood(type, head, "x", 50 * MiB, tail);
      h.api.routes[path] = answer;
      const call = path === "/events" ? "watchPets" : "exportPets";
      const stream = await h.client[call]!(
        {},
        {
          baseUrl: h.api.url,
          throwOnError: true,
        },
      );
      const { items, error } = await drain(stream);
      expect(items).toEqual([]);
      expect(error).toBeInstanceOf(h.errors.StreamLimitError);
      expect(error).toMatchObject({ name: "StreamLimitError", limit: 4 * MiB });
      await closed(stats);
      // stopped reading near the limit: what the sockets' buffers hold besides
      expect(stats.written).toBeLessThan(50 * MiB);
    });

  test("is read whole when maxLineBytes allows it", async () => {
    h.api.routes["/export"] = flood(
      NDJSON,
      '{"id":"',
      "x",
      50 * MiB,
      '"}\n{"id":"2"}\n',
    ).answer;
    const stream = await h.client.exportPets!(
      {},
      {
        baseUrl: h.api.url,
        throwOnError: true,
        maxLineBytes: 64 * MiB,
      },
    );
    const lengths: number[] = [];
    for await (const item of stream)
      lengths.push((item as { id: string }).id.length);
    // the fill is written in whole 64 KiB chunks: 50 MiB exactly
    expect(lengths).toEqual([50 * MiB, 1]);
  });
});

describe("the limit counts bytes", () => {
  test("a line of exactly maxLineBytes bytes passes, one byte more ends the stream (é is two bytes)", async () => {
    // `{"id":"` + a + é × 495 + `"}` is 1,000 bytes but 505 characters
    for (const [extra, ok] of [
      ["a", true],
      ["aa", false],
    ] as const) {
      const line = `{"id":"${extra}${"é".repeat(495)}"}`;
      h.api.routes["/export"] = (_req, res) => {
        res.writeHead(200, { "Content-Type": NDJSON });
        res.end(`${line}\r\n{"id":"next"}\n`);
      };
      const { items, error } = await drain(
        await h.client.exportPets!(
          {},
          { baseUrl: h.api.url, throwOnError: true, maxLineBytes: 1000 },
        ),
      );
      if (ok)
        expect({ n: items.length, error }).toEqual({ n: 2, error: undefined });
      else {
        expect(items).toEqual([]);
        expect(error).toMatchObject({ name: "StreamLimitError", limit: 1000 });
      }
    }
  });

  test("an event's data lines together count: many short lines with no blank line end the stream", async () => {
    const { answer, stats } = flood(SSE, "", "data: 0123456789\n", 256 * MiB);
    h.api.routes["/events"] = answer;
    const { items, error } = await drain(
      await h.client.watchPets!(
        {},
        {
          baseUrl: h.api.url,
          throwOnError: true,
          maxLineBytes: MiB,
        },
      ),
    );
    expect(items).toEqual([]);
    expect(error).toMatchObject({ name: "StreamLimitError", limit: MiB });
    await closed(stats);
  });
});

describe("a stream without end", () => {
  test("of events: breaking out closes the request", async () => {
    const { answer, stats } = flood(SSE, "", 'data: {"id":"n"}\n\n', 256 * MiB);
    h.api.routes["/events"] = answer;
    const stream = await h.client.watchPets!(
      {},
      {
        baseUrl: h.api.url,
        throwOnError: true,
      },
    );
    let n = 0;
    for await (const event of stream) {
      expect(event).toEqual({ data: { id: "n" } });
      if (++n === 10_000) break;
    }
    await closed(stats);
  });

  test("of comments only, which never yields: the call's signal ends it and closes the request", async () => {
    const controller = new AbortController();
    const reason = new Error("enough");
    // the server aborts once it has sent 8 MiB: no clock involved
    const { answer, stats } = flood(
      SSE,
      "",
      ": keep-alive\n\n",
      256 * MiB,
      "",
      (s) => {
        if (s.written > 8 * MiB) controller.abort(reason);
      },
    );
    h.api.routes["/events"] = answer;
    const stream = await h.client.watchPets!(
      {},
      {
        baseUrl: h.api.url,
        throwOnError: true,
        signal: controller.signal,
      },
    );
    const { items, error } = await drain(stream);
    expect(items).toEqual([]);
    expect(error).toBe(reason);
    await closed(stats);
  });

  test("of one line without a line end: ends at maxLineBytes", async () => {
    const { answer, stats } = flood(NDJSON, "", "y", 256 * MiB);
    h.api.routes["/export"] = answer;
    const { error } = await drain(
      await h.client.exportPets!(
        {},
        {
          baseUrl: h.api.url,
          throwOnError: true,
          maxLineBytes: 64 * 1024,
        },
      ),
    );
    expect(error).toMatchObject({ name: "StreamLimitError", limit: 64 * 1024 });
    await closed(stats);
  });
});

describe("lines split anywhere (fast-check)", () => {
  /** A Response whose body arrives in exactly the chunks given. */
  const chunked = (chunks: Uint8Array[]) =>
    new Response(
      new ReadableStream<Uint8Array>({
        start(c) {
          for (const chunk of chunks) c.enqueue(chunk);
          c.close();
        },
      }),
      { headers: { "Content-Type": NDJSON } },
    );

  test("JSON Lines read the same whatever the chunks, line ends and characters", async () => {
    const value = fc.string({
      unit: fc.constantFrom("a", "é", "🐈", "\r", "\n", '"', "\u2028", " "),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            value,
            fc.constantFrom("\n", "\r\n", "\r", "\n\n", "\r\n\r\n"),
          ),
          { maxLength: 8 },
        ),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (lines, bom, cuts) => {
          const text =
            (bom ? "\uFEFF" : "") +
            lines.map(([v, end]) => JSON.stringify(v) + end).join("");
          const bytes = new TextEncoder().encode(text);
          const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort(
            (a, b) => a - b,
          );
          const chunks = [0, ...at].map((from, i) =>
            bytes.subarray(from, [...at, bytes.length][i]),
          );
          const read = (await jsonLines(
            chunked(chunks),
            async () => undefined,
          )) as AsyncIterable<unknown>;
          const items: unknown[] = [];
          for await (const item of read) items.push(item);
          expect(items).toEqual(lines.map(([v]) => v));
        },
      ),
      { numRuns: 300, seed: 41 },
    );
  });
});
