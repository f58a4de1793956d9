import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, test, vi } from "vitest";
import { sdkHarness, type Answer } from "./sdk-harness.js";

// A call with no `timeout` or `totalTimeout` is bounded all the same: 60 s for each attempt's
// response headers, 10 minutes for the call (waits, retries and a body read whole), and a
// stream is not cut by the second once it has arrived. The defaults themselves are exercised,
// on the wire: setTimeout and clearTimeout are faked (the client's timers are theirs), the
// server and the sockets run on the real clock, and the body a server trickles arrives between
// two steps of the fake one.
const h = sdkHarness();
const pet = { path: { id: "1" } };
const MINUTE = 60_000;

/** The platform's setTimeout, taken before a test fakes it. */
const realSetTimeout = globalThis.setTimeout;
/** Lets the sockets run for `ms` real milliseconds. */
const io = (ms = 25) => new Promise((ok) => realSetTimeout(ok, ms));

/** Waits on the real clock until `done` holds, failing after 5 s. */
async function until(done: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !done(); waited += 10) {
    if (waited > 5_000) throw new Error(`still waiting: ${what}`);
    await io(10);
  }
}

/** `promise`'s outcome once it settles, readable at any time. */
function track(promise: Promise<unknown>) {
  const out = {
    settled: false,
    value: undefined as unknown,
    error: undefined as unknown,
  };
  promise.then(
    (value) => Object.assign(out, { settled: true, value }),
    (error: unknown) => Object.assign(out, { settled: true, error }),
  );
  return out;
}

/** Moves the fake clock `ms` ahead, then lets the sockets run. */
async function advance(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
  await io();
}

/** The answers `held` gave, closed after each test whatever it did. */
const answers: ServerResponse[] = [];

/** An answer the test writes itself: `res` once the request arrived, `closed` once it closed. */
function held(start: (res: ServerResponse) => void = () => {}) {
  const out = {
    res: undefined as ServerResponse | undefined,
    closed: false,
    answer: ((_req, res) => {
      out.res = res;
      answers.push(res);
      res.on("close", () => (out.closed = true));
      start(res);
    }) as Answer,
  };
  return out;
}

const fakeTimers = () =>
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
afterEach(() => {
  vi.useRealTimers();
  for (const res of answers.splice(0)) res.destroy();
});

describe("default timeouts, with no timeout option at all", () => {
  test("an attempt whose response headers do not come ends in a TimeoutError at 60 s", async () => {
    const server = held();
    h.script = [server.answer];
    fakeTimers();
    const call = track(
      h.client.getPet(pet, { baseUrl: h.server.baseUrl, retry: false }),
    );
    await until(() => server.res !== undefined, "the request");
    await advance(MINUTE - 1);
    expect(call.settled).toBe(false);
    await advance(1);
    await until(() => call.settled, "the call's end at 60 s");
    expect(call.error).toBeInstanceOf(h.client["TimeoutError"]);
    expect(call.error).toMatchObject({ scope: "attempt", timeout: MINUTE });
    await until(() => server.closed, "the request closed");
  });

  test("a body that trickles in a byte at a time ends in a TimeoutError at 10 minutes", async () => {
    const server = held((res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write('{"id":"1","name":"');
    });
    h.script = [server.answer];
    fakeTimers();
    const call = track(h.client.getPet(pet, { baseUrl: h.server.baseUrl }));
    await until(() => server.res !== undefined, "the request");
    await io();
    // a byte every 30 s of the fake clock: Node's fetch ends a body silent for 300 s by itself
    for (let half = 1; half < 20; half++) {
      server.res!.write("x");
      await advance(MINUTE / 2);
      expect(call.settled).toBe(false);
    }
    server.res!.write("x");
    await advance(MINUTE / 2 - 1);
    expect(call.settled).toBe(false);
    await advance(1);
    await until(() => call.settled, "the call's end at 10 minutes");
    expect(call.error).toBeInstanceOf(h.client["TimeoutError"]);
    expect(call.error).toMatchObject({ scope: "total", timeout: 10 * MINUTE });
    await until(() => server.closed, "the request closed");
  });

  test("a stream that keeps sending events is not cut at 10 minutes", async () => {
    const event = (n: number) => `data: {"id":"${n}","name":"Rex"}\n\n`;
    const server = held((res) => {
      res.writeHead(200, { "Content-Type": "text/event-stream" });
      res.write(event(0));
    });
    h.script = [server.answer];
    fakeTimers();
    const events = (await h.client.watchPets(
      {},
      { baseUrl: h.server.baseUrl, throwOnError: true },
    )) as AsyncIterableIterator<{ data: { id: string } }>;
    expect((await events.next()).value).toMatchObject({ data: { id: "0" } });
    for (let minute = 1; minute <= 12; minute++) {
      await advance(MINUTE);
      server.res!.write(event(minute));
      expect((await events.next()).value).toMatchObject({
        data: { id: String(minute) },
      });
    }
    server.res!.end();
    expect((await events.next()).done).toBe(true);
  });
});

describe("turning the defaults off or down", () => {
  test("Infinity turns each off, for a call or for a client; a call's own bound wins over its client's", async () => {
    // headers after 4 minutes (past the attempt's 60 s), a body for 12 more (past the call's 10)
    const server = held();
    h.script = [server.answer];
    fakeTimers();
    const api = h.client.createClient({
      baseUrl: h.server.baseUrl,
      retry: false,
      totalTimeout: Infinity,
    });
    const call = track(api.getPet!(pet, { timeout: Infinity }));
    await until(() => server.res !== undefined, "the request");
    for (let minute = 1; minute <= 4; minute++) await advance(MINUTE);
    expect(call.settled).toBe(false);
    const res = server.res!;
    res.writeHead(200, { "Content-Type": "application/json" });
    res.write('{"id":"1","name":"');
    await io();
    for (let minute = 1; minute <= 12; minute++) {
      res.write("x");
      await advance(MINUTE);
    }
    res.end('"}');
    await until(() => call.settled, "the call's answer");
    expect(call.value).toMatchObject({ ok: true, data: { id: "1" } });

    // the same client, a call with a bound of its own: 5 minutes
    const again = held((r) => {
      r.writeHead(200, { "Content-Type": "application/json" });
      r.write('{"id":"1"');
    });
    h.script = [again.answer];
    const bounded = track(api.getPet!(pet, { totalTimeout: 5 * MINUTE }));
    await until(() => again.res !== undefined, "the second request");
    await io();
    for (let minute = 1; minute <= 5; minute++) {
      again.res!.write(" ");
      await advance(MINUTE);
    }
    await until(() => bounded.settled, "the call's end at 5 minutes");
    expect(bounded.error).toMatchObject({
      scope: "total",
      timeout: 5 * MINUTE,
    });
  });

  test("0 is a bound of 0 ms, not no bound: the call times out at once", async () => {
    const server = held();
    h.script = [server.answer];
    for (const option of [{ timeout: 0 }, { totalTimeout: 0 }]) {
      const error = await h.client
        .getPet(pet, { baseUrl: h.server.baseUrl, retry: false, ...option })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ name: "TimeoutError", timeout: 0 });
    }
  });
});
