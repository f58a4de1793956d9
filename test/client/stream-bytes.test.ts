import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { eventStream, jsonLines } from "../../templates/client/stream.js";

// The stream readers decode each chunk whole, the bytes of a character it does not finish
// carried to the next one: whatever the bytes (UTF-8 or not) and wherever the chunks end, an
// event's data is what the platform's decoder makes of its bytes.

/** A Response whose body arrives in exactly the chunks given. */
function chunked(type: string, chunks: Uint8Array[]): Response {
  return new Response(
    new ReadableStream<Uint8Array>({
      start(c) {
        for (const chunk of chunks) c.enqueue(chunk);
        c.close();
      },
    }),
    { headers: { "Content-Type": type } },
  );
}

/** `bytes` cut at `cuts` (taken modulo its length). */
function cut(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort(
    (a, b) => a - b,
  );
  return [0, ...at].map((from, i) =>
    bytes.subarray(from, [...at, bytes.length][i]),
  );
}

const fallback = async () => undefined;

describe("an event's data", () => {
  test("is its bytes as the platform decodes them, whatever the bytes and the chunks (fast-check)", async () => {
    // any byte but a line end: UTF-8 sequences cut short, stray continuation bytes, overlong
    // and surrogate forms, and whole characters of 1 to 4 bytes
    const byte = fc.oneof(
      fc.integer({ min: 0x80, max: 0xff }),
      fc.constantFrom(
        0x61,
        0xc3,
        0xa9,
        0xe2,
        0x82,
        0xac,
        0xf0,
        0x9f,
        0x90,
        0x88,
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(byte, { maxLength: 12 }), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (datas, cuts) => {
          const encode = (text: string) => new TextEncoder().encode(text);
          const parts: number[] = [];
          for (const data of datas)
            parts.push(...encode("data: "), ...data, ...encode("\n\n"));
          const items = (await eventStream(false)(
            chunked("text/event-stream", cut(Uint8Array.from(parts), cuts)),
            fallback,
          )) as AsyncIterable<{ data: string }>;
          const got: string[] = [];
          for await (const event of items) got.push(event.data);
          expect(got).toEqual(
            datas.map((data) =>
              new TextDecoder().decode(Uint8Array.from(data)),
            ),
          );
        },
      ),
      { numRuns: 400, seed: 58 },
    );
  });
});

describe("the iterator", () => {
  test("hands on items in order to calls of next() that do not wait for each other", async () => {
    const text = '{"n":1}\n{"n":2}\n{"n":3}\n';
    const items = (await jsonLines(
      chunked(
        "application/x-ndjson",
        cut(new TextEncoder().encode(text), [5, 12]),
      ),
      fallback,
    )) as AsyncIterableIterator<unknown>;
    const got = await Promise.all([1, 2, 3, 4].map(() => items.next()));
    expect(got).toEqual([
      { done: false, value: { n: 1 } },
      { done: false, value: { n: 2 } },
      { done: false, value: { n: 3 } },
      { done: true, value: undefined },
    ]);
  });
});
