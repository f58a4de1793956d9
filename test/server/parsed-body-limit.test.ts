import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { readBody } from "../../templates/server/listener.js";

// A body an Express parser read before the API (express.raw() with a limit of its own) was
// handed over whatever its size when it came chunked (no Content-Length to refuse it by): the
// API's bodyLimit holds on that path too.
function parsed(body: Uint8Array | string): IncomingMessage {
  return {
    headers: {},
    readableEnded: true,
    body,
  } as unknown as IncomingMessage;
}

describe("a body parsed before the API", () => {
  it("over bodyLimit is a 413, as one read by the API is", async () => {
    await expect(
      readBody(parsed(new Uint8Array(2048)), 1024),
    ).rejects.toMatchObject({
      status: 413,
    });
    await expect(
      readBody(parsed("x".repeat(1025)), 1024),
    ).rejects.toMatchObject({
      status: 413,
    });
  });

  it("within it is handed over", async () => {
    expect(await readBody(parsed(new Uint8Array(1024)), 1024)).toHaveLength(
      1024,
    );
  });
});
