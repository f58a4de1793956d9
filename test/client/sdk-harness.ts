import { rmSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { sdkModel } from "../fixtures/client/sdk-model.js";
import { generateClient, importClient } from "./generate.js";
import { recordingServer, type Received } from "./server.js";

/*
 * The client's SDK features (issue 25) against a real server on 127.0.0.1 that misbehaves on
 * purpose: tests assert what arrives on the wire, and record waits through an injected `wait`
 * instead of measuring the wall clock. The generated client is imported as plain TypeScript;
 * its types are checked in narrowing.test.ts.
 */
export type Fn = (args?: object, options?: object) => Promise<any>;
export type Answer = (req: Received, res: ServerResponse) => void;
export interface SdkClient {
  [name: string]: any;
  createClient: (config: object) => Record<string, Fn>;
  getPet: Fn;
  createPet: Fn;
  putPet: Fn;
  ping: Fn;
}

export const json =
  (
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): Answer =>
  (_req, res) => {
    res.writeHead(status, { "Content-Type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
/** Closes the connection without an answer: fetch rejects with a TypeError. */
export const drop: Answer = (_req, res) => res.socket?.destroy();
/** Answers after `ms` (the client's timeout is what the test is about). */
export const slow =
  (ms: number, then: Answer): Answer =>
  (req, res) => {
    const timer = setTimeout(() => then(req, res), ms);
    res.on("close", () => clearTimeout(timer));
  };

/**
 * Generates the sdk fixture's client once per file and starts the server; `h.script` are the
 * answers in order (the last repeats), reset to one 200 before each test.
 */
export function sdkHarness() {
  const h = {
    dir: "",
    client: undefined as unknown as SdkClient,
    server: undefined as unknown as Awaited<ReturnType<typeof recordingServer>>,
    script: [] as Answer[],
    get received(): Received[] {
      return h.server.received;
    },
    /** Options that send to the test server and record each wait instead of sleeping. */
    recorded(extra: Record<string, unknown> = {}) {
      const waits: number[] = [];
      const { retry, ...rest } = extra;
      const wait = async (ms: number) => {
        waits.push(ms);
      };
      const options = {
        baseUrl: h.server.baseUrl,
        retry: retry === false ? false : { wait, ...(retry as object) },
        ...rest,
      };
      return { waits, options };
    },
  };
  beforeAll(async () => {
    h.dir = await generateClient(sdkModel(), "sdk");
    h.client = await importClient<SdkClient>(h.dir);
    h.server = await recordingServer((req, res) => {
      const i = Math.min(h.server.received.length - 1, h.script.length - 1);
      h.script[i]!(req, res);
    });
  });
  afterAll(async () => {
    await h.server?.close();
    if (h.dir) rmSync(h.dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    h.server.received.length = 0;
    h.script = [json(200, { id: "1", name: "Rex" })];
  });
  return h;
}
