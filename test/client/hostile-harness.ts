import { readFileSync, rmSync } from "node:fs";
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { generate } from "../../src/generate.js";
import { generateClient } from "./generate.js";

/*
 * The hostile runtime suite (issue 41): the client generated from
 * test/fixtures/client/hostile.yaml (every kind of credential, every page shape, both stream
 * kinds) against servers on 127.0.0.1 that misbehave on purpose. `api` is the base URL's
 * origin; `other` is a second origin (another port) that must never see a credential. Every
 * server answers by itself and ends what it writes by itself (streams have a byte cap), so a
 * failing test cannot hang on them.
 */
const FIXTURE = join(import.meta.dirname, "../fixtures/client/hostile.yaml");

/** Each secret holds SECRET, so that a leak shows in any header, URL or body. */
export const S = {
  token: "tok-SECRET-bearer-7f3a",
  username: "user-SECRET-basic",
  password: "pw-SECRET-basic-91c2",
  header: "key-SECRET-header-55d1",
  query: "key-SECRET-query-0b8e",
  cookie: "key-SECRET-cookie-c4a9",
  oauth: "tok-SECRET-oauth-e21f",
  clientSecret: "client-SECRET-6d0b",
};
/** What the basic scheme and the token request send: base64 hides SECRET. */
const ENCODED = [
  btoa(`${S.username}:${S.password}`),
  btoa(`app:${S.clientSecret}`),
];

export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}
export type Answer = (req: Received, res: ServerResponse) => void;

export interface Origin {
  url: string;
  received: Received[];
  /** Answers by path (`/pets`); anything else is a 404. */
  routes: Record<string, Answer>;
  close: () => Promise<void>;
}

/** A server on 127.0.0.1, port 0, that records each request and answers by `routes`. */
export async function origin(): Promise<Origin> {
  const o = {
    url: "",
    received: [] as Received[],
    routes: {} as Record<string, Answer>,
    close: async () => {},
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const entry: Received = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("latin1"),
      };
      o.received.push(entry);
      const route = o.routes[new URL(entry.url, "http://x").pathname];
      if (route) return route(entry, res);
      res.writeHead(404).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  o.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  o.close = () =>
    new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    });
  return o;
}

export const json =
  (body: unknown, headers: Record<string, string> = {}, status = 200): Answer =>
  (_req, res) => {
    res.writeHead(status, { "Content-Type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };

/** The secrets found anywhere in what `received` holds (method, URL, headers, body). */
export function leaked(received: readonly Received[]): string[] {
  const text = received
    .map((r) => r.method + r.url + JSON.stringify(r.headers) + r.body)
    .join("\n");
  return [...Object.values(S), ...ENCODED].filter((s) => text.includes(s));
}

/** What a request carries of the credentials: where each secret arrived. */
export function carried(r: Received): string[] {
  return leaked([r]);
}

export type Fn = (args?: object, options?: object) => any;
export interface HostileClient {
  [name: string]: Fn;
}

/** The generated client, its oauth.ts, paginate.ts and stream.ts, and the two origins. */
export function hostileHarness() {
  const h = {
    dir: "",
    client: undefined as unknown as HostileClient,
    oauth: undefined as unknown as {
      clientCredentials: (options: object) => object & { token: Fn };
    },
    errors: undefined as unknown as Record<
      | "PaginationError"
      | "RedirectError"
      | "StreamLimitError"
      | "ApiError"
      | "TimeoutError",
      new (...args: never[]) => Error
    >,
    api: undefined as unknown as Origin,
    other: undefined as unknown as Origin,
    /**
     * The client options of each kind of credential, and the one secret each must carry to the
     * API (the first kind sends a bearer token and every API key at once).
     */
    kinds(): Record<string, { options: object; secrets: string[] }> {
      const oauth = h.oauth.clientCredentials({
        tokenUrl: h.api.url + "/token",
        clientId: "app",
        clientSecret: S.clientSecret,
      });
      const keys = {
        headerKey: S.header,
        queryKey: S.query,
        cookieKey: S.cookie,
      };
      return {
        "bearer and every API key": {
          options: { auth: { token: S.token, apiKey: keys } },
          secrets: [S.token, S.header, S.query, S.cookie],
        },
        bearer: { options: { auth: { token: S.token } }, secrets: [S.token] },
        basic: {
          options: { auth: { username: S.username, password: S.password } },
          secrets: [ENCODED[0]!],
        },
        "OAuth client credentials": {
          options: { auth: { token: oauth.token }, middleware: [oauth] },
          secrets: [S.oauth],
        },
        "API key in a header": {
          options: { auth: { apiKey: { headerKey: S.header } } },
          secrets: [S.header],
        },
        "API key in the query": {
          options: { auth: { apiKey: { queryKey: S.query } } },
          secrets: [S.query],
        },
        "API key in a cookie": {
          options: { auth: { apiKey: { cookieKey: S.cookie } } },
          secrets: [S.cookie],
        },
      };
    },
    /** Every request of the API but the token requests. */
    get calls(): Received[] {
      return h.api.received.filter((r) => !r.url.startsWith("/token"));
    },
  };
  beforeAll(async () => {
    const text = readFileSync(FIXTURE, "utf8");
    const { model, diagnostics } = await generate([
      { file: "hostile.yaml", text },
    ]);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    h.dir = await generateClient(model, "hostile");
    const load = (file: string) =>
      import(pathToFileURL(join(h.dir, "client", file)).href);
    h.client = await load("index.ts");
    h.oauth = await load("oauth.ts");
    h.errors = {
      ...(await load("index.ts")),
      ...(await load("paginate.ts")),
      ...(await load("stream.ts")),
    };
    h.api = await origin();
    h.other = await origin();
  });
  afterAll(async () => {
    await h.api?.close();
    await h.other?.close();
    if (h.dir) rmSync(h.dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    for (const o of [h.api, h.other]) {
      o.received.length = 0;
      o.routes = {};
    }
    h.api.routes["/token"] = json({ access_token: S.oauth, expires_in: 3600 });
    h.other.routes["/collect"] = json({ id: "collected" });
  });
  return h;
}

/** Every item an iterator yields, and what it ended with (undefined: its end). */
export async function drain(
  iterable: AsyncIterable<unknown>,
): Promise<{ items: unknown[]; error: unknown }> {
  const items: unknown[] = [];
  try {
    for await (const item of iterable) items.push(item);
    return { items, error: undefined };
  } catch (error) {
    return { items, error };
  }
}
