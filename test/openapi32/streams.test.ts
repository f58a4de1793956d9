import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitted } from "../emitted.js";
import { loadModel } from "../../src/pipeline.js";
import { outDir, typeCheck, writeFiles } from "../server/generated.js";

/**
 * OpenAPI 3.2's `itemSchema` end to end (issue 42 item 4): the generated client's stream items
 * are typed by it (checked by tsc, both ways), the generated server answers a handler's items
 * framed for each media type, and the client reads them back over 127.0.0.1.
 */
const FIXTURE = "test/fixtures/openapi32/features.yaml";
const dir = outDir("openapi32-streams");

/** What a program written against the generated client and server may and may not say. */
const USES = `import { createClient } from "./client/index.js";
import type { Handlers } from "./server/index.js";
import type { Change } from "./types.js";

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2
    ? true
    : false;

const api = createClient({ baseUrl: "http://127.0.0.1:1", throwOnError: true });

export async function read(): Promise<number> {
  let sum = 0;
  for await (const change of await api.streamEvents()) {
    // an event (whole, as the item schema says) or a Change
    const exact: Equal<
      typeof change,
      Change | { event: string; data: string; id?: string }
    > = true;
    if (exact && "event" in change) sum += change.data.length;
  }
  for await (const tick of await api.streamTicks()) {
    const id: number = tick.data.id;
    // @ts-expect-error an event's data is the Change the item schema names, not a string
    const text: string = tick.data;
    sum += id + text.length;
  }
  return sum;
}

export const handlers = {
  streamEvents: () => ({ status: 200, body: [] }),
  streamTicks: () => ({
    status: 200,
    body: (async function* () {
      yield { data: { id: 1 } };
    })(),
  }),
} satisfies Partial<Handlers>;

export const wrong = {
  // @ts-expect-error a streamed status answers items, not one body
  streamTicks: () => ({ status: 200, body: { data: { id: 1 } } }),
} satisfies Partial<Handlers>;

export const wrongItem = {
  // @ts-expect-error each item is an event whose data is a Change
  streamTicks: () => ({ status: 200, body: [{ data: "text" }] }),
} satisfies Partial<Handlers>;
`;

let server: Server;
let baseUrl: string;
let mediaType = "text/event-stream";
const slow: { release?: () => void } = {};

beforeAll(async () => {
  const model = loadModel([FIXTURE]);
  writeFiles(dir, await emitted("client", model));
  writeFiles(dir, await emitted("server", model));
  const { createRequestListener } = await import(
    pathToFileURL(join(dir, "server/index.ts")).href
  );
  const changes = [
    { event: "created", data: "line one\nline two", id: "7" },
    { id: 1, kind: "created" },
    { id: 2, kind: "deleted" },
  ];
  server = createServer(
    createRequestListener({
      streamEvents: () => ({
        status: 200,
        headers: { "content-type": mediaType },
        body:
          mediaType === "text/event-stream"
            ? [changes[0]]
            : (async function* () {
                yield changes[1];
                yield changes[2];
              })(),
      }),
      streamTicks: () => ({
        status: 200,
        body: (async function* () {
          yield { event: "tick", data: { id: 3, kind: "created" } };
          // the next item waits: the client has the first before the answer ends
          await new Promise<void>((resolve) => (slow.release = resolve));
          yield { data: { id: 4 } };
        })(),
      }),
    }),
  );
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("OpenAPI 3.2 item streams", () => {
  it("type-check: items typed by itemSchema in the client and the server's handlers (strict tsc)", () => {
    writeFileSync(join(dir, "uses.ts"), USES);
    const checked = typeCheck(dir);
    expect(checked.output).toBe("");
  });

  it("the server frames each media type as its standard says", async () => {
    const bytes = async (type: string) => {
      mediaType = type;
      const response = await fetch(`${baseUrl}/events`);
      return [
        response.headers.get("content-type"),
        await response.text(),
      ] as const;
    };
    expect(await bytes("text/event-stream")).toEqual([
      "text/event-stream",
      "event: created\nid: 7\ndata: line one\ndata: line two\n\n",
    ]);
    const lines = '{"id":1,"kind":"created"}\n{"id":2,"kind":"deleted"}\n';
    expect(await bytes("application/jsonl")).toEqual([
      "application/jsonl",
      lines,
    ]);
    expect(await bytes("application/x-ndjson")).toEqual([
      "application/x-ndjson",
      lines,
    ]);
    expect(await bytes("application/json-seq")).toEqual([
      "application/json-seq",
      '\x1e{"id":1,"kind":"created"}\n\x1e{"id":2,"kind":"deleted"}\n',
    ]);
  });

  it("the client reads each media type back item by item", async () => {
    const { createClient } = await import(
      pathToFileURL(join(dir, "client/index.ts")).href
    );
    const api = createClient({ baseUrl, throwOnError: true });
    const read = async (type: string) => {
      mediaType = type;
      const out: unknown[] = [];
      for await (const item of await api.streamEvents()) out.push(item);
      return out;
    };
    expect(await read("text/event-stream")).toEqual([
      { event: "created", id: "7", data: "line one\nline two" },
    ]);
    for (const type of [
      "application/jsonl",
      "application/x-ndjson",
      "application/json-seq",
    ])
      expect(await read(type)).toEqual([
        { id: 1, kind: "created" },
        { id: 2, kind: "deleted" },
      ]);
  });

  it("event data the item schema types as an object arrives parsed, while the stream is open", async () => {
    const { createClient } = await import(
      pathToFileURL(join(dir, "client/index.ts")).href
    );
    const api = createClient({ baseUrl, throwOnError: true });
    const ticks = await api.streamTicks();
    const first = await ticks.next();
    expect(first.value).toEqual({
      event: "tick",
      data: { id: 3, kind: "created" },
    });
    slow.release!();
    const rest: unknown[] = [];
    for await (const tick of ticks) rest.push(tick);
    expect(rest).toEqual([{ data: { id: 4 } }]);
  });
});

describe("JSON text sequences and event fields, as an attacker sends them", () => {
  let raw: Server;
  let rawUrl: string;
  let chunks: (string | Uint8Array)[] = [];
  beforeAll(async () => {
    raw = createServer(async (_req, res) => {
      res.writeHead(200, { "content-type": "application/json-seq" });
      for (const chunk of chunks) {
        res.write(chunk);
        await new Promise((r) => setTimeout(r, 5));
      }
      res.end();
    });
    await new Promise<void>((r) => raw.listen(0, "127.0.0.1", r));
    rawUrl = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => raw.close(() => r())));

  const readAll = async (options = {}) => {
    const { createClient } = await import(
      pathToFileURL(join(dir, "client/index.ts")).href
    );
    const api = createClient({ baseUrl: rawUrl, throwOnError: true });
    const out: unknown[] = [];
    for await (const item of await api.streamEvents(undefined, options))
      out.push(item);
    return out;
  };

  it("records split anywhere across chunks, pretty-printed texts and a UTF-8 character cut in two", async () => {
    const bytes = new TextEncoder().encode(
      '\x1e{"id":1,\n "kind":"created"}\n\x1e{"id":2,"note":"é"}\n',
    );
    chunks = [...bytes].map((b) => Uint8Array.of(b));
    expect(await readAll()).toEqual([
      { id: 1, kind: "created" },
      { id: 2, note: "é" },
    ]);
  });

  it("a truncated record (no line feed) is skipped, as RFC 7464 §2.3 asks; a broken complete one fails", async () => {
    chunks = ['\x1e{"id":1', '\x1e{"id":2}\n'];
    expect(await readAll()).toEqual([{ id: 2 }]);
    chunks = ['\x1e{"id":\n', '\x1e{"id":2}\n'];
    await expect(readAll()).rejects.toThrow(SyntaxError);
  });

  it("a record longer than maxLineBytes ends the iteration, holding no more than that", async () => {
    chunks = ["\x1e[", "1,".repeat(4096), "1]\n"];
    await expect(readAll({ maxLineBytes: 1024 })).rejects.toMatchObject({
      name: "StreamLimitError",
      limit: 1024,
    });
  });

  it("the server refuses an event field that would start another field, cutting the answer short", async () => {
    const { createRequestListener } = await import(
      pathToFileURL(join(dir, "server/index.ts")).href
    );
    const reported: unknown[] = [];
    const evil = createServer(
      createRequestListener(
        {
          streamEvents: () => ({
            status: 200,
            headers: { "content-type": "text/event-stream" },
            body: [
              { event: "ok", data: "first" },
              { event: "x\ndata: forged", data: "second" },
            ],
          }),
        },
        { onError: (error: unknown) => reported.push(error) },
      ),
    );
    await new Promise<void>((r) => evil.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(evil.address() as AddressInfo).port}/events`;
    try {
      const response = await fetch(url);
      const text = await response.text().catch(() => "(cut)");
      expect(text).not.toContain("forged");
      expect(reported).toHaveLength(1);
      expect(String(reported[0])).toContain("one line");
    } finally {
      await new Promise<void>((r) => evil.close(() => r()));
    }
  });
});
