import { afterEach, describe, expect, test, vi } from "vitest";
import { send } from "../../templates/client/runtime.js";

// What one call hands the platform's fetch (issue 58): the URL and an init, so that fetch makes
// the only Request; a signal only when the call has a limit (the defaults have two), since a
// signal costs fetch more than the controller that makes it.

const answer = () =>
  new Response('{"a":1}', { headers: { "Content-Type": "application/json" } });
const spec = { method: "GET", path: "/a", accept: "application/json" };
const BASE = "http://127.0.0.1:9";

afterEach(() => vi.unstubAllGlobals());

describe("a call through the platform's fetch", () => {
  test("gives it the URL and an init with the defaults' signal: no Request of its own", async () => {
    const calls: [unknown, RequestInit | undefined][] = [];
    vi.stubGlobal("fetch", async (input: unknown, init?: RequestInit) => {
      calls.push([input, init]);
      return answer();
    });
    const result = await send({ baseUrl: BASE }, {}, undefined, spec);
    expect(result).toMatchObject({ ok: true, data: { a: 1 } });
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toBe(BASE + "/a");
    expect(calls[0]![1]).toMatchObject({ method: "GET", redirect: "manual" });
    expect(calls[0]![1]!.signal).toBeInstanceOf(AbortSignal);
    expect(new Headers(calls[0]![1]!.headers).get("Accept")).toBe(
      "application/json",
    );
  });

  test("without any limit and without a signal of the caller's, sends no signal", async () => {
    const signals: unknown[] = [];
    vi.stubGlobal("fetch", async (_input: unknown, init?: RequestInit) => {
      signals.push(init?.signal);
      return answer();
    });
    const limits = { timeout: Infinity, totalTimeout: Infinity };
    await send({ baseUrl: BASE, ...limits }, {}, undefined, spec);
    const caller = new AbortController();
    await send(
      { baseUrl: BASE, ...limits },
      {},
      { signal: caller.signal },
      spec,
    );
    await send({ baseUrl: BASE, timeout: Infinity }, {}, undefined, spec);
    expect(signals[0]).toBeUndefined();
    expect(signals[1]).toBeInstanceOf(AbortSignal);
    expect(signals[2]).toBeInstanceOf(AbortSignal);
  });
});
