import { describe, expect, test } from "vitest";
import {
  S,
  carried,
  drain,
  hostileHarness,
  json,
  leaked,
  type Answer,
} from "./hostile-harness.js";

// Issue 41, deliverable 1: credentials stay with their origin. A page, a Link header or a
// redirect of the API names a second origin (another port of 127.0.0.1); whatever the kind of
// credential, the second origin receives none of it.
const h = hostileHarness();
const KEY = { auth: { apiKey: { queryKey: S.query } } };
const KINDS = [
  "bearer and every API key",
  "bearer",
  "basic",
  "OAuth client credentials",
  "API key in a header",
  "API key in the query",
  "API key in a cookie",
];

/** The API's first page names the second origin's `/collect` as the next page. */
function nextOnOther(shape: "body" | "link" | "relative link"): void {
  const target = h.other.url + "/collect?page=2";
  if (shape === "body")
    h.api.routes["/owners"] = json({ owners: ["a", "b"], next: target });
  else
    h.api.routes["/tags"] = json(["a", "b"], {
      // `//host:port/…` is relative to the page's scheme only: another origin all the same
      Link: `<${shape === "link" ? target : target.replace("http:", "")}>; rel="next"`,
    });
}

describe("a next page on another origin", () => {
  for (const kind of KINDS)
    for (const shape of ["body", "link", "relative link"] as const)
      test(`is refused before it is fetched: ${kind}, next page in the ${shape}`, async () => {
        const { options, secrets } = h.kinds()[kind]!;
        nextOnOther(shape);
        const walk = shape === "body" ? "listOwnersPages" : "listTagsPages";
        const { items, error } = await drain(
          h.client[walk]!({}, { baseUrl: h.api.url, ...options }),
        );
        expect(items).toEqual(["a", "b"]);
        expect(error).toBeInstanceOf(h.errors.PaginationError);
        expect(error).toMatchObject({
          name: "PaginationError",
          reason: "origin",
          next: h.other.url + "/collect?page=2",
          pages: 1,
        });
        expect(h.other.received).toEqual([]);
        // the API itself got the credential: the test would see it go along
        expect(carried(h.calls[0]!)).toEqual(expect.arrayContaining(secrets));
      });

  test("is followed, credentials and all, when trustedOrigins lists its origin", async () => {
    nextOnOther("link");
    h.other.routes["/collect"] = json(["c"]);
    const { items, error } = await drain(
      h.client.listTagsPages!(
        {},
        {
          baseUrl: h.api.url,
          auth: { token: h.kinds().bearer!.secrets[0] },
          trustedOrigins: [h.other.url + "/"],
        },
      ),
    );
    expect({ items, error }).toEqual({
      items: ["a", "b", "c"],
      error: undefined,
    });
    expect(h.other.received.map((r) => r.headers.authorization)).toEqual([
      "Bearer tok-SECRET-bearer-7f3a",
    ]);
  });

  test("on the API's own origin is followed with the credentials, and middleware sees each page as sent", async () => {
    h.api.routes["/owners"] = (req, res) =>
      json(
        req.url === "/owners"
          ? { owners: ["a"], next: h.api.url + "/owners?page=2" }
          : { owners: ["b"], next: null },
      )(req, res);
    const seen: string[] = [];
    const { items } = await drain(
      h.client.listOwnersPages!(
        {},
        {
          baseUrl: h.api.url,
          auth: { apiKey: { headerKey: "k" } },
          middleware: [
            {
              onRequest: ({ request }: { request: Request }) =>
                void seen.push(request.url),
            },
          ],
        },
      ),
    );
    expect(items).toEqual(["a", "b"]);
    expect(seen).toEqual([h.api.url + "/owners", h.api.url + "/owners?page=2"]);
    expect(h.calls.map((r) => r.headers["x-secret-key"])).toEqual(["k", "k"]);
  });
});

const redirect =
  (status: number, location: () => string): Answer =>
  (_req, res) => {
    res.writeHead(status, { Location: location() });
    res.end();
  };

describe("a redirect to another origin", () => {
  const cases: [number, "GET" | "POST" | "PUT"][] = [
    [301, "GET"],
    [302, "GET"],
    [303, "GET"],
    [307, "GET"],
    [308, "GET"],
    [301, "POST"],
    [302, "POST"],
    [303, "POST"],
    [307, "POST"],
    [308, "PUT"],
  ];
  const call = { GET: "getThing", POST: "postThing", PUT: "putThing" };
  for (const kind of KINDS)
    for (const [status, method] of cases)
      test(`is followed without any credential: ${status} after ${method}, ${kind}`, async () => {
        const { options, secrets } = h.kinds()[kind]!;
        h.api.routes["/things/1"] = redirect(
          status,
          () => h.other.url + "/collect?from=api",
        );
        const r = await h.client[call[method]]!(
          { path: { id: "1" }, body: { id: "sent" } },
          { baseUrl: h.api.url, ...options },
        );
        expect(r).toMatchObject({ ok: true, data: { id: "collected" } });
        expect(h.other.received).toHaveLength(1);
        expect(leaked(h.other.received)).toEqual([]);
        const [arrived] = h.other.received;
        // 303, and 301/302 after a POST, become a GET without a body; 307 and 308 resend it
        const get = status === 303 || (status < 303 && method === "POST");
        expect(arrived!.method).toBe(get ? "GET" : method);
        expect(arrived!.body).toBe(
          get || method === "GET" ? "" : '{"id":"sent"}',
        );
        expect(arrived!.url).toBe("/collect?from=api");
        expect(carried(h.calls[0]!)).toEqual(expect.arrayContaining(secrets));
      });

  test("keeps the credentials on the API's own origin, and drops them at the hop that leaves it", async () => {
    h.api.routes["/things/1"] = redirect(307, () => "/things/2");
    h.api.routes["/things/2"] = redirect(302, () => h.other.url + "/collect");
    const r = await h.client.getThing!(
      { path: { id: "1" } },
      { baseUrl: h.api.url, ...h.kinds()["bearer and every API key"]!.options },
    );
    expect(r.ok).toBe(true);
    const [first, second] = h.calls;
    expect(carried(first!)).toHaveLength(4);
    // the redirect's own URL is sent as it is: the query key is the first request's only
    expect(second!.url).toBe("/things/2");
    expect(carried(second!).sort()).toEqual(
      [
        "tok-SECRET-bearer-7f3a",
        "key-SECRET-header-55d1",
        "key-SECRET-cookie-c4a9",
      ].sort(),
    );
    expect(leaked(h.other.received)).toEqual([]);
  });

  test("keeps Accept and Content-Type, and the credentials when trustedOrigins lists the origin", async () => {
    h.api.routes["/things/1"] = redirect(307, () => h.other.url + "/collect");
    await h.client.postThing!(
      { path: { id: "1" }, body: { id: "x" } },
      {
        baseUrl: h.api.url,
        headers: { "X-Trace": "t" },
        auth: { token: "t0" },
      },
    );
    expect(h.other.received[0]!.headers).toMatchObject({
      accept: "application/json",
      "content-type": "application/json",
    });
    expect(h.other.received[0]!.headers["x-trace"]).toBeUndefined();
    h.other.received.length = 0;
    await h.client.getThing!(
      { path: { id: "1" } },
      {
        baseUrl: h.api.url,
        auth: { token: "t0" },
        trustedOrigins: [h.other.url],
      },
    );
    expect(h.other.received[0]!.headers.authorization).toBe("Bearer t0");
  });

  test("a middleware that moves the request to another origin sends no credential there, and OAuth does not send a new token after its 401", async () => {
    const oauth = h.kinds()["OAuth client credentials"]!.options as {
      auth: object;
      middleware: object[];
    };
    h.other.routes["/collect"] = json({ message: "who are you" }, {}, 401);
    const move = {
      onRequest: ({ request }: { request: Request }) =>
        new Request(h.other.url + "/collect", request),
    };
    const r = await h.client.getThing!(
      { path: { id: "1" } },
      {
        baseUrl: h.api.url,
        auth: oauth.auth,
        middleware: [move, ...oauth.middleware],
        retry: false,
      },
    );
    expect(r.status).toBe(401);
    expect(h.other.received).toHaveLength(1);
    expect(leaked(h.other.received)).toEqual([]);
  });

  test("a redirect loop ends with a RedirectError after maxRedirects (20 by default)", async () => {
    h.api.routes["/things/1"] = redirect(302, () => h.api.url + "/things/1");
    for (const [max, options] of [
      [20, {}],
      [3, { maxRedirects: 3 }],
      [0, { maxRedirects: 0 }],
    ] as const) {
      h.api.received.length = 0;
      const error = await h.client.getThing!(
        { path: { id: "1" } },
        { baseUrl: h.api.url, ...options },
      ).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(h.errors.RedirectError);
      expect(error).toMatchObject({ location: h.api.url + "/things/1" });
      // the first request and `max` redirects followed, never retried
      expect(h.api.received).toHaveLength(max + 1);
    }
  });
});

describe("a redirect that copies the query to another origin", () => {
  // a server that moved answers `301 <new origin>$request_uri`: the API key the client put in
  // the query comes back in the Location
  const copying: Answer = (req, res) => {
    const query = req.url.slice(req.url.indexOf("?"));
    res.writeHead(301, { Location: `${h.other.url}/collect${query}&from=api` });
    res.end();
  };

  test("sends no query API key there, and keeps the rest of the query as the server wrote it", async () => {
    h.api.routes["/things/1"] = copying;
    const r = await h.client.getThing!(
      { path: { id: "1" } },
      { baseUrl: h.api.url, ...h.kinds()["bearer and every API key"]!.options },
    );
    expect(r).toMatchObject({ ok: true, data: { id: "collected" } });
    expect(h.calls[0]!.url).toContain("api_key=" + S.query);
    expect(leaked(h.other.received)).toEqual([]);
    expect(h.other.received[0]!.url).toBe("/collect?from=api");
  });

  test("keeps it for a trusted origin, and a RedirectError's location never holds it", async () => {
    h.api.routes["/things/1"] = copying;
    await h.client.getThing!(
      { path: { id: "1" } },
      { baseUrl: h.api.url, ...KEY, trustedOrigins: [h.other.url] },
    );
    expect(carried(h.other.received[0]!)).toEqual([S.query]);
    // the last hop, on the API's own origin, is not followed: its URL is in the error
    h.api.routes["/things/1"] = (req, res) => {
      res.writeHead(302, { Location: req.url });
      res.end();
    };
    const error = await h.client.getThing!(
      { path: { id: "1" } },
      { baseUrl: h.api.url, ...KEY, maxRedirects: 2 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(h.errors.RedirectError);
    expect(String((error as Error).message)).not.toContain("SECRET");
    expect((error as { location: string }).location).toBe(
      h.api.url + "/things/1",
    );
  });
});

describe("OAuth's retry after a 401", () => {
  test("follows a redirect as the client does, its fresh token only on the API's origin", async () => {
    const { options } = h.kinds()["OAuth client credentials"]!;
    let tokens = 0;
    h.api.routes["/token"] = (_req, res) => {
      tokens++;
      json({ access_token: S.oauth + "-" + tokens, expires_in: 3600 })(
        _req,
        res,
      );
    };
    // the first token is refused; the retry is sent on, within the API, then to the other origin
    h.api.routes["/things/1"] = (req, res) => {
      if (req.headers.authorization === `Bearer ${S.oauth}-1`)
        return json({ message: "expired" }, {}, 401)(req, res);
      res.writeHead(307, { Location: "/things/2" });
      res.end();
    };
    h.api.routes["/things/2"] = redirect(302, () => h.other.url + "/collect");
    const r = await h.client.getThing!(
      { path: { id: "1" } },
      { baseUrl: h.api.url, ...options, retry: false },
    );
    expect(r).toMatchObject({
      ok: true,
      status: 200,
      data: { id: "collected" },
    });
    expect(h.calls.map((c) => [c.url, c.headers.authorization])).toEqual([
      ["/things/1", `Bearer ${S.oauth}-1`],
      ["/things/1", `Bearer ${S.oauth}-2`],
      ["/things/2", `Bearer ${S.oauth}-2`],
    ]);
    expect(h.other.received).toHaveLength(1);
    expect(leaked(h.other.received)).toEqual([]);
  });
});
