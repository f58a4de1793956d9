import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
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

// A query pair or a cookie named like the credential the call sends (an API key in the query
// or a cookie) would go beside it, and an API that reads one value of a name may take the
// caller's: the call throws before anything is sent. A header credential replaces the
// caller's header of its name. The client of test/fixtures/client/credential-names.yaml,
// against a server on 127.0.0.1.
const FIXTURE = join(
  import.meta.dirname,
  "../fixtures/client/credential-names.yaml",
);
const KEY = "key-REAL-5f1c";
const OTHER = "key-OTHER-9d2e";

type Fn = (args?: object, options?: object) => Promise<unknown>;
let dir: string;
let client: Record<"search" | "legacy" | "profile" | "report", Fn>;
let server: Awaited<ReturnType<typeof recordingServer>>;

beforeAll(async () => {
  const text = readFileSync(FIXTURE, "utf8");
  const { model, diagnostics } = await generate([
    { file: "credential-names.yaml", text },
  ]);
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  dir = await generateClient(model, "credential-names");
  client = await importClient(dir);
  server = await recordingServer();
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  server.received.length = 0;
});

const withKey = () => ({
  baseUrl: server.baseUrl,
  auth: { apiKey: KEY },
  retry: false,
});
/** The values of the query parameter `name` each request carried. */
const inQuery = (name: string) =>
  server.received.map((r) =>
    new URL(r.url, "http://x").searchParams.getAll(name),
  );
/** The values of the cookie `name` each request carried. */
const inCookies = (name: string) =>
  server.received.map((r) =>
    (r.headers.cookie ?? "")
      .split(";")
      .map((pair) => pair.trim().split("="))
      .filter(([n]) => n === name)
      .map(([, value]) => value),
  );

describe("an API key in the query", () => {
  test("a member of an exploded object named like it is refused before anything is sent", async () => {
    await expect(
      client.search(
        { query: { filter: { q: "cats", api_key: OTHER } } },
        withKey(),
      ),
    ).rejects.toThrow('query parameter "api_key" is a credential');
    expect(server.received).toEqual([]);
    // the other members go, beside the key sent once
    await client.search({ query: { filter: { q: "cats" } } }, withKey());
    expect(server.received.map((r) => r.url)).toEqual([
      `/search?api_key=${KEY}&q=cats`,
    ]);
  });

  test("a query parameter declared with its name is refused when the key is sent, and sent as given when it is not", async () => {
    await expect(
      client.legacy({ query: { api_key: OTHER } }, withKey()),
    ).rejects.toThrow('query parameter "api_key" is a credential');
    expect(server.received).toEqual([]);
    await client.legacy(
      { query: { api_key: OTHER } },
      { baseUrl: server.baseUrl },
    );
    expect(inQuery("api_key")).toEqual([[OTHER]]);
  });
});

describe("an API key in a cookie", () => {
  test("a cookie named like it, from a cookie parameter or a Cookie header, is refused before anything is sent", async () => {
    await expect(
      client.profile(
        { cookies: { prefs: { theme: "dark", session: OTHER } } },
        withKey(),
      ),
    ).rejects.toThrow('cookie parameter "session" is a credential');
    // pairs joined without a space, and a space before `=`, which servers trim
    for (const cookie of [
      `theme=dark;session=${OTHER}`,
      `theme=dark; session =${OTHER}`,
    ])
      await expect(
        client.profile({}, { ...withKey(), headers: { Cookie: cookie } }),
      ).rejects.toThrow('cookie parameter "session" is a credential');
    expect(server.received).toEqual([]);
    await client.profile({ cookies: { prefs: { theme: "dark" } } }, withKey());
    expect(inCookies("session")).toEqual([[KEY]]);
    expect(server.received[0]!.headers.cookie).toBe(
      `theme=dark; session=${KEY}`,
    );
  });
});

describe("an API key in a header", () => {
  test("a header of the caller's named like it, in any case, is replaced: the server sees the key alone", async () => {
    await client.report(
      { headers: { "x-api-key": OTHER } },
      { ...withKey(), headers: { "X-API-KEY": OTHER } },
    );
    // Node joins the values of a header sent twice with ", ": one value is the key alone
    expect(server.received.map((r) => r.headers["x-api-key"])).toEqual([KEY]);
  });
});
