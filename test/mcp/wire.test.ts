import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, overHttp } from "./harness.js";

/*
 * Credentials the generated client puts on the wire that no credential function of the MCP
 * server's options returned: the token clientCredentials fetches itself to retry a 401, and what
 * the user's middleware adds. The server records what each request carries as it leaves; an API
 * on 127.0.0.1 echoes what it received, and no message the SDK's client receives holds it.
 */
type Handler = (request: IncomingMessage, response: ServerResponse) => void;

let out: string;
let api: Server;
let baseUrl: string;
let handle: Handler = (_q, s) => s.end();

beforeAll(async () => {
  out = generate("wire/api", ["test/mcp/fixtures/wire.yaml"]);
  api = createServer((q, s) => handle(q, s));
  await new Promise<void>((ok) => api.listen(0, "127.0.0.1", ok));
  baseUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  api?.closeAllConnections();
  await new Promise<void>((ok) => (api ? api.close(() => ok()) : ok()));
});

/** Everything of a request an API may echo: its URL, and the headers a credential goes in. */
function echoed(q: IncomingMessage): Record<string, unknown> {
  const authorization = q.headers.authorization ?? "";
  const basic = /^Basic (.*)$/.exec(authorization)?.[1];
  return {
    url: q.url,
    authorization,
    ...(basic && { basic: Buffer.from(basic, "base64").toString() }),
    cookie: q.headers.cookie,
    apiKey: q.headers["x-api-key"],
    requestId: q.headers["x-request-id"],
  };
}

/** Calls `tool` on a server of `options` over Streamable HTTP: its text, every message received. */
async function call(
  tool: string,
  options: object,
): Promise<{ text: string; isError: boolean; received: string }> {
  const server = await overHttp(out, { baseUrl, ...options });
  try {
    const result = (await server.client.callTool({
      name: tool,
      arguments: {},
    })) as { content: { text: string }[]; isError?: boolean };
    return {
      text: result.content.map((c) => c.text).join("\n"),
      isError: result.isError === true,
      received: server.received.join("\n"),
    };
  } finally {
    await server.close();
  }
}

type Middleware = { onRequest(c: { request: Request }): Request };

/** A middleware of the user's that changes each request with `change`. */
const adding = (change: (r: Request) => Request): Middleware => ({
  onRequest: ({ request }) => change(request),
});

describe("the token clientCredentials fetches to retry a 401", () => {
  it.each([
    ["a success", 200, false, false],
    ["an error", 403, true, false],
    ["a success after a redirect the client follows", 200, false, true],
  ])(
    "echoed in %s: redacted, though no credential function returned it",
    async (_, status, isError, redirect) => {
      let minted = 0;
      let asked = 0;
      const fresh = (n: number) =>
        `tok_fresh_${String(n).padStart(4, "0")}_Qz7`;
      handle = (q, s) => {
        s.setHeader("Content-Type", "application/json");
        if (q.url === "/token") {
          s.end(JSON.stringify({ access_token: fresh(++minted) }));
          return;
        }
        // the first request is refused: the client fetches another token and sends it again
        asked++;
        if (redirect && asked === 2) {
          s.writeHead(307, { Location: "/oauth?moved=1" }).end();
          return;
        }
        s.statusCode = asked === 1 ? 401 : status;
        s.end(JSON.stringify(echoed(q)));
      };
      const { clientCredentials } = (await import(
        join(out, "client/oauth.ts")
      )) as {
        clientCredentials: (o: object) => Middleware & { token(): unknown };
      };
      const oauth = clientCredentials({
        tokenUrl: `${baseUrl}/token`,
        clientId: "client-1",
        clientSecret: "secret-1",
      });
      // the user's own fetch still sends every request
      let fetched = 0;
      const r = await call("getWithToken", {
        auth: { token: oauth.token },
        middleware: [oauth],
        fetch: (input: RequestInfo, init?: RequestInit) => {
          fetched++;
          return fetch(input, init);
        },
      });
      const sent = redirect ? 3 : 2;
      expect(minted).toBe(2);
      expect(asked).toBe(sent);
      expect(fetched).toBe(sent);
      expect(r.isError, r.text).toBe(isError);
      expect(r.text).toContain(`"authorization":"Bearer [redacted]"`);
      expect(r.received).not.toContain(fresh(2));
      expect(r.received).not.toContain(fresh(1));
    },
  );
});

describe("a credential the user's middleware puts on a request", () => {
  const KEY = "key_live_4Rf8Tg2Yh6Uj0Ik";
  const PASSWORD = "pw_Xc3Vb7Nm1Lk9";
  it.each([
    [
      "an API key in the query, as the query scheme names it",
      (r: Request) => {
        const url = new URL(r.url);
        url.searchParams.append("api_key", KEY);
        return new Request(url, r);
      },
      KEY,
    ],
    [
      "an API key in a cookie, as the cookie scheme names it",
      (r: Request) => {
        r.headers.set("Cookie", `theme=dark; session_key=${KEY}`);
        return r;
      },
      KEY,
    ],
    [
      "an API key in the header the header scheme names",
      (r: Request) => {
        r.headers.set("X-Api-Key", KEY);
        return r;
      },
      KEY,
    ],
    [
      "a bearer token",
      (r: Request) => {
        r.headers.set("Authorization", `Bearer ${KEY}`);
        return r;
      },
      KEY,
    ],
    [
      "HTTP Basic (the API decodes it)",
      (r: Request) => {
        r.headers.set("Authorization", `Basic ${btoa(`svc:${PASSWORD}`)}`);
        return r;
      },
      PASSWORD,
    ],
  ])("%s: redacted as echoed", async (_, change, secret) => {
    handle = (q, s) => {
      s.setHeader("Content-Type", "application/json");
      s.end(JSON.stringify(echoed(q)));
    };
    const r = await call("getOpen", { middleware: [adding(change)] });
    expect(r.isError, r.text).toBe(false);
    expect(r.text).toContain("[redacted]");
    expect(r.received).not.toContain(secret);
  });

  it("a header no security scheme names is no credential: shown", async () => {
    handle = (q, s) => {
      s.setHeader("Content-Type", "application/json");
      s.end(JSON.stringify(echoed(q)));
    };
    const r = await call("getOpen", {
      middleware: [
        adding((r) => {
          r.headers.set("X-Request-Id", "req-7f3a9c");
          return r;
        }),
      ],
    });
    expect(r.text).toContain(`"requestId":"req-7f3a9c"`);
    expect(r.text).not.toContain("[redacted]");
  });
});

describe("an API key the client sends in the query", () => {
  const KEY = "key_query_8Hn2Bv5Cx1Zq";
  it.each([
    ["given as a string", KEY],
    ["given as a function", () => KEY],
  ])("%s, echoed in the URL the API read: redacted", async (_, apiKey) => {
    handle = (q, s) => {
      s.setHeader("Content-Type", "application/json");
      s.end(JSON.stringify(echoed(q)));
    };
    const r = await call("getWithKey", { auth: { apiKey } });
    expect(r.isError, r.text).toBe(false);
    expect(r.text).toContain(`"url":"/keyed?api_key=[redacted]"`);
    expect(r.received).not.toContain(KEY);
  });
});
