import { describe, expect, test } from "vitest";
import {
  S,
  carried,
  drain,
  hostileHarness,
  json,
  leaked,
} from "./hostile-harness.js";

// Issue 41 (runtime41 d): an API key sent in the query is part of the first page's URL only;
// a next page named by a URL (in the body or a Link header) is the API's URL. The walk adds
// the caller's key to a next URL on the API's own origin (the first page's), once, whatever
// the URL carries, and never to another origin, trusted or not: there it strips a key the
// API copied into the URL. 127.0.0.1, a second port for the second origin.
const h = hostileHarness();
const KEY = { auth: { apiKey: { queryKey: S.query } } };

/** The `api_key` values of a request's query. */
function keysOf(url: string): string[] {
  return new URL(url, "http://x").searchParams.getAll("api_key");
}

describe("a query API key on next pages", () => {
  for (const shape of ["body", "link"] as const)
    for (const form of ["absolute", "relative"] as const)
      test(`goes along, once, to a next URL on the API's origin: ${form}, in the ${shape}`, async () => {
        const at = (path: string) =>
          form === "absolute" ? h.api.url + path : path;
        const walk = shape === "body" ? "listOwnersPages" : "listTagsPages";
        if (shape === "body") {
          h.api.routes["/owners"] = json({
            owners: ["a"],
            next: at("/owners2?cursor=b"),
          });
          h.api.routes["/owners2"] = json({ owners: ["b"], next: null });
        } else {
          h.api.routes["/tags"] = json(["a"], {
            Link: `<${at("/tags2?cursor=b")}>; rel="next"`,
          });
          h.api.routes["/tags2"] = json(["b"]);
        }
        const { items, error } = await drain(
          h.client[walk]!({}, { baseUrl: h.api.url, ...KEY }),
        );
        expect({ items, error }).toEqual({
          items: ["a", "b"],
          error: undefined,
        });
        expect(h.calls.map((r) => keysOf(r.url))).toEqual([
          [S.query],
          [S.query],
        ]);
        // the API's own query stays as it gave it
        expect(
          new URL(h.calls[1]!.url, "http://x").searchParams.get("cursor"),
        ).toBe("b");
      });

  test("replaces a key the API copied into the next URL, never doubling it", async () => {
    h.api.routes["/owners"] = json({
      owners: ["a"],
      next: `${h.api.url}/owners2?api_key=planted&x=1&api%5Fkey=${S.query}`,
    });
    h.api.routes["/owners2"] = json({ owners: ["b"], next: null });
    const { items } = await drain(
      h.client.listOwnersPages!({}, { baseUrl: h.api.url, ...KEY }),
    );
    expect(items).toEqual(["a", "b"]);
    expect(keysOf(h.calls[1]!.url)).toEqual([S.query]);
    expect(h.calls[1]!.url).toContain("x=1");
  });

  test("goes to no other origin, even a trusted one, and a copied key is stripped there", async () => {
    h.api.routes["/owners"] = json({
      owners: ["a"],
      next: `${h.other.url}/collect?api_key=${S.query}&page=2`,
    });
    h.other.routes["/collect"] = json({ owners: ["b"], next: null });
    const { items, error } = await drain(
      h.client.listOwnersPages!(
        {},
        { baseUrl: h.api.url, trustedOrigins: [h.other.url], ...KEY },
      ),
    );
    expect({ items, error }).toEqual({ items: ["a", "b"], error: undefined });
    expect(carried(h.calls[0]!)).toEqual([S.query]);
    expect(h.other.received.map((r) => r.url)).toEqual(["/collect?page=2"]);
    expect(leaked(h.other.received)).toEqual([]);
  });

  test("an untrusted origin is still refused before anything is sent", async () => {
    h.api.routes["/owners"] = json({
      owners: ["a"],
      next: `${h.other.url}/collect?page=2`,
    });
    const { error } = await drain(
      h.client.listOwnersPages!({}, { baseUrl: h.api.url, ...KEY }),
    );
    expect(error).toMatchObject({ name: "PaginationError", reason: "origin" });
    expect(h.other.received).toEqual([]);
  });

  test("a next URL that differs from the last one only by the key is a repeat, not a new page", async () => {
    // the API names its own page again, with the caller's key copied in: the walk adds the key
    // itself, so the two are the same page
    h.api.routes["/owners"] = json({
      owners: ["a"],
      next: `${h.api.url}/owners?api_key=${S.query}`,
    });
    const { items, error } = await drain(
      h.client.listOwnersPages!({}, { baseUrl: h.api.url, ...KEY }),
    );
    expect(items).toEqual(["a"]);
    expect(error).toMatchObject({ name: "PaginationError", reason: "repeat" });
    expect(h.calls).toHaveLength(1);
    // and the error says the page without the secret
    expect(String(error)).not.toContain(S.query);
  });
});
