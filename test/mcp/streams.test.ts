import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { typeCheckCell } from "../compat/matrix.js";
import { ajv, generate, OUT, overHttp, type Connected } from "./harness.js";

/*
 * Streamed answers and files (docs/mcp.md): tools that read server-sent events, JSON Lines and
 * an OpenAPI 3.2 item stream collect the items, bounded in items, characters and time (an
 * endless or stalled stream ends the call, and its request is closed); tools that send bytes take
 * them as base64 text and send the bytes, a body of its own or multipart parts. Through the
 * SDK's own client, against an API server on 127.0.0.1.
 */

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
  /** Resolves when the request's connection is closed (the client gave up the stream). */
  closed: Promise<void>;
}

type Answer = (res: ServerResponse, req: IncomingMessage) => void;

let out: string;
let server: Server;
let baseUrl: string;
const received: Received[] = [];
let answer: Answer = (res) => res.end();
const open: Connected[] = [];
/** Timers of the streams being written, stopped at the end. */
const timers = new Set<NodeJS.Timeout>();

beforeAll(async () => {
  out = generate("streams/api", ["test/mcp/fixtures/streams.yaml"]);
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks),
        closed: new Promise((ok) => res.on("close", () => ok())),
      });
      answer(res, req);
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  for (const t of timers) clearInterval(t);
  for (const c of open) await c.close();
  server?.closeAllConnections();
  await new Promise<void>((ok) => server?.close(() => ok()));
});

async function mcp(options: object = {}): Promise<Connected> {
  const c = await overHttp(out, { baseUrl, ...options });
  open.push(c);
  return c;
}

/** Answers a stream of `type`: `lines` written at once, then `more()` every 5 ms if given. */
function streaming(type: string, lines: string[], more?: () => string): Answer {
  return (res) => {
    res.writeHead(200, { "Content-Type": type });
    res.write(lines.join(""));
    if (!more) return void res.end();
    const timer = setInterval(() => res.write(more()), 5);
    timers.add(timer);
    res.on("close", () => {
      clearInterval(timer);
      timers.delete(timer);
    });
  };
}

/** A promise that rejects after `ms`, for a connection that should have closed by then. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, no) =>
      setTimeout(() => no(new Error(`not within ${ms} ms`)), ms),
    ),
  ]);
}

describe("mcp/: streamed answers, collected and bounded", () => {
  it("compiles under the strictest tsconfig", async () => {
    const result = await typeCheckCell(
      `${OUT}/streams`,
      "strictest",
      "TypeScript 7",
    );
    expect(result.output).toBe("");
  }, 240_000);

  it("collects server-sent events, JSON Lines and an item stream to their end", async () => {
    const { client } = await mcp();
    const cases: [string, string, string[]][] = [
      [
        "watchEvents",
        "text/event-stream",
        ['data: {"id":1}\n\n', 'event: gone\nid: 7\ndata: {"id":2}\n\n'],
      ],
      ["exportLines", "application/x-ndjson", ['{"id":1}\n', '{"id":2}\n']],
      ["streamItems", "application/jsonl", ['{"id":1}\n{"id":2}']],
    ];
    const bodies: unknown[] = [];
    for (const [name, type, lines] of cases) {
      answer = streaming(type, lines);
      const result = await client.callTool({ name, arguments: {} });
      expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ status: 200 });
      expect(result.structuredContent).not.toHaveProperty("stopped");
      bodies.push((result.structuredContent as { body: unknown }).body);
      expect(received.at(-1)!.url).toBe(
        { watchEvents: "/events", exportLines: "/lines" }[name] ?? "/items",
      );
    }
    expect(bodies).toEqual([
      [{ data: { id: 1 } }, { data: { id: 2 }, event: "gone", id: "7" }],
      [{ id: 1 }, { id: 2 }],
      [{ id: 1 }, { id: 2 }],
    ]);
  });

  it("stops an endless stream at maxStreamItems, and closes its request", async () => {
    const { client } = await mcp({ maxStreamItems: 5 });
    let n = 0;
    answer = streaming(
      "text/event-stream",
      [],
      () => `data: {"id":${++n}}\n\n`,
    );
    const result = await client.callTool({
      name: "watchEvents",
      arguments: {},
    });
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    const content = result.structuredContent as {
      body: { data: { id: number } }[];
      stopped: string;
    };
    expect(content.body.map((e) => e.data.id)).toEqual([1, 2, 3, 4, 5]);
    expect(content.stopped).toMatch(/^stopped at 5 items \(the most/);
    await within(received.at(-1)!.closed, 5_000);
  });

  it("stops a stream that stalls at streamTimeout, with what came", async () => {
    const { client } = await mcp({ streamTimeout: 300 });
    answer = (res) => {
      res.writeHead(200, { "Content-Type": "application/x-ndjson" });
      res.write('{"id":1}\n{"id":2}\n'); // and nothing more, never an end
    };
    const started = Date.now();
    const result = await client.callTool({
      name: "exportLines",
      arguments: {},
    });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    expect(result.structuredContent).toEqual({
      status: 200,
      body: [{ id: 1 }, { id: 2 }],
      stopped: "stopped at 2 items: the stream sent no end within 300 ms",
    });
    await within(received.at(-1)!.closed, 5_000);
  });

  it("reads to the end with streamTimeout: Infinity (setTimeout alone runs Infinity at once)", async () => {
    const { client } = await mcp({ streamTimeout: Infinity });
    answer = (res) => {
      res.writeHead(200, { "Content-Type": "application/x-ndjson" });
      res.write('{"id":1}\n');
      setTimeout(() => res.end('{"id":2}\n'), 100);
    };
    const result = await client.callTool({
      name: "exportLines",
      arguments: {},
    });
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    expect(result.structuredContent).toEqual({
      status: 200,
      body: [{ id: 1 }, { id: 2 }],
    });
  });

  it("stops before the result passes maxResultLength characters", async () => {
    const { client } = await mcp({ maxResultLength: 2_000 });
    const line = `{"id":1,"kind":"created","pad":"${"x".repeat(80)}"}\n`;
    answer = streaming("application/x-ndjson", [], () => line);
    const result = await client.callTool({
      name: "exportLines",
      arguments: {},
    });
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    const text = (result.content as { text: string }[])[0]!.text;
    expect(text.length).toBeLessThanOrEqual(2_000);
    const content = result.structuredContent as {
      body: unknown[];
      stopped: string;
    };
    expect(content.body.length).toBeGreaterThan(10);
    expect(content.stopped).toMatch(/the next would pass \d+ characters/);
    await within(received.at(-1)!.closed, 5_000);
  });

  it("says a stream that fails (a line past maxLineBytes) is an error, with the items before", async () => {
    const { client } = await mcp({ maxLineBytes: 64 });
    answer = streaming("application/x-ndjson", [
      '{"id":1}\n',
      `{"id":2,"pad":"${"x".repeat(200)}"}\n`,
    ]);
    const result = await client.callTool({
      name: "exportLines",
      arguments: {},
    });
    expect(result.isError).toBe(true);
    expect((result.content as { text: string }[])[0]!.text).toMatch(
      /^exportLines answered 200 with a stream that failed after 1 items: .*maxLineBytes/,
    );
  });
});

describe("mcp/: files given as base64, sent as bytes", () => {
  const bytes = Buffer.from([0, 255, 128, 10, 13, 0x89, 0x50, 0x4e, 0x47, 1]);

  it("says where bytes go in the input schema: base64 text, which ajv compiles", async () => {
    const { client } = await mcp();
    const { tools } = await client.listTools();
    const put = tools.find((t) => t.name === "putFileContent")!;
    const upload = tools.find((t) => t.name === "uploadPhotos")!;
    expect(put.inputSchema.properties!["body"]).toEqual({
      type: "string",
      contentEncoding: "base64",
      description: "The file's new bytes",
      contentMediaType: "application/octet-stream",
    });
    const body = upload.inputSchema.properties!["body"] as {
      properties: Record<string, object>;
    };
    expect(body.properties["photo"]).toEqual({
      type: "string",
      contentEncoding: "base64",
      description: "The photo, a PNG",
    });
    expect(body.properties["thumbnails"]).toEqual({
      type: "array",
      items: { type: "string", contentEncoding: "base64" },
    });
    for (const tool of [put, upload]) ajv.compile(tool.inputSchema);
  });

  it("sends a body of bytes as they are", async () => {
    const { client } = await mcp();
    answer = (res) => {
      res.statusCode = 204;
      res.end();
    };
    const result = await client.callTool({
      name: "putFileContent",
      arguments: { path: { id: "f1" }, body: bytes.toString("base64") },
    });
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    const request = received.at(-1)!;
    expect(request.method).toBe("PUT");
    expect(request.url).toBe("/files/f1/content");
    expect(request.headers["content-type"]).toBe("application/octet-stream");
    expect(request.body.equals(bytes)).toBe(true);
  });

  it("sends multipart files as parts of bytes, beside the text fields", async () => {
    const { client } = await mcp();
    answer = (res) => {
      res.writeHead(201, { "Content-Type": "application/json" });
      res.end('{"id":"p1"}');
    };
    const thumbs = [Buffer.from([1, 2, 3]), Buffer.from([254, 0])];
    const result = await client.callTool({
      name: "uploadPhotos",
      arguments: {
        body: {
          // white space in base64 (line breaks every 76 characters) is allowed
          photo: bytes.toString("base64").replace(/(.{4})/g, "$1\n"),
          thumbnails: thumbs.map((t) => t.toString("base64")),
          caption: "sea",
        },
      },
    });
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    expect(result.structuredContent).toEqual({
      status: 201,
      body: { id: "p1" },
    });
    const request = received.at(-1)!;
    const form = await new Response(new Uint8Array(request.body), {
      headers: { "Content-Type": request.headers["content-type"]! },
    }).formData();
    const photo = form.get("photo") as File;
    expect(Buffer.from(await photo.arrayBuffer()).equals(bytes)).toBe(true);
    expect(photo.type).toBe("image/png");
    const sent = form.getAll("thumbnails") as File[];
    expect(sent).toHaveLength(2);
    for (const [i, t] of sent.entries())
      expect(Buffer.from(await t.arrayBuffer()).equals(thumbs[i]!)).toBe(true);
    expect(form.get("caption")).toBe("sea");
  });

  it("refuses text that is not base64, naming where, and sends nothing", async () => {
    const { client } = await mcp();
    const before = received.length;
    const result = await client.callTool({
      name: "uploadPhotos",
      arguments: {
        body: {
          photo: "not base64!",
          thumbnails: ["AAA=", "%%"],
          caption: "x",
        },
      },
    });
    expect(result.isError).toBe(true);
    expect((result.content as { text: string }[])[0]!.text).toBe(
      "The arguments of uploadPhotos are not valid:\n" +
        "/body/photo: must be base64 text (the file's bytes)\n" +
        "/body/thumbnails/1: must be base64 text (the file's bytes)",
    );
    expect(received.length).toBe(before);
  });
});
