import { rmSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerResponse } from "node:http";
import {
  afterAll,
  beforeAll,
  beforeEach,
  describe,
  expect,
  test,
} from "vitest";
import { sdkModel } from "../fixtures/client/sdk-model.js";
import { generateClient } from "./generate.js";
import { recordingServer, type Received } from "./server.js";

/*
 * The client's SDK features (issue 25) against a real server on 127.0.0.1 that misbehaves on
 * purpose: what arrives on the wire is asserted, waits are recorded by an injected `wait`, never
 * measured on the wall clock. The generated client is imported as plain TypeScript; its types
 * are checked in narrowing.test.ts.
 */
type Fn = (args?: object, options?: object) => Promise<any>;
interface Client {
  [name: string]: any;
  createClient: (config: object) => Record<string, Fn>;
  getPet: Fn;
  createPet: Fn;
  putPet: Fn;
  ping: Fn;
}

let dir: string;
let client: Client;
let server: Awaited<ReturnType<typeof recordingServer>>;
/** The answers to give, in order; the last one repeats. */
let script: ((req: Received, res: ServerResponse) => void)[] = [];

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  (_req: Received, res: ServerResponse) => {
    res.writeHead(status, { "Content-Type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
const drop = (_req: Received, res: ServerResponse) => res.socket?.destroy();

beforeAll(async () => {
  dir = await generateClient(sdkModel(), "sdk");
  client = (await import(
    pathToFileURL(join(dir, "client/index.ts")).href
  )) as Client;
  server = await recordingServer((req, res) => {
    const i = Math.min(server.received.length - 1, script.length - 1);
    script[i]!(req, res);
  });
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  server.received.length = 0;
  script = [json(200, { id: "1", name: "Rex" })];
});

/** Options that send to the test server and record each wait instead of sleeping. */
function recorded(extra: object = {}) {
  const waits: number[] = [];
  const options = {
    baseUrl: server.baseUrl,
    retry: {
      wait: async (ms: number) => {
        waits.push(ms);
      },
    },
    ...extra,
  };
  return { waits, options };
}

describe("results narrowed by status", () => {
  test("a declared status is ok with its data; a declared error is not", async () => {
    const { options } = recorded();
    expect(await client.getPet({ path: { id: "1" } }, options)).toMatchObject({
      ok: true,
      status: 200,
      data: { id: "1", name: "Rex" },
    });
    script = [json(404, { missing: "1" })];
    expect(await client.getPet({ path: { id: "1" } }, options)).toMatchObject({
      ok: false,
      status: 404,
      error: { missing: "1" },
    });
  });

  test("a 2XX status the description does not declare is not ok", async () => {
    script = [json(202, { queued: true })];
    const { options } = recorded();
    const r = await client.getPet({ path: { id: "1" } }, options);
    expect(r).toMatchObject({
      ok: false,
      status: 202,
      error: { queued: true },
    });
    // `default` declares every status; no response at all says nothing either way
    expect(
      await client.createPet({ body: { id: "1", name: "R" } }, options),
    ).toMatchObject({ ok: true, status: 202 });
    expect(await client.ping(undefined, options)).toMatchObject({
      ok: true,
      status: 202,
    });
  });

  test("throwOnError resolves to the data, and throws ApiError with status, body, response and operation", async () => {
    const { options } = recorded({ throwOnError: true });
    expect(await client.getPet({ path: { id: "1" } }, options)).toEqual({
      id: "1",
      name: "Rex",
    });
    script = [json(404, { missing: "1" })];
    const error = await client
      .getPet({ path: { id: "1" } }, options)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(client["ApiError"]);
    expect(error).toMatchObject({
      name: "ApiError",
      status: 404,
      body: { missing: "1" },
      operation: "getPet",
    });
    expect((error as { response: Response }).response.status).toBe(404);
  });

  test("throwOnError per client, and a call turns it off", async () => {
    script = [json(404, { missing: "1" })];
    const api = client.createClient({
      baseUrl: server.baseUrl,
      throwOnError: true,
    });
    await expect(api.getPet!({ path: { id: "1" } })).rejects.toMatchObject({
      status: 404,
    });
    expect(
      await api.getPet!({ path: { id: "1" } }, { throwOnError: false }),
    ).toMatchObject({ ok: false, status: 404 });
  });
});
