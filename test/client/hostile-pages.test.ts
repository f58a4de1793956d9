import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { drain, hostileHarness, json } from "./hostile-harness.js";

// Issue 41, deliverable 2: every page walk ends. An API that names a page it named before
// (cursor, URL, Link, offset, page) or pages without end: the iterator stops with a typed
// PaginationError, having fetched each page once.
const h = hostileHarness();
const PAGE_ERROR = { name: "PaginationError" };

describe("a page named again", () => {
  test('the same cursor on every page ("same") ends after two requests', async () => {
    h.api.routes["/pets"] = json({ pets: [{ id: "p" }], nextCursor: "same" });
    const { items, error } = await drain(
      h.client.listPetsPages!({}, { baseUrl: h.api.url }),
    );
    expect(error).toBeInstanceOf(h.errors.PaginationError);
    expect(error).toMatchObject({ reason: "repeat", next: "same", pages: 2 });
    expect(items).toHaveLength(2);
    expect(h.calls.map((r) => r.url)).toEqual(["/pets", "/pets?cursor=same"]);
  });

  test("a cursor given by the caller and named again by the first page", async () => {
    h.api.routes["/pets"] = json({ pets: [], nextCursor: "start" });
    const { error } = await drain(
      h.client.listPetsPages!(
        { query: { cursor: "start" } },
        { baseUrl: h.api.url },
      ),
    );
    expect(error).toMatchObject({ ...PAGE_ERROR, reason: "repeat", pages: 1 });
    expect(h.calls).toHaveLength(1);
  });

  test("a next URL back to the first page, and a Link header naming itself", async () => {
    h.api.routes["/owners"] = (req, res) =>
      json({
        owners: [req.url],
        next: req.url === "/owners" ? "/owners?p=2" : h.api.url + "/owners",
      })(req, res);
    const owners = await drain(
      h.client.listOwnersPages!({}, { baseUrl: h.api.url }),
    );
    expect(owners.items).toEqual(["/owners", "/owners?p=2"]);
    expect(owners.error).toMatchObject({
      ...PAGE_ERROR,
      reason: "repeat",
      next: h.api.url + "/owners",
    });
    h.api.received.length = 0;
    h.api.routes["/tags"] = json(["t"], { Link: '</tags>; rel="next"' });
    const tags = await drain(
      h.client.listTagsPages!({}, { baseUrl: h.api.url }),
    );
    expect(tags.error).toMatchObject({ ...PAGE_ERROR, reason: "repeat" });
    expect(h.calls).toHaveLength(1);
  });
});

describe("pages without end", () => {
  test("fresh cursors forever end after maxPages, 1,000 by default", async () => {
    let n = 0;
    h.api.routes["/pets"] = (req, res) =>
      json({ pets: [{ id: "p" }], nextCursor: `c${++n}` })(req, res);
    const { items, error } = await drain(
      h.client.listPetsPages!({}, { baseUrl: h.api.url, retry: false }),
    );
    expect(error).toMatchObject({
      ...PAGE_ERROR,
      reason: "limit",
      pages: 1000,
      next: "c1000",
    });
    expect(items).toHaveLength(1000);
    expect(h.calls).toHaveLength(1000);
  });

  test("full pages forever: offset and page walks end after maxPages", async () => {
    h.api.routes["/toys"] = json({ toys: [{ id: "a" }, { id: "b" }] });
    h.api.routes["/vets"] = json([{ id: "a" }, { id: "b" }]);
    const toys = await drain(
      h.client.listToysPages!(
        { query: { limit: 2 } },
        { baseUrl: h.api.url, maxPages: 5 },
      ),
    );
    expect(toys.error).toMatchObject({
      ...PAGE_ERROR,
      reason: "limit",
      next: "10",
    });
    const vets = await drain(
      h.client.listVetsPages!(
        { query: { per_page: 2 } },
        { baseUrl: h.api.url, maxPages: 3 },
      ),
    );
    expect(vets.error).toMatchObject({
      ...PAGE_ERROR,
      reason: "limit",
      next: "4",
    });
    expect(h.calls.map((r) => r.url)).toEqual([
      "/toys?limit=2",
      "/toys?limit=2&offset=2",
      "/toys?limit=2&offset=4",
      "/toys?limit=2&offset=6",
      "/toys?limit=2&offset=8",
      "/vets?per_page=2",
      "/vets?per_page=2&page=2",
      "/vets?per_page=2&page=3",
    ]);
  });

  test("maxPages: Infinity walks on until the API ends", async () => {
    let n = 0;
    h.api.routes["/pets"] = (req, res) =>
      json({ pets: [{ id: "p" }], nextCursor: ++n < 1001 ? `c${n}` : null })(
        req,
        res,
      );
    const { items, error } = await drain(
      h.client.listPetsPages!({}, { baseUrl: h.api.url, maxPages: Infinity }),
    );
    expect(error).toBeUndefined();
    expect(items).toHaveLength(1001);
  });
});

describe("random page sequences (fast-check)", () => {
  /** The index of the first value seen before (among `before` and earlier values), or -1. */
  function firstRepeat(values: string[], before: string[] = []): number {
    const seen = new Set(before);
    for (const [i, v] of values.entries()) {
      if (seen.has(v)) return i;
      seen.add(v);
    }
    return -1;
  }

  test("cursors: the walk ends with a PaginationError exactly when a cursor repeats", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom("a", "b", "c", "d", "e", "f"), {
          maxLength: 9,
        }),
        async (cursors) => {
          h.api.received.length = 0;
          // page i names cursors[i] as the next; the page after the last names none
          h.api.routes["/pets"] = (req, res) => {
            const i = h.calls.length - 1;
            json({ pets: [{ id: String(i) }], nextCursor: cursors[i] ?? null })(
              req,
              res,
            );
          };
          const { items, error } = await drain(
            h.client.listPetsPages!({}, { baseUrl: h.api.url }),
          );
          const repeat = firstRepeat(cursors);
          if (repeat < 0) {
            expect(error).toBeUndefined();
            expect(items).toHaveLength(cursors.length + 1);
          } else {
            expect(error).toBeInstanceOf(h.errors.PaginationError);
            expect(error).toMatchObject({
              reason: "repeat",
              next: cursors[repeat],
              pages: repeat + 1,
            });
            expect(items).toHaveLength(repeat + 1);
          }
          expect(h.calls).toHaveLength(items.length);
        },
      ),
      { numRuns: 60, seed: 41 },
    );
  });

  test("next URLs: the walk ends with a PaginationError exactly when a URL repeats, the first page's included", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.constantFrom(
            "/owners",
            "/owners?p=1",
            "/owners?p=2",
            "/owners?q=1",
            "/other",
          ),
          {
            maxLength: 7,
          },
        ),
        async (paths) => {
          h.api.received.length = 0;
          h.api.routes["/other"] = h.api.routes["/owners"] = (req, res) => {
            const i = h.calls.length - 1;
            json({ owners: [req.url], next: paths[i] ?? null })(req, res);
          };
          const { items, error } = await drain(
            h.client.listOwnersPages!({}, { baseUrl: h.api.url }),
          );
          const repeat = firstRepeat(paths, ["/owners"]);
          if (repeat < 0) {
            expect(error).toBeUndefined();
            expect(items).toEqual(["/owners", ...paths]);
          } else {
            expect(error).toMatchObject({
              name: "PaginationError",
              reason: "repeat",
              next: h.api.url + paths[repeat],
            });
            expect(items).toEqual(["/owners", ...paths.slice(0, repeat)]);
          }
        },
      ),
      { numRuns: 60, seed: 41 },
    );
  });
});

describe("retries and token refreshes", () => {
  const noWait = { wait: async () => {} };

  test("a 503 forever is tried `attempts` times (3 by default), and an attempts that is not a number means one", async () => {
    h.api.routes["/things/1"] = json({ message: "busy" }, {}, 503);
    for (const [retry, requests] of [
      [noWait, 3],
      [{ ...noWait, attempts: 5 }, 5],
      [{ ...noWait, attempts: Number.NaN }, 1],
    ] as const) {
      h.api.received.length = 0;
      const r = await h.client.getThing!(
        { path: { id: "1" } },
        { baseUrl: h.api.url, retry },
      );
      expect(r.status).toBe(503);
      expect(h.calls).toHaveLength(requests);
    }
  });

  test("a 401 forever: the OAuth middleware asks for one new token and sends the request once more", async () => {
    const { options } = h.kinds()["OAuth client credentials"]!;
    h.api.routes["/things/1"] = json({ message: "no" }, {}, 401);
    const r = await h.client.getThing!(
      { path: { id: "1" } },
      { baseUrl: h.api.url, ...options },
    );
    expect(r.status).toBe(401);
    expect(h.calls).toHaveLength(2);
    expect(h.api.received.filter((c) => c.url === "/token")).toHaveLength(2);
  });
});
