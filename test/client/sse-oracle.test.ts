import { createParser } from "eventsource-parser";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { eventStream } from "../../templates/client/stream.js";

/*
 * The client's server-sent events against eventsource-parser (the parser the `eventsource`
 * package and most SSE clients use, written to WHATWG HTML §9.2), over streams fast-check
 * writes: any field (known, unknown, misspelled, without a colon), a space after the colon or
 * not, values with colons, NUL and other characters, comments, blank lines, a byte order mark,
 * every line ending (LF, CR, CRLF, a CRLF cut between two chunks), the chunks cut anywhere.
 * Each event's data and type must be the oracle's, and its id where the oracle's event has one
 * (eventsource-parser forgets an id at each event; the client keeps the last one, as WHATWG's
 * last event ID does).
 */

interface Seen {
  data: string;
  event: string | undefined;
  id: string | undefined;
}

const line = fc.oneof(
  { weight: 3, arbitrary: fc.constant("") },
  {
    weight: 10,
    arbitrary: fc
      .tuple(
        fc.constantFrom("data", "event", "id", "retry", "dat", "Data", "x", ""),
        fc.constantFrom(":", ": ", ":  ", "", ":\t"),
        fc.string({
          unit: fc.constantFrom(
            "a",
            "b",
            " ",
            ":",
            "0",
            "7",
            "\0",
            "é",
            "€",
            "\t",
          ),
          maxLength: 6,
        }),
      )
      .map(([field, colon, value]) => field + colon + value),
  },
);

/** The text cut into chunks at `cuts` (taken modulo its length), each encoded as UTF-8. */
function chunks(text: string, cuts: number[]): string[] {
  const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort(
    (a, b) => a - b,
  );
  return [0, ...at].map((from, i) => text.slice(from, [...at, text.length][i]));
}

async function client(parts: string[]): Promise<Seen[]> {
  const encoder = new TextEncoder();
  const response = new Response(
    new ReadableStream<Uint8Array>({
      start(c) {
        for (const part of parts) c.enqueue(encoder.encode(part));
        c.close();
      },
    }),
    { headers: { "Content-Type": "text/event-stream" } },
  );
  const events = (await eventStream(false)(
    response,
    async () => undefined,
  )) as AsyncIterable<{ data: string; event?: string; id?: string }>;
  const seen: Seen[] = [];
  for await (const e of events)
    seen.push({ data: e.data, event: e.event, id: e.id });
  return seen;
}

function oracle(parts: string[]): Seen[] {
  const seen: Seen[] = [];
  const parser = createParser({
    onEvent: (e) => seen.push({ data: e.data, event: e.event, id: e.id }),
  });
  for (const part of parts) parser.feed(part);
  // a CR that ends the stream ends its line (WHATWG): eventsource-parser waits for an LF after
  // a chunk's last CR, which the end of the stream never sends it
  if (parts.join("").endsWith("\r")) parser.feed("\n");
  return seen;
}

describe("server-sent events", () => {
  test("are read as eventsource-parser reads them, whatever the fields, line ends and chunks (fast-check)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(line, fc.constantFrom("\n", "\r", "\r\n")), {
          maxLength: 14,
        }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (lines, bom, cuts) => {
          const text = lines.map(([l, end]) => l + end).join("");
          // the byte order mark goes to the client only: eventsource-parser, fed text, drops
          // the mark's UTF-8 bytes read as Latin-1, not U+FEFF (a TextDecoder drops that)
          const parts = chunks(text, cuts);
          const want = oracle(parts);
          const got = await client(bom ? ["\uFEFF", ...parts] : parts);
          expect(got.map(({ data, event }) => ({ data, event }))).toEqual(
            want.map(({ data, event }) => ({ data, event })),
          );
          got.forEach((e, i) => {
            if (want[i]!.id !== undefined) expect(e.id).toBe(want[i]!.id);
          });
        },
      ),
      { numRuns: 2000, seed: 44 },
    );
  });
});
