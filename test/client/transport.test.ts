import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, test, vi } from "vitest";
import { drop, json, sdkHarness, slow } from "./sdk-harness.js";

// Retries, timeouts and middleware of the generated client (issue 25, items 2 to 4).
const h = sdkHarness();
const pet = { path: { id: "1" } };
const body = { id: "1", name: "Rex" };

describe("retries", () => {
  test("a 503 with Retry-After: 1 is tried again after 1 s, and the second answer is the result", async () => {
    h.script = [json(503, {}, { "Retry-After": "1" }), json(200, body)];
    const { waits, options } = h.recorded();
    const r = await h.client.getPet(pet, options);
    expect(r).toMatchObject({ ok: true, status: 200, data: body });
    expect(h.received).toHaveLength(2);
    expect(waits).toEqual([1000]);
  });

  test("Retry-After as an HTTP date waits until then, and a long one is capped by maxDelay", async () => {
    const inThree = new Date(Date.now() + 3000).toUTCString();
    h.script = [json(429, {}, { "Retry-After": inThree }), json(200, body)];
    const { waits, options } = h.recorded();
    await h.client.getPet(pet, options);
    // an HTTP date has whole seconds: between 2 and 3 s from now
    expect(waits[0]).toBeGreaterThan(1000);
    expect(waits[0]).toBeLessThanOrEqual(3000);
    h.server.received.length = 0;
    h.script = [json(503, {}, { "Retry-After": "3600" }), json(200, body)];
    const capped = h.recorded({ retry: { maxDelay: 2000 } });
    await h.client.getPet(pet, capped.options);
    expect(capped.waits).toEqual([2000]);
  });

  test("a dropped connection is retried with exponential backoff and jitter, up to `attempts`", async () => {
    h.script = [drop];
    const { waits, options } = h.recorded({
      retry: { attempts: 4, delay: 100 },
    });
    await expect(h.client.getPet(pet, options)).rejects.toThrow(TypeError);
    expect(h.received).toHaveLength(4);
    expect(waits).toHaveLength(3);
    waits.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual(100 * 2 ** i * 0.5);
      expect(ms).toBeLessThan(100 * 2 ** i);
    });
  });

  test("the last retryable answer is returned once attempts run out (3 by default)", async () => {
    h.script = [json(502, { gateway: true })];
    const { waits, options } = h.recorded();
    expect(await h.client.getPet(pet, options)).toMatchObject({
      ok: false,
      status: 502,
      error: { gateway: true },
    });
    expect(h.received).toHaveLength(3);
    expect(waits).toHaveLength(2);
  });

  test("with no retry option at all, a GET gets 3 attempts (the default is on)", async () => {
    h.script = [json(503, {}, { "Retry-After": "0" })];
    await h.client.getPet(pet, { baseUrl: h.server.baseUrl });
    expect(h.received).toHaveLength(3);
  });

  test("a status not in the list is not retried", async () => {
    h.script = [json(404, { missing: "1" }), json(200, body)];
    const { options } = h.recorded();
    expect(await h.client.getPet(pet, options)).toMatchObject({ status: 404 });
    expect(h.received).toHaveLength(1);
  });

  test("POST is not retried unless it carries an Idempotency-Key, which is sent again as it was", async () => {
    h.script = [json(503, {}), json(201, body)];
    const { options } = h.recorded();
    expect(await h.client.createPet({ body }, options)).toMatchObject({
      status: 503,
    });
    expect(h.received).toHaveLength(1);
    h.server.received.length = 0;
    const keyed = await h.client.createPet(
      { body },
      { ...options, headers: { "Idempotency-Key": "k-1" } },
    );
    expect(keyed).toMatchObject({ ok: true, status: 201 });
    expect(h.received.map((r) => r.headers["idempotency-key"])).toEqual([
      "k-1",
      "k-1",
    ]);
    expect(h.received.map((r) => r.body.toString())).toEqual([
      JSON.stringify(body),
      JSON.stringify(body),
    ]);
  });

  test("PUT is retried with its body; a one-shot stream body is never sent twice", async () => {
    h.script = [json(503, {}), json(200, body)];
    const { options } = h.recorded();
    await h.client.putPet({ path: { id: "1" }, body }, options);
    expect(h.received.map((r) => r.body.toString())).toEqual([
      JSON.stringify(body),
      JSON.stringify(body),
    ]);
    h.server.received.length = 0;
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode("bytes"));
        c.close();
      },
    });
    const r = await h.client.putFile(
      { path: { id: "1" }, body: stream },
      options,
    );
    expect(r.status).toBe(503);
    expect(h.received).toHaveLength(1);
    expect(h.received[0]!.body.toString()).toBe("bytes");
  });

  test("retry: false turns retries off; a client's retry options are merged under a call's", async () => {
    h.script = [json(503, {})];
    const { options } = h.recorded({ retry: false });
    await h.client.getPet(pet, options);
    expect(h.received).toHaveLength(1);
    h.server.received.length = 0;
    const waits: number[] = [];
    const api = h.client.createClient({
      baseUrl: h.server.baseUrl,
      retry: { attempts: 5, wait: async (ms: number) => void waits.push(ms) },
    });
    await api.getPet!(pet);
    expect(h.received).toHaveLength(5);
    h.server.received.length = 0;
    await api.getPet!(pet, { retry: { attempts: 2 } });
    expect(h.received).toHaveLength(2);
    expect(waits).toHaveLength(5); // 4 + 1, through the client's wait
  });

  test("the caller's abort during a wait ends the call without another attempt", async () => {
    h.script = [json(503, {})];
    const controller = new AbortController();
    const options = {
      baseUrl: h.server.baseUrl,
      signal: controller.signal,
      retry: {
        wait: (_ms: number, signal: AbortSignal) => {
          controller.abort(new Error("stop"));
          return Promise.reject(signal.reason);
        },
      },
    };
    await expect(h.client.getPet(pet, options)).rejects.toThrow("stop");
    expect(h.received).toHaveLength(1);
  });
});

describe("timeouts", () => {
  test("an attempt that takes too long rejects with TimeoutError and is retried", async () => {
    h.script = [slow(5000, json(200, body))];
    const { options } = h.recorded({ timeout: 50, retry: { attempts: 2 } });
    const error = await h.client.getPet(pet, options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(h.client["TimeoutError"]);
    expect(error).toMatchObject({
      name: "TimeoutError",
      scope: "attempt",
      timeout: 50,
    });
    expect(h.received).toHaveLength(2);
  });

  test("the total timeout ends the call, retries and waits included, and is not retried", async () => {
    h.script = [slow(5000, json(200, body))];
    const { options } = h.recorded({ totalTimeout: 80 });
    await expect(h.client.getPet(pet, options)).rejects.toMatchObject({
      name: "TimeoutError",
      scope: "total",
    });
    expect(h.received).toHaveLength(1);
  });

  test("Infinity is no bound, and a timeout past setTimeout's 2^31-1 ms is not run at once", async () => {
    // setTimeout runs a delay of Infinity or of 2^31 ms within 1 ms: before, each of these calls
    // rejected with "the call took longer than Infinity ms" while the server was still answering
    for (const ms of [Infinity, 2 ** 31, 3e9]) {
      h.script = [slow(150, json(200, body))];
      const { options } = h.recorded({ timeout: ms, totalTimeout: ms });
      expect(await h.client.getPet(pet, options)).toMatchObject({
        ok: true,
        data: body,
      });
    }
  });

  test("a delay past 2^31-1 ms is waited in steps: it runs when it is due, not before", async () => {
    const { after } = (await import(
      pathToFileURL(join(h.dir, "client/timeouts.ts")).href
    )) as { after: (ms: number, run: () => void) => () => void };
    vi.useFakeTimers();
    try {
      const longest = 2 ** 31 - 1;
      const runs: string[] = [];
      after(longest + 5_000, () => runs.push("long"));
      after(Infinity, () => runs.push("never"));
      const cancel = after(longest * 2, () => runs.push("cancelled"));
      vi.advanceTimersByTime(longest + 4_999);
      expect(runs).toEqual([]);
      vi.advanceTimersByTime(1);
      expect(runs).toEqual(["long"]);
      cancel();
      vi.advanceTimersByTime(longest * 3);
      expect(runs).toEqual(["long"]);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  test("the caller's abort is not a TimeoutError", async () => {
    h.script = [slow(5000, json(200, body))];
    const controller = new AbortController();
    const { options } = h.recorded({
      timeout: 5000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 30);
    const error = await h.client.getPet(pet, options).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(h.client["TimeoutError"]);
    expect((error as Error).name).toBe("AbortError");
    expect(h.received).toHaveLength(1);
  });
});

describe("middleware", () => {
  test("onRequest runs per attempt, in order (client's, then call's), and may replace the request", async () => {
    h.script = [json(503, {}), json(200, body)];
    const seen: string[] = [];
    const api = h.client.createClient({
      baseUrl: h.server.baseUrl,
      retry: { wait: async () => {} },
      middleware: [
        {
          onRequest: ({ request, attempt, operation }: any) => {
            seen.push(`client ${operation} ${attempt}`);
            const next = new Request(request);
            next.headers.set("X-Attempt", String(attempt));
            return next;
          },
        },
      ],
    });
    await api.getPet!(pet, {
      middleware: [
        { onRequest: ({ attempt }: any) => void seen.push(`call ${attempt}`) },
      ],
    });
    expect(seen).toEqual([
      "client getPet 1",
      "call 1",
      "client getPet 2",
      "call 2",
    ]);
    expect(h.received.map((r) => r.headers["x-attempt"])).toEqual(["1", "2"]);
  });

  test("onRequest may answer without the network; onResponse may replace the answer", async () => {
    const { options } = h.recorded({
      middleware: [
        { onRequest: () => Response.json({ id: "mock", name: "M" }) },
        {
          onResponse: ({ response }: any) =>
            response.status === 200
              ? Response.json({ id: "2", name: "B" })
              : undefined,
        },
      ],
    });
    const r = await h.client.getPet(pet, options);
    expect(h.received).toHaveLength(0);
    // the first onRequest answered: the second middleware's onResponse still sees it
    expect(r).toMatchObject({ ok: true, data: { id: "2", name: "B" } });
  });

  test("onError sees a failed fetch and may answer in its place", async () => {
    h.script = [drop];
    const errors: unknown[] = [];
    const { options } = h.recorded({
      retry: false,
      middleware: [
        {
          onError: ({ error }: any) => {
            errors.push(error);
            return Response.json({ id: "cached", name: "C" });
          },
        },
      ],
    });
    const r = await h.client.getPet(pet, options);
    expect(errors[0]).toBeInstanceOf(TypeError);
    expect(r).toMatchObject({ ok: true, data: { id: "cached" } });
  });
});
