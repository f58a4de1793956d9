import type { ServerResponse } from "node:http";
import { afterEach, describe, expect, test, vi } from "vitest";
import { sdkHarness, type Answer } from "./sdk-harness.js";

// On Node, once a fetch is seen to send through the dispatcher a call gives it (issue 58), the
// time limits abort a request without giving fetch a signal: the call ends at its limit with the
// error it always had, and the server sees the request closed. A caller's signal is handed on to
// fetch, as openapi-fetch hands it on.
const h = sdkHarness();
const pet = { path: { id: "1" } };
const answers: ServerResponse[] = [];
afterEach(() => {
  vi.unstubAllGlobals();
  for (const res of answers.splice(0)) res.destroy();
});

/** An answer that never ends (headers and part of a body when `start` writes them). */
function held(start: (res: ServerResponse) => void = () => {}) {
  const out = {
    closed: false,
    answer: ((_req, res) => {
      answers.push(res);
      res.on("close", () => (out.closed = true));
      start(res);
    }) as Answer,
  };
  return out;
}

/** The platform's fetch in place, recording the init of each call. */
function recorded() {
  const inits: RequestInit[] = [];
  const platform = globalThis.fetch;
  vi.stubGlobal("fetch", (input: string, init?: RequestInit) => {
    inits.push(init ?? {});
    return platform(input, init);
  });
  return { inits };
}

async function until(done: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !done(); waited += 10) {
    if (waited > 5_000) throw new Error(`still waiting: ${what}`);
    await new Promise((ok) => setTimeout(ok, 10));
  }
}

describe("the limits of a call on Node's fetch, through its dispatcher", () => {
  test("a fetch seen to send through the dispatcher is given no signal afterwards", async () => {
    const { inits } = recorded();
    const options = { baseUrl: h.server.baseUrl };
    await h.client.getPet(pet, options);
    await h.client.getPet(pet, options);
    expect(inits[0]!.signal).toBeInstanceOf(AbortSignal);
    expect(inits[1]!.signal).toBeUndefined();
    expect(inits[1]).toHaveProperty("dispatcher");
  });

  test("an attempt past its timeout, a body past the total one, and the caller's abort: their errors, the request closed", async () => {
    const { inits } = recorded();
    const base = { baseUrl: h.server.baseUrl, retry: false as const };
    await h.client.getPet(pet, base);

    const headers = held();
    h.script = [headers.answer];
    const late = await h.client
      .getPet(pet, { ...base, timeout: 100 })
      .catch((e: unknown) => e);
    expect(late).toBeInstanceOf(h.client["TimeoutError"]);
    expect(late).toMatchObject({ scope: "attempt", timeout: 100 });
    await until(
      () => headers.closed,
      "the request closed at the attempt's timeout",
    );

    const body = held((res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.write('{"id":"1","name":"');
    });
    h.script = [body.answer];
    const slow = await h.client
      .getPet(pet, { ...base, totalTimeout: 150 })
      .catch((e: unknown) => e);
    expect(slow).toMatchObject({
      name: "TimeoutError",
      scope: "total",
      timeout: 150,
    });
    await until(() => body.closed, "the request closed at the total timeout");

    const aborted = held();
    h.script = [aborted.answer];
    const controller = new AbortController();
    const reason = new Error("enough");
    setTimeout(() => controller.abort(reason), 100);
    const error = await h.client
      .getPet(pet, { ...base, signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBe(reason);
    await until(
      () => aborted.closed,
      "the request closed at the caller's abort",
    );
    const signals = inits.slice(1).map((i) => i.signal);
    expect(signals.slice(0, 2)).toEqual([undefined, undefined]);
    expect(signals[2]?.aborted).toBe(true);
    expect(signals[2]?.reason).toBe(reason);
  });
});
