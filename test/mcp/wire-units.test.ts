import { describe, expect, it } from "vitest";
import {
  RECENT_CREDENTIALS,
  Secrets,
  type KeyPlace,
} from "../../templates/mcp/secrets.js";

/*
 * The fetch Secrets.call() gives a call (templates/mcp/secrets.ts): what it records of each
 * request before the options' fetch sends it, and in whose secrets. wire.test.ts has the
 * generated server's calls over HTTP.
 */
const PLACES: KeyPlace[] = [
  { in: "header", name: "X-Api-Key" },
  { in: "query", name: "api_key" },
  { in: "cookie", name: "sid" },
];

/**
 * A server's secrets whose options' fetch answers 204; the requests it was given, and each one's
 * `Authorization` header as the server's secrets redacted it then.
 */
function server(): { secrets: Secrets; sent: Request[]; atSend: string[] } {
  const sent: Request[] = [];
  const atSend: string[] = [];
  const secrets = new Secrets();
  secrets.options(
    {
      fetch: async (...[input, init]: Parameters<typeof fetch>) => {
        const request =
          input instanceof Request && !init ? input : new Request(input, init);
        sent.push(request);
        atSend.push(secrets.text(request.headers.get("Authorization") ?? ""));
        return new Response(null, { status: 204 });
      },
    },
    PLACES,
  );
  return { secrets, sent, atSend };
}

describe("Secrets.call's fetch: the credentials a request carries", () => {
  it("records them before the options' fetch sends it; no other header, no second key", async () => {
    const { secrets, sent, atSend } = server();
    const call = secrets.call();
    const request = new Request(
      "https://api.test/v1?a=1&api_key=q%2Bk%2F1&b=2&api_key=later-1#x",
      {
        headers: {
          Authorization: "Bearer tok-1",
          "X-Api-Key": "hk-1",
          Cookie: "theme=dark; sid=ck-1; sid=ck-later",
          "X-Request-Id": "req-1",
        },
      },
    );
    await call.fetch(request);
    expect(sent).toEqual([request]);
    expect(atSend).toEqual(["Bearer [redacted]"]);
    expect(
      call.secrets.text("tok-1 hk-1 q+k/1 q%2Bk%2F1 ck-1 dark req-1 1 2"),
    ).toBe(
      "[redacted] [redacted] [redacted] [redacted] [redacted] dark req-1 1 2",
    );
    // a second pair of a key's name is none the client sends (a redirect's URL may hold many)
    expect(call.secrets.text("later-1 ck-later")).toBe("later-1 ck-later");
  });

  it("reads Basic's password and pair decoded, never the user name alone", async () => {
    const { secrets } = server();
    const call = secrets.call();
    const basic = btoa("svc:p%40ss-ü".replace("ü", "\u00c3\u00bc"));
    await call.fetch("https://api.test/", {
      headers: { Authorization: `Basic ${basic}` },
    });
    expect(call.secrets.text(`svc svc:p%40ss-ü p%40ss-ü p@ss-ü ${basic}`)).toBe(
      "svc [redacted] [redacted] [redacted] [redacted]",
    );
  });

  it("takes a scheme word alone for no credential, a value without one for one", async () => {
    const { secrets } = server();
    const call = secrets.call();
    await call.fetch("https://api.test/", {
      headers: { Authorization: "Bearer" },
    });
    expect(call.secrets.size).toBe(0);
    await call.fetch("https://api.test/", {
      headers: { Authorization: "raw-key-1" },
    });
    expect(call.secrets.text("Bearer raw-key-1")).toBe("Bearer [redacted]");
  });

  it("keeps a call's values for the call; another's only among the server's recent ones", async () => {
    const { secrets } = server();
    const first = secrets.call();
    const second = secrets.call();
    await first.fetch("https://api.test/", {
      headers: { Authorization: "Bearer first-0001" },
    });
    // the server's recent values, as a credential function's are
    expect(second.secrets.text("first-0001")).toBe("[redacted]");
    for (let i = 0; i < RECENT_CREDENTIALS; i++)
      await second.fetch(`https://api.test/?api_key=second-${i}`);
    expect(secrets.text("first-0001 second-0")).toBe("first-0001 [redacted]");
    expect(second.secrets.text("first-0001")).toBe("first-0001");
    expect(first.secrets.text("first-0001 second-0")).toBe(
      "[redacted] [redacted]",
    );
  });

  it("sends with the platform's fetch when the options give none", async () => {
    const secrets = new Secrets();
    secrets.options({});
    const call = secrets.call();
    // a URL fetch refuses: the platform's fetch was called, after the value was recorded
    await expect(
      call.fetch("ftp://api.test/", {
        headers: { Authorization: "Bearer t-9" },
      }),
    ).rejects.toThrow();
    expect(call.secrets.text("t-9")).toBe("[redacted]");
  });
});
