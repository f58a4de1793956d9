import { createHmac } from "node:crypto";
import type { RequestListener } from "node:http";
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
  vi,
} from "vitest";
import { listen, type RunningServer } from "../server/http.js";
import { createReplayGuard as templateGuard } from "../../templates/server/webhooks.js";
import {
  receiverProject,
  standardHeaders,
  type ReceiverProject,
} from "./receiver-project.js";

// How long the receiver's replay guard remembers a delivery. A delivery with a signed timestamp
// (Standard Webhooks, Stripe) is refused again for as long as that timestamp verifies, whatever
// `tolerance` says and wherever in its window the timestamp lies; a GitHub delivery (no signed
// time) only while the guard remembers it (its `ttl`, 600 s by default), and accepted after.
// Over HTTP on 127.0.0.1, the receiver's clock moved by replacing Date.now (the guard takes
// Date.now when it is made: each receiver is made after the clock is in place).

const SPEC = JSON.stringify({
  openapi: "3.1.0",
  info: { title: "replays", version: "1" },
  paths: {},
  webhooks: {
    thingCreated: {
      post: {
        requestBody: {
          required: true,
          content: { "application/json": { schema: { type: "object" } } },
        },
        responses: { "204": { description: "received" } },
      },
    },
  },
});

const STANDARD_SECRET =
  "whsec_" + Buffer.from("a 32-byte key for standard hooks").toString("base64");
const STRIPE_SECRET = "whsec_replay_window";
const GITHUB_SECRET = "a GitHub webhook secret";
const BODY = JSON.stringify({ name: "pay Mallory" });

/** A moment late in its second (ms), as the reviewer's reproduction used. */
const START = 1_800_000_000_999;

interface Receiver {
  createWebhookListener(
    handlers: { thingCreated: () => Promise<{ status: 204 }> },
    options: Record<string, unknown>,
  ): RequestListener;
  createReplayGuard(options?: { ttl?: number; max?: number }): unknown;
}

describe("the replay guard's memory, over HTTP", () => {
  let project: ReceiverProject;
  let receiver: Receiver;
  let clock = START;
  let runs = 0;
  const servers: RunningServer[] = [];

  beforeAll(async () => {
    project = await receiverProject("replay-window", SPEC, {});
    receiver = await project.load<Receiver>(
      "generated/server/webhook-receiver.ts",
    );
  }, 60_000);
  afterAll(() => project?.remove());
  beforeEach(() => {
    clock = START;
    runs = 0;
    vi.spyOn(Date, "now").mockImplementation(() => clock);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  /** A receiver made now (after the clock is replaced), and a poster of one delivery to it. */
  async function serve(options: Record<string, unknown>) {
    const server = await listen(
      receiver.createWebhookListener(
        {
          thingCreated: async () => {
            runs++;
            return { status: 204 };
          },
        },
        options,
      ),
    );
    servers.push(server);
    return (headers: Record<string, string>) =>
      fetch(`${server.baseUrl}/thingCreated`, {
        method: "POST",
        headers,
        body: BODY,
      }).then((response) => response.status);
  }

  /** A Stripe-Signature for BODY stamped `seconds`. */
  const stripeHeaders = (seconds: number) => ({
    "content-type": "application/json",
    "stripe-signature": `t=${seconds},v1=${createHmac("sha256", STRIPE_SECRET)
      .update(`${seconds}.${BODY}`)
      .digest("hex")}`,
  });

  it("Standard Webhooks, tolerance 3600: a replay is refused at +601 s and +3599 s, the handler ran once", async () => {
    const post = await serve({ secret: STANDARD_SECRET, tolerance: 3600 });
    const headers = standardHeaders(
      STANDARD_SECRET,
      BODY,
      "msg_1",
      new Date(clock),
    );
    expect(await post(headers)).toBe(204);
    expect(await post(headers)).toBe(409);
    clock = START + 601_000;
    expect(await post(headers)).toBe(409);
    clock = START + 3_599_000;
    expect(await post(headers)).toBe(409);
    // its timestamp's last second, still verifying: still refused
    clock = START + 3_600_000;
    expect(await post(headers)).toBe(409);
    // then the timestamp itself fails
    clock = START + 3_600_001;
    expect(await post(headers)).toBe(401);
    expect(runs).toBe(1);
  });

  it("Stripe, tolerance 3600: a replay is refused at +601 s and +3599 s, the handler ran once", async () => {
    const post = await serve({
      secret: STRIPE_SECRET,
      verify: "stripe",
      tolerance: 3600,
    });
    const headers = stripeHeaders(Math.floor(clock / 1000));
    expect(await post(headers)).toBe(204);
    clock = START + 601_000;
    expect(await post(headers)).toBe(409);
    clock = START + 3_599_000;
    expect(await post(headers)).toBe(409);
    clock = START + 3_600_001;
    expect(await post(headers)).toBe(401);
    expect(runs).toBe(1);
  });

  it("default tolerance, a delivery stamped 300 s ahead: its replay at +600 s is refused, as long as it verifies", async () => {
    const post = await serve({ secret: STANDARD_SECRET });
    // the sender's clock is 300 s fast: still within the tolerance
    const headers = standardHeaders(
      STANDARD_SECRET,
      BODY,
      "msg_9",
      new Date(clock + 300_000),
    );
    expect(await post(headers)).toBe(204);
    clock = START + 599_999;
    expect(await post(headers)).toBe(409);
    // the old guard forgot the id here (claimed + 600 s) while the timestamp still verified
    clock = START + 600_000;
    expect(await post(headers)).toBe(409);
    // the first millisecond its timestamp (now + 300 s, plus 300 s of tolerance) fails
    clock = START + 600_001;
    expect(await post(headers)).toBe(401);
    expect(runs).toBe(1);
  });

  it("Stripe, default tolerance, stamped 300 s ahead: refused at +600 s too", async () => {
    const post = await serve({ secret: STRIPE_SECRET, verify: "stripe" });
    const headers = stripeHeaders(Math.floor(clock / 1000) + 300);
    expect(await post(headers)).toBe(204);
    clock = START + 600_000;
    expect(await post(headers)).toBe(409);
    expect(runs).toBe(1);
  });

  it("GitHub (no signed time): a replay is refused while the guard remembers it, 600 s by default, and accepted after", async () => {
    const post = await serve({ secret: GITHUB_SECRET, verify: "github" });
    const headers = {
      "content-type": "application/json",
      "x-hub-signature-256": `sha256=${createHmac("sha256", GITHUB_SECRET)
        .update(BODY)
        .digest("hex")}`,
    };
    expect(await post(headers)).toBe(204);
    clock = START + 1_000;
    // a new X-GitHub-Delivery makes nothing new: it is not signed
    expect(await post({ ...headers, "x-github-delivery": "another" })).toBe(
      409,
    );
    clock = START + 599_999;
    expect(await post(headers)).toBe(409);
    expect(runs).toBe(1);
    // the window is over: nothing tells the replay from a delivery (documented)
    clock = START + 600_000;
    expect(await post(headers)).toBe(204);
    expect(runs).toBe(2);
    // and the window is the guard's ttl: a day, with createReplayGuard({ ttl: 86_400 })
    clock = START;
    const daily = await serve({
      secret: GITHUB_SECRET,
      verify: "github",
      replay: receiver.createReplayGuard({ ttl: 86_400 }),
    });
    expect(await daily(headers)).toBe(204);
    clock = START + 601_000;
    expect(await daily(headers)).toBe(409);
    clock = START + 86_399_999;
    expect(await daily(headers)).toBe(409);
    clock = START + 86_400_000;
    expect(await daily(headers)).toBe(204);
    expect(runs).toBe(4);
  });
});

describe("createReplayGuard, its ends", () => {
  it("refuses a delivery claimed at or after the moment it stops verifying (a replay it may have forgotten)", () => {
    let now = 1_000_000;
    const guard = templateGuard({ now: () => now });
    expect(guard.claim("late", now)).toBe(false);
    expect(guard.claim("later", now - 1)).toBe(false);
    const until = now + 3_600_000;
    expect(guard.claim("on time", until)).toBe(true);
    // kept until it stops verifying, past the ttl (600 s)
    now += 3_599_999;
    expect(guard.claim("on time", until)).toBe(false);
    now += 1;
    expect(guard.claim("on time", until)).toBe(false);
  });

  it("when full of ids still in their time, forgets the one closest to its end, not the oldest", () => {
    const now = 0;
    const guard = templateGuard({ ttl: 600, max: 2, now: () => now });
    expect(guard.claim("long", 3_600_000)).toBe(true);
    expect(guard.claim("short", 700_000)).toBe(true);
    expect(guard.claim("new", 3_600_000)).toBe(true);
    // "short" went (and a replay of it is accepted: documented), "long" is still refused
    expect(guard.claim("long", 3_600_000)).toBe(false);
    expect(guard.claim("short", 700_000)).toBe(true);
  });
});
