import { describe, expect, test } from "vitest";
import { eventStream, jsonLines } from "../../templates/client/stream.js";

// The client's stream readers hand on the lines of a chunk together; what a stream delivered
// before a line past maxLineBytes still comes first, in order, then the StreamLimitError.

/** A Response whose body is the one chunk `text`. */
function oneChunk(type: string, text: string): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(text));
      controller.close();
    },
  });
  return new Response(body, { headers: { "Content-Type": type } });
}

async function read(
  items: AsyncIterable<unknown>,
): Promise<{ got: unknown[]; error: unknown }> {
  const got: unknown[] = [];
  try {
    for await (const item of items) got.push(item);
  } catch (error) {
    return { got, error };
  }
  return { got, error: undefined };
}

const fallback = async () => undefined;

describe("a chunk holding whole lines and one too long", () => {
  test("JSON Lines: the values before it, then the StreamLimitError", async () => {
    const text = '{"n":1}\n{"n":2}\n' + "x".repeat(100) + "\n";
    const items = (await jsonLines(
      oneChunk("application/x-ndjson", text),
      fallback,
      { maxLineBytes: 50 },
    )) as AsyncIterable<unknown>;
    const { got, error } = await read(items);
    expect(got).toEqual([{ n: 1 }, { n: 2 }]);
    expect(error).toMatchObject({ name: "StreamLimitError", limit: 50 });
  });

  test("server-sent events: the events before it, then the StreamLimitError", async () => {
    const text = "data: one\n\ndata: two\n\ndata: " + "x".repeat(100) + "\n\n";
    const items = (await eventStream(false)(
      oneChunk("text/event-stream", text),
      fallback,
      { maxLineBytes: 50 },
    )) as AsyncIterable<unknown>;
    const { got, error } = await read(items);
    expect(got).toEqual([{ data: "one" }, { data: "two" }]);
    expect(error).toMatchObject({ name: "StreamLimitError", limit: 50 });
  });

  test("lines split at \\r\\n, \\n and \\r alike within the chunk", async () => {
    const items = (await jsonLines(
      oneChunk("application/x-ndjson", "1\r\n2\r3\n\n4"),
      fallback,
    )) as AsyncIterable<unknown>;
    expect((await read(items)).got).toEqual([1, 2, 3, 4]);
  });
});
