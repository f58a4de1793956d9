import { createServer as createTcpServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import type { ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { describe, expect, test, vi } from "vitest";
import { hostileHarness, json, type Answer } from "./hostile-harness.js";

// Issue 41 (runtime41 c): the client reads a response body up to `maxResponseBytes` (32 MiB by
// default), counting as it reads: an endless body, a Content-Length that lies, a compressed
// bomb, a huge error body all end with a ResponseTooLargeError, the request closed (the server
// sees it), having read about the limit; the OAuth token answer the same with its own limit
// (1 MiB) and a timeout. Servers on 127.0.0.1 only, each ending what it writes by itself.
const h = hostileHarness();
const MiB = 1024 * 1024;

interface Flood {
  written: number;
  closed: boolean;
}

/** `status` with `type`, then `fill` again and again until `total` bytes or the client hangs up. */
function flood(
  type: string,
  total: number,
  status = 200,
  head = "[",
): { answer: Answer; stats: Flood } {
  const stats: Flood = { written: 0, closed: false };
  const chunk = Buffer.from("0,".repeat(32768));
  const answer = (_req: unknown, res: ServerResponse) => {
    res.writeHead(status, { "Content-Type": type });
    res.on("close", () => (stats.closed = true));
    res.write(head);
    const pump = () => {
      while (!stats.closed && stats.written < total) {
        stats.written += chunk.length;
        if (!res.write(chunk)) return void res.once("drain", pump);
      }
      if (!stats.closed) res.end("0]");
    };
    pump();
  };
  return { answer, stats };
}

const closed = (stats: { closed: boolean }) =>
  vi.waitFor(() => expect(stats.closed).toBe(true), { timeout: 10_000 });

/** The call's outcome, and the most external (ArrayBuffer) memory seen above the start. */
async function measured(
  call: () => Promise<unknown>,
): Promise<{ result: unknown; error: unknown; peak: number }> {
  const start = process.memoryUsage().arrayBuffers;
  let peak = 0;
  const sample = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().arrayBuffers - start);
  }, 2);
  try {
    return { result: await call(), error: undefined, peak };
  } catch (error) {
    return { result: undefined, error, peak };
  } finally {
    clearInterval(sample);
  }
}

/** A raw TCP server on 127.0.0.1 that writes `head` and then what `then` does with the socket. */
async function rawServer(
  head: string,
  then: (socket: Socket) => void = () => {},
): Promise<{ url: string; closed: boolean; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const state = { url: "", closed: false, close: async () => {} };
  const server = createTcpServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    socket.on("close", () => (state.closed = true));
    socket.once("data", () => {
      socket.write(head);
      then(socket);
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((ok) => {
      for (const s of sockets) s.destroy();
      server.close(() => ok());
    });
  return state;
}

const tooLarge = (limit: number, status: number) => ({
  name: "ResponseTooLargeError",
  limit,
  status,
  operation: "getThing",
});

describe("an endless body", () => {
  test("ends at maxResponseBytes (32 MiB by default) with a ResponseTooLargeError, the request closed", async () => {
    const { answer, stats } = flood("application/json", 512 * MiB);
    h.api.routes["/things/1"] = answer;
    const { error, peak } = await measured(() =>
      h.client.getThing!({ path: { id: "1" } }, { baseUrl: h.api.url }),
    );
    expect(error).toBeInstanceOf(
      (h.errors as Record<string, new () => Error>)["ResponseTooLargeError"]!,
    );
    expect(error).toMatchObject(tooLarge(32 * MiB, 200));
    expect(String(error)).toContain(
      "body over 33554432 bytes (maxResponseBytes)",
    );
    await closed(stats);
    // read about the limit: what the sockets' buffers hold besides, never the 512 MiB
    expect(stats.written).toBeLessThan(32 * MiB + 24 * MiB);
    expect(peak).toBeLessThan(3 * 32 * MiB);
  });

  test("a smaller limit per call holds less", async () => {
    const { answer, stats } = flood("text/plain", 512 * MiB);
    h.api.routes["/things/1"] = answer;
    const { error, peak } = await measured(() =>
      h.client.getThing!(
        { path: { id: "1" } },
        { baseUrl: h.api.url, maxResponseBytes: MiB, throwOnError: true },
      ),
    );
    expect(error).toMatchObject(tooLarge(MiB, 200));
    await closed(stats);
    expect(stats.written).toBeLessThan(MiB + 24 * MiB);
    expect(peak).toBeLessThan(32 * MiB);
  });

  test("a binary answer (a Blob) is bounded the same", async () => {
    const { answer, stats } = flood("application/octet-stream", 512 * MiB);
    h.api.routes["/things/1"] = answer;
    const { error } = await measured(() =>
      h.client.getThing!(
        { path: { id: "1" } },
        { baseUrl: h.api.url, maxResponseBytes: 2 * MiB },
      ),
    );
    expect(error).toMatchObject(tooLarge(2 * MiB, 200));
    await closed(stats);
  });

  test("a huge error body ends the same, with or without throwOnError", async () => {
    for (const throwOnError of [false, true]) {
      const { answer, stats } = flood("application/json", 512 * MiB, 404);
      h.api.routes["/things/1"] = answer;
      const { error } = await measured(() =>
        h.client.getThing!(
          { path: { id: "1" } },
          { baseUrl: h.api.url, maxResponseBytes: MiB, throwOnError },
        ),
      );
      expect(error).toMatchObject(tooLarge(MiB, 404));
      await closed(stats);
      expect(stats.written).toBeLessThan(MiB + 24 * MiB);
    }
  });

  test("a compressed bomb counts the bytes it expands to", async () => {
    // 256 MiB of JSON in about 256 KiB of gzip: its Content-Length is far under the limit
    const bomb = gzipSync(Buffer.alloc(256 * MiB, "0"), { level: 9 });
    expect(bomb.length).toBeLessThan(MiB);
    h.api.routes["/things/1"] = (_req, res) => {
      res.writeHead(200, {
        "Content-Type": "application/json",
        "Content-Encoding": "gzip",
        "Content-Length": String(bomb.length),
      });
      res.end(bomb);
    };
    const { error, peak } = await measured(() =>
      h.client.getThing!(
        { path: { id: "1" } },
        { baseUrl: h.api.url, maxResponseBytes: 4 * MiB },
      ),
    );
    expect(error).toMatchObject(tooLarge(4 * MiB, 200));
    expect(peak).toBeLessThan(64 * MiB);
  });
});

/** Writes 64 KiB of `fill` again and again, `total` bytes or until the client hangs up. */
const pour =
  (fill: string, total: number) =>
  (socket: Socket): void => {
    const chunk = Buffer.alloc(65536, fill);
    let written = 0;
    const pump = () => {
      while (!socket.destroyed && written < total) {
        written += chunk.length;
        if (!socket.write(chunk)) return void socket.once("drain", pump);
      }
      socket.end();
    };
    pump();
  };

describe("a Content-Length that lies", () => {
  test("64 GiB announced, the bytes pouring in: the count stops them at the limit", async () => {
    const server = await rawServer(
      "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 68719476736\r\n\r\n[",
      pour("0", 512 * MiB),
    );
    try {
      const { error, peak } = await measured(() =>
        h.client.getThing!(
          { path: { id: "1" } },
          { baseUrl: server.url, maxResponseBytes: 4 * MiB },
        ),
      );
      expect(error).toMatchObject(tooLarge(4 * MiB, 200));
      expect(peak).toBeLessThan(64 * MiB);
      await closed(server);
    } finally {
      await server.close();
    }
  });

  test("16 bytes announced, 256 MiB following: the body ends at the length, what follows is never read", async () => {
    const server = await rawServer(
      "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 16\r\n\r\n",
      pour("a", 256 * MiB),
    );
    try {
      const { result, error, peak } = await measured(() =>
        h.client.getThing!({ path: { id: "1" } }, { baseUrl: server.url }),
      );
      expect(error).toBeUndefined();
      expect(result).toMatchObject({ status: 200, data: "a".repeat(16) });
      expect(peak).toBeLessThan(64 * MiB);
      await closed(server);
    } finally {
      await server.close();
    }
  });
});

describe("the limit", () => {
  test("a body of exactly maxResponseBytes passes, one byte more does not; a call's option wins over the client's", async () => {
    const body = JSON.stringify({ id: "x".repeat(91) }); // 100 bytes
    expect(body.length).toBe(100);
    h.api.routes["/things/1"] = (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(body);
    };
    const client = (h.client.createClient as (o: object) => typeof h.client)({
      baseUrl: h.api.url,
      maxResponseBytes: 100,
    });
    const ok = await client.getThing!({ path: { id: "1" } });
    expect(ok).toMatchObject({ ok: true, data: { id: "x".repeat(91) } });
    await expect(
      client.getThing!({ path: { id: "1" } }, { maxResponseBytes: 99 }),
    ).rejects.toMatchObject(tooLarge(99, 200));
    // and a call may allow more than its client
    expect(
      await client.getThing!({ path: { id: "1" } }, { maxResponseBytes: 1e9 }),
    ).toMatchObject({ ok: true });
  });

  test("Infinity reads without a bound; NaN refuses every body rather than any", async () => {
    h.api.routes["/things/1"] = json({ id: "1" });
    expect(
      await h.client.getThing!(
        { path: { id: "1" } },
        { baseUrl: h.api.url, maxResponseBytes: Infinity },
      ),
    ).toMatchObject({ ok: true, data: { id: "1" } });
    await expect(
      h.client.getThing!(
        { path: { id: "1" } },
        { baseUrl: h.api.url, maxResponseBytes: NaN },
      ),
    ).rejects.toMatchObject({ name: "ResponseTooLargeError" });
  });
});

describe("the OAuth token answer", () => {
  test("is read up to 1 MiB: an endless one rejects with a ResponseTooLargeError, the request closed", async () => {
    const { answer, stats } = flood(
      "application/json",
      512 * MiB,
      200,
      '{"a":[',
    );
    h.api.routes["/token"] = answer;
    const oauth = h.oauth.clientCredentials({
      tokenUrl: h.api.url + "/token",
      clientId: "app",
      clientSecret: "s",
    });
    await expect(oauth.token()).rejects.toMatchObject({
      name: "ResponseTooLargeError",
      limit: MiB,
      operation: "clientCredentials",
    });
    await closed(stats);
    expect(stats.written).toBeLessThan(MiB + 24 * MiB);
  });

  test("that never comes ends at the token request's timeout, and so does the call waiting for it", async () => {
    h.api.routes["/token"] = () => {}; // never answered
    const oauth = h.oauth.clientCredentials({
      tokenUrl: h.api.url + "/token",
      clientId: "app",
      clientSecret: "s",
      timeout: 200,
    });
    h.api.routes["/things/1"] = json({ id: "1" });
    await expect(
      h.client.getThing!(
        { path: { id: "1" } },
        { baseUrl: h.api.url, auth: { token: oauth.token } },
      ),
    ).rejects.toMatchObject({ name: "TimeoutError" });
    expect(h.calls).toEqual([]);
  });

  test("that is not JSON says the status, not a parse error", async () => {
    h.api.routes["/token"] = (_req, res) => {
      res.writeHead(502, { "Content-Type": "text/html" });
      res.end("<html>bad gateway</html>");
    };
    const oauth = h.oauth.clientCredentials({
      tokenUrl: h.api.url + "/token",
      clientId: "app",
      clientSecret: "s",
    });
    await expect(oauth.token()).rejects.toThrow(
      "the token endpoint answered 502",
    );
  });
});
