import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  FetchError,
  fetchDocument,
  type FetchOptions,
} from "./remote-fetch.js";

// The fetch's bounds, against a server on 127.0.0.1 that this test starts.

let server: Server;
let origin = "";
const seen: { path: string; auth: string | undefined }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? "", auth: req.headers.authorization });
    if (req.url === "/bomb") {
      // 8 MiB of zeros, a few KiB on the wire
      res.writeHead(200, { "content-encoding": "gzip" });
      res.end(gzipSync(Buffer.alloc(8 * 1024 * 1024)));
    } else if (req.url === "/gzip") {
      res.writeHead(200, { "content-encoding": "gzip", etag: '"v1"' });
      res.end(gzipSync('{"openapi":"3.1.0"}'));
    } else if (req.url === "/gzip-stalls" || req.url === "/gzip-cut") {
      // half a gzip, then nothing more (or the connection closed)
      res.writeHead(200, { "content-encoding": "gzip" });
      res.write(gzipSync('{"openapi":"3.1.0"}').subarray(0, 12));
      if (req.url === "/gzip-cut") setTimeout(() => res.destroy(), 50);
    } else if (req.url === "/empty-blocks") {
      // 2 MiB of empty stored deflate blocks: nothing once decompressed
      res.writeHead(200, { "content-encoding": "deflate" });
      const block = Buffer.from([0, 0, 0, 0xff, 0xff]);
      res.write(Buffer.from([0x78, 0x9c]));
      res.end(Buffer.concat(Array(420_000).fill(block)));
    } else if (req.url === "/broken-gzip") {
      res.writeHead(200, { "content-encoding": "gzip" });
      res.end("not gzip at all");
    } else if (req.url === "/odd-encoding") {
      res.writeHead(200, { "content-encoding": "compress" });
      res.end("x");
    } else if (req.url === "/to-file") {
      res.writeHead(302, { location: "file:///etc/passwd" }).end();
    } else if (req.url === "/no-location") {
      res.writeHead(301).end();
    } else if (req.url === "/busy") {
      res.writeHead(503).end();
    } else if (req.url === "/gone") {
      res.writeHead(404).end();
    } else if (req.url === "/cached") {
      res.writeHead(304).end();
    } else res.writeHead(200).end("{}");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const options = (over: Partial<FetchOptions> = {}): FetchOptions => ({
  timeoutMs: 5000,
  maxRedirects: 5,
  maxBytes: 1024 * 1024,
  headersFor: () => ({}),
  version: "test",
  ...over,
});

async function failure(
  path: string,
  over?: Partial<FetchOptions>,
): Promise<FetchError> {
  try {
    await fetchDocument(`${origin}${path}`, options(over));
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error(`${path} was fetched`);
}

describe("fetchDocument", () => {
  it("decompresses gzip and keeps the validator", async () => {
    const answer = await fetchDocument(`${origin}/gzip`, options());
    expect(answer).toMatchObject({ status: "ok", etag: '"v1"' });
    if (answer.status === "ok")
      expect(answer.bytes.toString()).toBe('{"openapi":"3.1.0"}');
  });

  it("stops a small gzip that decompresses past the limit", async () => {
    const error = await failure("/bomb");
    expect(error.code).toBe("input/too-large");
    expect(error.message).toMatch(
      /decompresses to more, more than the limit of 1 MiB/,
    );
    expect(error.noAnswer).toBe(false);
  });

  it("counts the bytes received against the limit, not only the decompressed ones", async () => {
    const error = await failure("/empty-blocks");
    expect(error.code).toBe("input/too-large");
    expect(error.message).toMatch(/the answer is larger, more than the limit/);
  });

  it("ends a compressed answer that stalls or breaks off (it hung, and the run exited 0)", async () => {
    expect(await failure("/gzip-stalls", { timeoutMs: 300 })).toMatchObject({
      message: expect.stringMatching(/^no answer within 0.3 s/),
      noAnswer: true,
    });
    expect(await failure("/gzip-cut")).toMatchObject({
      message: expect.stringMatching(/^cannot fetch: /),
      noAnswer: true,
    });
  });

  it("says what is wrong with an answer it cannot read", async () => {
    expect((await failure("/broken-gzip")).message).toMatch(
      /the answer's gzip data is broken/,
    );
    expect((await failure("/odd-encoding")).message).toBe(
      'the answer is encoded as "compress", which apiloom does not read',
    );
    expect((await failure("/to-file")).message).toBe(
      'redirected to "file:", which apiloom does not fetch',
    );
    expect((await failure("/no-location")).message).toBe(
      "the server answered 301 with no Location",
    );
  });

  it("tells a server that gave no answer (a cached copy may stand in) from one that said no", async () => {
    const busy = await failure("/busy");
    expect(busy.message).toBe("the server answered 503 Service Unavailable");
    expect(busy.noAnswer).toBe(true);
    const gone = await failure("/gone");
    expect(gone.message).toBe("the server answered 404 Not Found");
    expect(gone.noAnswer).toBe(false);
    // nobody listens on port 1
    const refused = await fetchDocument(
      "http://127.0.0.1:1/spec.json",
      options(),
    ).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FetchError);
    expect(refused).toMatchObject({
      message: "cannot fetch: ECONNREFUSED",
      noAnswer: true,
    });
  });

  it("takes a 304 only when it asked with a validator", async () => {
    expect(
      await fetchDocument(
        `${origin}/cached`,
        options({ validators: { etag: '"v1"' } }),
      ),
    ).toEqual({ status: "not-modified" });
    expect((await failure("/cached")).message).toBe(
      "the server answered 304 Not Modified",
    );
  });

  it("sends an origin's headers to that origin only", async () => {
    seen.length = 0;
    await fetchDocument(
      `${origin}/plain`,
      options({
        headersFor: (o): Record<string, string> =>
          o === origin ? { Authorization: "Bearer t" } : {},
      }),
    );
    expect(seen).toEqual([{ path: "/plain", auth: "Bearer t" }]);
    seen.length = 0;
    await fetchDocument(
      `${origin}/plain`,
      options({
        headersFor: (o): Record<string, string> =>
          o === "http://127.0.0.1:1" ? { Authorization: "Bearer t" } : {},
      }),
    );
    expect(seen).toEqual([{ path: "/plain", auth: undefined }]);
  });
});
