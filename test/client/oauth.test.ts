import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { recordingServer } from "./server.js";
import { json, sdkHarness } from "./sdk-harness.js";

// OAuth 2.0 client credentials (issue 25, item 7): a token server and an API on 127.0.0.1.
const h = sdkHarness();

async function tokenServer() {
  let issued = 0;
  const server = await recordingServer((_req, res) => {
    issued++;
    // answer slowly enough that concurrent calls overlap the one request in flight
    setTimeout(() => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(
        JSON.stringify({
          access_token: `t${issued}`,
          token_type: "Bearer",
          expires_in: 120,
        }),
      );
    }, 20);
  });
  return { ...server, tokenUrl: `${server.baseUrl}/oauth/token` };
}

async function oauthModule(): Promise<{
  clientCredentials: (o: object) => any;
}> {
  return import(pathToFileURL(join(h.dir, "client/oauth.ts")).href);
}

describe("client credentials", () => {
  test("TOKEN_URLS holds the description's tokenUrl", () => {
    expect(h.client["TOKEN_URLS"]).toEqual({
      machine: "https://sdk.invalid/oauth/token",
    });
  });

  test("one token request for concurrent calls; cached until shortly before expiry", async () => {
    const tokens = await tokenServer();
    let clock = 1_000_000;
    const { clientCredentials } = await oauthModule();
    const oauth = clientCredentials({
      tokenUrl: tokens.tokenUrl,
      clientId: "id",
      clientSecret: "s3cret",
      scopes: ["pets:read"],
      now: () => clock,
    });
    const api = h.client.createClient({
      baseUrl: h.server.baseUrl,
      auth: { token: oauth.token },
      middleware: [oauth],
    });
    await Promise.all(
      [1, 2, 3, 4].map(() => api.getPet!({ path: { id: "1" } })),
    );
    expect(tokens.received).toHaveLength(1);
    const [request] = tokens.received;
    expect(request!.method).toBe("POST");
    expect(request!.headers["authorization"]).toBe(
      "Basic " + btoa("id:s3cret"),
    );
    expect(new URLSearchParams(request!.body.toString())).toEqual(
      new URLSearchParams({
        grant_type: "client_credentials",
        scope: "pets:read",
      }),
    );
    expect(h.received.map((r) => r.headers["authorization"])).toEqual(
      Array(4).fill("Bearer t1"),
    );
    clock += 80_000; // 120 s token, 30 s leeway: still good at 80 s
    await api.getPet!({ path: { id: "1" } });
    expect(tokens.received).toHaveLength(1);
    clock += 15_000; // 95 s: within the leeway, a new one
    await api.getPet!({ path: { id: "1" } });
    expect(tokens.received).toHaveLength(2);
    expect(h.received.at(-1)!.headers["authorization"]).toBe("Bearer t2");
    await tokens.close();
  });

  test("a 401 gets one retry with a new token, and the token endpoint is called once for it", async () => {
    const tokens = await tokenServer();
    const { clientCredentials } = await oauthModule();
    const oauth = clientCredentials({
      tokenUrl: tokens.tokenUrl,
      clientId: "id",
      clientSecret: "x",
    });
    h.script = [
      (req, res) =>
        req.headers["authorization"] === "Bearer t2"
          ? json(200, { id: "1", name: "Rex" })(req, res)
          : json(401, { message: "expired" })(req, res),
    ];
    const options = {
      baseUrl: h.server.baseUrl,
      auth: { token: oauth.token },
      middleware: [oauth],
    };
    expect(await h.client.getPet({ path: { id: "1" } }, options)).toMatchObject(
      { ok: true, status: 200 },
    );
    expect(h.received.map((r) => r.headers["authorization"])).toEqual([
      "Bearer t1",
      "Bearer t2",
    ]);
    expect(tokens.received).toHaveLength(2); // the first token, and one refresh
    // a 401 that persists is returned after that one retry
    h.server.received.length = 0;
    h.script = [json(401, { message: "no" })];
    const r = await h.client.getPet({ path: { id: "1" } }, options);
    expect(r).toMatchObject({ ok: false, status: 401 });
    expect(h.received).toHaveLength(2);
    expect(tokens.received).toHaveLength(3);
    await tokens.close();
  });

  test("token_type and expires_in as servers write them: another type than bearer is refused (RFC 6749 §7.1), a number in a string is honoured", async () => {
    let answer: object = {};
    const tokens = await recordingServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(answer));
    });
    let clock = 1_000_000;
    const { clientCredentials } = await oauthModule();
    const made = () =>
      clientCredentials({
        tokenUrl: tokens.baseUrl + "/token",
        clientId: "id",
        clientSecret: "x",
        now: () => clock,
      });
    for (const token_type of ["bearer", "BEARER", undefined]) {
      answer = { access_token: "b", token_type };
      expect(await made().token()).toBe("b");
    }
    // before, each was sent as "Authorization: Bearer x"
    for (const token_type of ["DPoP", "mac", "N_A"]) {
      answer = { access_token: "x", token_type };
      await expect(made().token()).rejects.toThrow(
        "the token endpoint answered a token of another type than Bearer",
      );
    }
    // "120" (as some servers send it) was read as absent: an hour
    answer = { access_token: "s", token_type: "Bearer", expires_in: "120" };
    const oauth = made();
    await oauth.token();
    clock += 95_000; // within the 30 s leeway of 120 s
    await oauth.token();
    expect(tokens.received).toHaveLength(8);
    await tokens.close();
  });

  test("the token request's timeout: a slow endpoint rejects with TimeoutError; Infinity and fractions are no error", async () => {
    const tokens = await tokenServer(); // answers after 20 ms
    const { clientCredentials } = await oauthModule();
    const made = (timeout: number) =>
      clientCredentials({
        tokenUrl: tokens.tokenUrl,
        clientId: "id",
        clientSecret: "x",
        timeout,
      });
    // before, AbortSignal.timeout threw a RangeError on Infinity, on 2^32 and on 1500.5
    for (const timeout of [Infinity, 2 ** 32, 1500.5])
      expect(await made(timeout).token()).toMatch(/^t\d+$/);
    const error = await made(5)
      .token()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(h.client["TimeoutError"]);
    expect(error).toMatchObject({ name: "TimeoutError", timeout: 5 });
    await tokens.close();
  });
});
