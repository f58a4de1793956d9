import { createServer, request, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiServer, generate, type ApiServer } from "./harness.js";

/*
 * The MCP server over HTTP holds the API's credentials, and the docs say to listen on
 * 127.0.0.1. A web page the user opens can still reach it: it rebinds its own name to 127.0.0.1
 * (DNS rebinding), and its requests are then same-origin, with its own name in Host and Origin.
 * The generated handler answers only requests whose Host (and Origin, when a browser sends one)
 * names an allowed hostname, localhost's by default; the attacks below are what such a page
 * sends, over real HTTP on 127.0.0.1, and the API must see none of them.
 */
const TOKEN = "tok-SECRET-rebind-7c1e";
const CALL = JSON.stringify({
  jsonrpc: "2.0",
  id: 1,
  method: "tools/call",
  params: { name: "getMe", arguments: {} },
});

type Handler = (
  options: object,
  transport?: object,
) => Parameters<typeof createServer>[1];
let api: ApiServer;
let mcpHttpHandler: Handler;
const servers: Server[] = [];

beforeAll(async () => {
  api = await apiServer();
  const out = generate("http-hosts/me", ["test/mcp/fixtures/me.yaml"]);
  ({ mcpHttpHandler } = (await import(join(out, "mcp/http.ts"))) as {
    mcpHttpHandler: Handler;
  });
});

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((ok) => server.close(() => ok()));
  }
  await api.close();
});

/**
 * The handler on 127.0.0.1 with the API's credentials; its port. Node answers a request without
 * Host 400 itself unless `requireHostHeader` is off, as a server a user builds may have it.
 */
async function serve(
  transport?: object,
  requireHostHeader = true,
): Promise<number> {
  const server = createServer(
    { requireHostHeader },
    mcpHttpHandler({ baseUrl: api.baseUrl, auth: { token: TOKEN } }, transport),
  );
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  return (server.address() as AddressInfo).port;
}

/** A tool call to 127.0.0.1:`port` with these Host and Origin headers, as a page would send it. */
function call(
  port: number,
  host: string,
  origin?: string,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        method: "POST",
        path: "/mcp",
        headers: {
          Host: host,
          ...(origin === undefined ? {} : { Origin: origin }),
          "Content-Type": "application/json",
          Accept: "application/json, text/event-stream",
        },
      },
      (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on("error", reject);
    req.end(CALL);
  });
}

/** `call`'s answer and the requests the API received meanwhile. */
async function attempt(port: number, host: string, origin?: string) {
  const before = api.received.length;
  const answer = await call(port, host, origin);
  return { ...answer, reached: api.received.slice(before) };
}

describe("mcpHttpHandler refuses what a DNS-rebinding page sends", () => {
  it("a page's own name in Host and Origin: 403, and the API sees nothing", async () => {
    const port = await serve();
    const a = await attempt(
      port,
      `attacker.example:${port}`,
      `http://attacker.example:${port}`,
    );
    expect(a.status).toBe(403);
    expect(a.reached).toEqual([]);
    // the refusal names neither header back
    expect(a.body).not.toContain("attacker");
    expect(JSON.parse(a.body)).toMatchObject({
      jsonrpc: "2.0",
      error: { code: -32000 },
      id: null,
    });
  });

  it("names that only look local are refused", async () => {
    const port = await serve();
    for (const host of [
      "localhost.attacker.example",
      "127.0.0.1.nip.io",
      "localhost@attacker.example",
      "attacker.example#localhost",
      "localhost.",
    ]) {
      const a = await attempt(port, host);
      expect([host, a.status, a.reached.length]).toEqual([host, 403, 0]);
    }
  });

  it("a local Host with a foreign or opaque Origin is refused", async () => {
    const port = await serve();
    for (const origin of [
      "http://attacker.example",
      "null",
      "http://localhost, http://attacker.example",
    ]) {
      const a = await attempt(port, `127.0.0.1:${port}`, origin);
      expect([origin, a.status, a.reached.length]).toEqual([origin, 403, 0]);
    }
  });

  it("a request without a Host header is refused", async () => {
    const port = await serve(undefined, false);
    const before = api.received.length;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, "127.0.0.1", () =>
        socket.end(
          "POST /mcp HTTP/1.0\r\nContent-Type: application/json\r\n" +
            `Accept: application/json, text/event-stream\r\nContent-Length: ${CALL.length}\r\n\r\n${CALL}`,
        ),
      );
      let text = "";
      socket.setEncoding("utf8");
      socket.on("data", (chunk: string) => (text += chunk));
      socket.on("end", () => resolve(text));
      socket.on("error", reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.[01] 403 /);
    expect(api.received.length).toBe(before);
  });
});

describe("mcpHttpHandler serves local callers", () => {
  it("127.0.0.1, localhost and [::1], with or without a local Origin: the call reaches the API", async () => {
    const port = await serve();
    for (const [host, origin] of [
      [`127.0.0.1:${port}`, undefined],
      [`localhost:${port}`, undefined],
      [`[::1]:${port}`, undefined],
      [`LOCALHOST:${port}`, "http://localhost:5173"],
      [`127.0.0.1:${port}`, `http://127.0.0.1:${port}`],
    ] as const) {
      const a = await attempt(port, host, origin);
      expect([host, a.status]).toEqual([host, 200]);
      expect(a.reached).toHaveLength(1);
      expect(a.reached[0]!.headers["authorization"]).toBe(`Bearer ${TOKEN}`);
    }
  });

  it("allowedHostnames replaces the local names; false checks nothing", async () => {
    const named = await serve({ allowedHostnames: ["mcp.internal"] });
    expect((await attempt(named, "mcp.internal:8080")).status).toBe(200);
    expect(
      (await attempt(named, "mcp.internal", "https://mcp.internal")).status,
    ).toBe(200);
    expect((await attempt(named, `127.0.0.1:${named}`)).status).toBe(403);
    const open = await serve({ allowedHostnames: false });
    const a = await attempt(
      open,
      "attacker.example",
      "http://attacker.example",
    );
    expect(a.status).toBe(200);
    expect(a.reached).toHaveLength(1);
  });
});
