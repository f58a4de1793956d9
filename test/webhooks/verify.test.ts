import { Webhook } from "standardwebhooks";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import {
  constantTimeEqual,
  createReplayGuard,
  verifyGithubWebhook,
  verifyStandardWebhook,
  verifyStripeWebhook,
  WebhookVerificationError,
} from "../../templates/server/webhooks.js";

// The verification helpers the server's webhooks.ts holds (a runtime file, copied verbatim),
// against signatures made by the schemes' own libraries and the vectors their docs publish.

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const OTHER =
  "whsec_" + Buffer.from("another key of 24 bytes!").toString("base64");
const PAYLOAD = JSON.stringify({ type: "event.created", data: { id: 42 } });

/** A delivery signed by the Standard Webhooks reference library (npm `standardwebhooks`). */
function signed(
  secret = SECRET,
  {
    id = "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W",
    at = new Date(),
    body = PAYLOAD,
  } = {},
) {
  const signature = new Webhook(secret).sign(id, at, body);
  return {
    headers: {
      "webhook-id": id,
      "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
      "webhook-signature": signature,
    },
    body,
  };
}

const refused = (promise: Promise<unknown>) =>
  expect(promise).rejects.toBeInstanceOf(WebhookVerificationError);

describe("verifyStandardWebhook", () => {
  it("verifies what the reference library signs, as text, bytes and Headers", async () => {
    const { headers, body } = signed();
    const verified = await verifyStandardWebhook(SECRET, headers, body);
    expect(verified.id).toBe(headers["webhook-id"]);
    await verifyStandardWebhook(
      SECRET,
      new Headers(headers),
      new TextEncoder().encode(body),
    );
    // and the library agrees that this is a valid delivery
    expect(new Webhook(SECRET).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it("refuses a tampered body, a wrong secret and a tampered id or timestamp", async () => {
    const { headers, body } = signed();
    await refused(verifyStandardWebhook(SECRET, headers, body + " "));
    await refused(
      verifyStandardWebhook(SECRET, headers, body.replace("42", "43")),
    );
    await refused(verifyStandardWebhook(OTHER, headers, body));
    await refused(
      verifyStandardWebhook(
        SECRET,
        { ...headers, "webhook-id": "msg_other" },
        body,
      ),
    );
    const ts = Number(headers["webhook-timestamp"]);
    await refused(
      verifyStandardWebhook(
        SECRET,
        { ...headers, "webhook-timestamp": String(ts + 1) },
        body,
      ),
    );
  });

  it("refuses stale and future timestamps, inside the tolerance it accepts", async () => {
    const old = signed(SECRET, { at: new Date(Date.now() - 6 * 60_000) });
    await refused(verifyStandardWebhook(SECRET, old.headers, old.body));
    const future = signed(SECRET, { at: new Date(Date.now() + 6 * 60_000) });
    await refused(verifyStandardWebhook(SECRET, future.headers, future.body));
    const recent = signed(SECRET, { at: new Date(Date.now() - 4 * 60_000) });
    await verifyStandardWebhook(SECRET, recent.headers, recent.body);
    await verifyStandardWebhook(SECRET, old.headers, old.body, {
      tolerance: 600,
    });
  });

  it("refuses a replayed id through a replay guard", async () => {
    const replay = createReplayGuard();
    const { headers, body } = signed();
    await verifyStandardWebhook(SECRET, headers, body, { replay });
    await refused(verifyStandardWebhook(SECRET, headers, body, { replay }));
    const next = signed(SECRET, { id: "msg_next" });
    await verifyStandardWebhook(SECRET, next.headers, next.body, { replay });
  });

  it("takes several signatures (the sender rotating) and several secrets (you rotating)", async () => {
    const a = signed(SECRET);
    const b = signed(OTHER);
    const both = `${b.headers["webhook-signature"]} ${a.headers["webhook-signature"]}`;
    const headers = { ...a.headers, "webhook-signature": both };
    await verifyStandardWebhook(SECRET, headers, a.body);
    await verifyStandardWebhook(OTHER, headers, a.body);
    await verifyStandardWebhook([OTHER, SECRET], a.headers, a.body);
    await refused(
      verifyStandardWebhook(
        ["whsec_" + Buffer.from("a third key").toString("base64")],
        headers,
        a.body,
      ),
    );
  });

  it("refuses missing headers, other versions, garbage and an empty secret", async () => {
    const { headers, body } = signed();
    for (const name of Object.keys(headers)) {
      const without: Record<string, string> = { ...headers };
      delete without[name];
      await refused(verifyStandardWebhook(SECRET, without, body));
    }
    const sig = headers["webhook-signature"].slice("v1,".length);
    for (const value of [`v2,${sig}`, sig, "v1,", "v1,%%%", "v1a,xyz"])
      await refused(
        verifyStandardWebhook(
          SECRET,
          { ...headers, "webhook-signature": value },
          body,
        ),
      );
    await refused(verifyStandardWebhook("", headers, body));
    await refused(verifyStandardWebhook([], headers, body));
    await refused(
      verifyStandardWebhook(
        SECRET,
        { ...headers, "webhook-timestamp": "1e3" },
        body,
      ),
    );
  });
});

describe("verifyGithubWebhook", () => {
  // https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries#testing-the-webhook-payload-validation
  const secret = "It's a Secret to Everybody";
  const body = "Hello, World!";
  const header =
    "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

  it("verifies GitHub's documented test vector", async () => {
    await verifyGithubWebhook(secret, { "x-hub-signature-256": header }, body);
    await verifyGithubWebhook(
      secret,
      new Headers({ "X-Hub-Signature-256": header }),
      new TextEncoder().encode(body),
    );
  });

  it("refuses a tampered body, a wrong secret, a malformed header and a replay", async () => {
    const headers = { "x-hub-signature-256": header };
    await refused(verifyGithubWebhook(secret, headers, "Hello, World?"));
    await refused(verifyGithubWebhook("It's a secret", headers, body));
    await refused(
      verifyGithubWebhook(
        secret,
        { "x-hub-signature-256": header.replace("sha256=", "sha1=") },
        body,
      ),
    );
    await refused(verifyGithubWebhook(secret, {}, body));
    const replay = createReplayGuard();
    await verifyGithubWebhook(secret, headers, body, { replay });
    // a new delivery id does not make the same signed body new
    await refused(
      verifyGithubWebhook(
        secret,
        { ...headers, "x-github-delivery": "another" },
        body,
        { replay },
      ),
    );
  });
});

describe("verifyStripeWebhook", () => {
  const stripe = new Stripe("sk_test_unused");
  const secret = "whsec_test_secret";
  const payload = JSON.stringify({ id: "evt_test_webhook", object: "event" });

  it("verifies what Stripe's library signs for tests (generateTestHeaderString)", async () => {
    const header = stripe.webhooks.generateTestHeaderString({
      payload,
      secret,
    });
    await verifyStripeWebhook(secret, { "stripe-signature": header }, payload);
    // several v1 signatures and a v0: the one that matches counts
    const withOthers = `${header},v1=${"0".repeat(64)},v0=${"1".repeat(64)}`;
    await verifyStripeWebhook(
      secret,
      { "stripe-signature": withOthers },
      payload,
    );
    // Stripe's own check agrees
    expect(stripe.webhooks.constructEvent(payload, header, secret).id).toBe(
      "evt_test_webhook",
    );
  });

  it("refuses a tampered body, a wrong secret, a stale timestamp and a replay", async () => {
    const header = stripe.webhooks.generateTestHeaderString({
      payload,
      secret,
    });
    const headers = { "stripe-signature": header };
    await refused(verifyStripeWebhook(secret, headers, payload + "\n"));
    await refused(verifyStripeWebhook("whsec_other", headers, payload));
    const stale = stripe.webhooks.generateTestHeaderString({
      payload,
      secret,
      timestamp: Math.floor(Date.now() / 1000) - 301,
    });
    await refused(
      verifyStripeWebhook(secret, { "stripe-signature": stale }, payload),
    );
    await refused(
      verifyStripeWebhook(
        secret,
        { "stripe-signature": header.replace(/t=\d+,/, "") },
        payload,
      ),
    );
    const replay = createReplayGuard();
    await verifyStripeWebhook(secret, headers, payload, { replay });
    await refused(
      verifyStripeWebhook(
        secret,
        { "stripe-signature": `${header},v1=${"ab".repeat(32)}` },
        payload,
        { replay },
      ),
    );
  });
});

describe("the helpers under them", () => {
  it("compares in constant time, by length first", () => {
    expect(
      constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 2])),
    ).toBe(true);
    expect(
      constantTimeEqual(new Uint8Array([1, 2]), new Uint8Array([1, 3])),
    ).toBe(false);
    expect(constantTimeEqual(new Uint8Array([1]), new Uint8Array([1, 2]))).toBe(
      false,
    );
  });

  it("a replay guard forgets ids after their time, and the oldest past its size", () => {
    let now = 0;
    const guard = createReplayGuard({ ttl: 10, max: 2, now: () => now });
    expect(guard.claim("a")).toBe(true);
    expect(guard.claim("a")).toBe(false);
    now = 11_000;
    expect(guard.claim("a")).toBe(true);
    expect(guard.claim("b")).toBe(true);
    expect(guard.claim("c")).toBe(true);
    // "a" was the oldest of three in a guard of two
    expect(guard.claim("a")).toBe(true);
    expect(guard.claim("c")).toBe(false);
    guard.release("c");
    expect(guard.claim("c")).toBe(true);
  });
});
