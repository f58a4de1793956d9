import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RECENT_CREDENTIALS } from "../../templates/mcp/secrets.js";
import { generate, inProcess, overHttp, type Connected } from "./harness.js";

/*
 * What the generated MCP server must not hand an agent, whatever the API answers: a credential
 * (in any part of a result, in the form the API echoes it) or the message of an exception of
 * its own (a parser's, fetch's, a stack overflow's). The SDK's Client over Streamable HTTP, an
 * API on 127.0.0.1 answering what each case needs; every message the client receives is
 * searched.
 */
const TOKEN = "tok_S3cr3t/Value+ABCDEFGHIJKLMNOPQRSTUVWXYZ";
/** A token of no character a JSON pointer or a URL escapes. */
const PLAIN = "tok_live_9f8e7d6c5b4a3210ZYXWVUTS";

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

let out: string;
let api: Server;
let baseUrl: string;
let handle: Handler = (_q, s) => s.end();

beforeAll(async () => {
  out = generate("leaks/api", ["test/mcp/fixtures/leaks.yaml"]);
  api = createServer((q, s) => handle(q, s));
  await new Promise<void>((ok) => api.listen(0, "127.0.0.1", ok));
  baseUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  api?.closeAllConnections();
  await new Promise<void>((ok) => (api ? api.close(() => ok()) : ok()));
});

/** The token the API received (the Authorization header's, after `Bearer `). */
function sent(q: IncomingMessage): string {
  return (q.headers.authorization ?? "").slice("Bearer ".length);
}

/** Calls `tool` on a server made of `options`; the result's text and every message received. */
async function call(
  tool: string,
  options: object,
): Promise<{ text: string; isError: boolean; received: string; raw: unknown }> {
  const server: Connected = await overHttp(out, { baseUrl, ...options });
  try {
    let raw: unknown;
    try {
      raw = await server.client.callTool({ name: tool, arguments: {} });
    } catch (error) {
      raw = { thrown: error instanceof Error ? error.message : String(error) };
    }
    const result = raw as { content?: { text: string }[]; isError?: boolean };
    return {
      text:
        result.content?.map((c) => c.text).join("\n") ?? JSON.stringify(raw),
      isError: result.isError === true,
      received: server.received.join("\n"),
      raw,
    };
  } finally {
    await server.close();
  }
}

describe("a credential in an answer that breaks the description", () => {
  it.each([
    ["plain", PLAIN, PLAIN],
    // a JSON pointer spells `/` as `~1`
    ["with a slash", TOKEN, TOKEN.replaceAll("/", "~1")],
  ])(
    "is redacted in the violations' pointers too (%s)",
    async (_, token, pointer) => {
      handle = (q, s) => {
        s.setHeader("Content-Type", "application/json");
        s.end(JSON.stringify({ ok: true, [sent(q)]: "seen" }));
      };
      const r = await call("getStrict", { auth: { token } });
      expect(r.isError).toBe(true);
      expect(r.text).toContain("does not match the API description");
      expect(r.text).toContain("[redacted]");
      expect(r.received).not.toContain(token);
      expect(r.received).not.toContain(pointer);
    },
  );
});

describe("an exception while calling or reading is not forwarded", () => {
  it("a body labelled JSON that does not parse: no parser message", async () => {
    handle = (q, s) => {
      s.statusCode = 401;
      s.setHeader("Content-Type", "application/json");
      s.end(`${sent(q)} is not a valid token`);
    };
    const r = await call("getJson", { auth: { token: TOKEN } });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/the body is not valid JSON/);
    // V8's SyntaxError quotes the text's start, the token cut short
    expect(r.received).not.toContain(TOKEN.slice(0, 8));
    expect(r.received).not.toMatch(/Unexpected token|SyntaxError/);
  });

  it("a JSON line of a stream that does not parse: no parser message", async () => {
    handle = (q, s) => {
      s.setHeader("Content-Type", "application/x-ndjson");
      s.end(`{"n":1}\n${sent(q)} is not JSON\n`);
    };
    const r = await call("getLines", { auth: { token: TOKEN } });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/not valid JSON/);
    expect(r.received).not.toContain(TOKEN.slice(0, 8));
    expect(r.received).not.toMatch(/Unexpected token|SyntaxError/);
  });

  it("a base URL with a user name and password: neither reaches the agent", async () => {
    const r = await call("getJson", {
      baseUrl: "http://svc-user:Pa55w0rd-XYZ@127.0.0.1:9/v1",
    });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/failed/);
    expect(r.received).not.toContain("Pa55w0rd-XYZ");
    expect(r.received).not.toContain("svc-user");
  });

  it("an API that cannot be reached: a fixed text, no fetch message", async () => {
    const r = await call("getJson", {
      baseUrl: "http://127.0.0.1:9",
      auth: { token: TOKEN },
    });
    expect(r.isError).toBe(true);
    expect(r.text).toMatch(/getJson failed/);
    expect(r.received).not.toMatch(/fetch failed|TypeError/);
  });

  it.each([
    ["with credentials", { auth: { token: TOKEN } }],
    ["without credentials", {}],
  ])(
    "an answer nested 200,000 deep (%s): a tool error, no stack overflow",
    async (_, options) => {
      const n = 200_000;
      handle = (_q, s) => {
        s.setHeader("Content-Type", "application/json");
        s.end("[".repeat(n) + "]".repeat(n));
      };
      const r = await call("getJson", options);
      expect(r.raw).not.toHaveProperty("thrown");
      expect(r.isError).toBe(true);
      expect(r.text).toMatch(/nested deeper than 512/);
      expect(r.received).not.toMatch(/call stack|RangeError/);
    },
  );
});

describe("a credential as the API echoes it", () => {
  it("given with a newline: refused before anything is sent, the value never shown", async () => {
    let asked = false;
    handle = (_q, s) => {
      asked = true;
      s.end("{}");
    };
    const token = "tok_live_7Hq2Zx9Pw4Lm8Nc3\n";
    const r = await call("getJson", { auth: { token } });
    expect(r.isError).toBe(true);
    expect(asked).toBe(false);
    expect(r.received).not.toContain(token.trim());
  });

  it.each([["a trailing space", "tok_live_7Hq2Zx9Pw4Lm8Nc3 "]])(
    "given with %s: redacted as sent (Headers trims it)",
    async (_, token) => {
      handle = (q, s) => {
        s.setHeader("Content-Type", "application/json");
        s.end(JSON.stringify({ youSent: q.headers.authorization }));
      };
      const r = await call("getJson", { auth: { token } });
      expect(r.text).toContain("[redacted]");
      expect(r.received).not.toContain(token.trim());
    },
  );

  it("JSON-escaped, `/` as `\\/` (PHP's json_encode): redacted", async () => {
    handle = (q, s) => {
      s.setHeader("Content-Type", "text/plain");
      s.end(
        `debug: {"authorization":"Bearer ${sent(q).replaceAll("/", "\\/")}"}`,
      );
    };
    const r = await call("getText", { auth: { token: TOKEN } });
    expect(r.text).toContain("[redacted]");
    expect(r.received).not.toContain(TOKEN.replaceAll("/", "\\\\/"));
    expect(r.received).not.toContain(TOKEN.slice(0, 10));
  });
});

describe("a credential function that mints a token per call, on a server that lives on", () => {
  /** The `n`th token minted: none is part of another. */
  const minted = (n: number) => `tok_minted_${String(n).padStart(5, "0")}_Zq9`;
  /** Calls getJson on `server`; the text of its result and whether it is an error. */
  async function getJson(server: Connected): Promise<string> {
    const r = await server.client.callTool({ name: "getJson", arguments: {} });
    return JSON.stringify(r);
  }

  it(`redacts each call's own token, and keeps the last ${RECENT_CREDENTIALS} minted, not all`, async () => {
    let n = 0;
    const server = await inProcess(out, {
      baseUrl,
      auth: { token: async () => minted(++n) },
    });
    try {
      handle = (q, s) => {
        s.setHeader("Content-Type", "application/json");
        s.end(JSON.stringify({ youSent: sent(q) }));
      };
      const calls = 3 * RECENT_CREDENTIALS;
      for (let i = 1; i <= calls; i++) {
        const text = await getJson(server);
        expect(text).toContain("[redacted]");
        expect(text).not.toContain(minted(i));
      }
      expect(n).toBe(calls);
      // the API names older tokens: those of the last RECENT_CREDENTIALS mints are still
      // replaced (the call's own is the latest), the one before and the first are forgotten
      const oldest = calls + 2 - RECENT_CREDENTIALS;
      handle = (q, s) => {
        s.setHeader("Content-Type", "application/json");
        s.end(
          JSON.stringify([
            sent(q),
            minted(oldest),
            minted(oldest - 1),
            minted(1),
          ]),
        );
      };
      const text = await getJson(server);
      expect(text).not.toContain(minted(calls + 1));
      expect(text).not.toContain(minted(oldest));
      expect(text).toContain(minted(oldest - 1));
      expect(text).toContain(minted(1));
    } finally {
      await server.close();
    }
  });

  it("redacts a call's token when its answer comes after more mints than the server keeps", async () => {
    let n = 0;
    const server = await inProcess(out, {
      baseUrl,
      auth: { token: async () => minted(++n) },
    });
    let held: ServerResponse | undefined;
    try {
      handle = (q, s) => {
        s.setHeader("Content-Type", "application/json");
        if (sent(q) === minted(1)) held = s;
        else s.end(JSON.stringify({ youSent: sent(q) }));
      };
      const first = getJson(server);
      while (!held) await new Promise((ok) => setTimeout(ok, 5));
      for (let i = 2; i <= 2 * RECENT_CREDENTIALS + 1; i++)
        expect(await getJson(server)).not.toContain(minted(i));
      held.end(JSON.stringify({ youSent: minted(1) }));
      const text = await first;
      expect(text).toContain("[redacted]");
      expect(text).not.toContain(minted(1));
    } finally {
      held?.end();
      await server.close();
    }
  });
});

describe("a credential the API sends in parts, across the items of a stream", () => {
  /** Whether `a` ends with a part of `token` (a character or more) and `b` begins with the rest. */
  const straddles = (a: string, b: string, token: string) =>
    [...token].some(
      (_, k) =>
        k > 0 && a.endsWith(token.slice(0, k)) && b.startsWith(token.slice(k)),
    );

  it.each([
    [
      "server-sent events, its data",
      "getEvents",
      "text/event-stream",
      (before: string, after: string) =>
        `data: before ${before}\n\ndata: ${after} after\n\n`,
      (item: unknown) => (item as { data: string }).data,
    ],
    [
      "JSON Lines, a model's deltas with a ping between",
      "getLines",
      "application/x-ndjson",
      (before: string, after: string) =>
        [
          { type: "delta", delta: { text: `before ${before}` } },
          { type: "ping" },
          { type: "delta", delta: { text: `${after} after` } },
        ]
          .map((line) => `${JSON.stringify(line)}\n`)
          .join(""),
      (item: unknown) =>
        (item as { delta?: { text: string } }).delta?.text ?? "",
    ],
  ])(
    "%s: split at every offset, replaced on both sides",
    async (_, tool, type, body, text) => {
      for (let k = 1; k < TOKEN.length; k++) {
        handle = (q, s) => {
          s.setHeader("Content-Type", type);
          s.end(body(sent(q).slice(0, k), sent(q).slice(k)));
        };
        const r = await call(tool, { auth: { token: TOKEN } });
        expect(r.isError, r.text).toBe(false);
        // what the agent reads, its items' texts joined: JSON's escapes and the boundaries gone
        const parts = (JSON.parse(r.text) as { body: unknown[] }).body.map(
          text,
        );
        const joined = parts.join("");
        expect(joined, `split at ${k}`).toMatch(
          /^before \[redacted\]\[redacted\] after$/,
        );
        expect(joined).not.toContain(TOKEN);
        for (let i = 1; i < parts.length; i++)
          expect(
            straddles(parts[i - 1]!, parts[i]!, TOKEN),
            `split at ${k}`,
          ).toBe(false);
        expect(r.received).not.toContain(TOKEN);
      }
    },
  );
});
