import { describe, expect, test } from "vitest";
import { pageShape } from "../../src/model/pagination.js";
import { sdkModel } from "../fixtures/client/sdk-model.js";
import { sdkHarness, type Answer } from "./sdk-harness.js";

// Pages of the generated client (issue 25, item 6): one endpoint per shape, detected from the
// description, walked against a server that pages 5 items 2 at a time.
const h = sdkHarness();
const ALL = ["a", "b", "c", "d", "e"];
const SIZE = 2;

const reply =
  (
    build: (
      url: URL,
      base: string,
    ) => { body: unknown; headers?: Record<string, string> },
  ): Answer =>
  (req, res) => {
    const url = new URL(req.url, "http://x");
    const { body, headers } = build(url, h.server.baseUrl);
    res.writeHead(200, { "Content-Type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
const slice = (from: number, size = SIZE) => ALL.slice(from, from + size);
const pets = (names: string[]) => names.map((name) => ({ id: name, name }));

async function collect(iterable: AsyncIterable<unknown>): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
const urls = () => h.received.map((r) => r.url);

describe("pages", () => {
  test("the description shows each shape unambiguously", () => {
    const model = sdkModel();
    const shapes = Object.fromEntries(
      model.endpoints.map((e) => [e.name, pageShape(model, e, ["200"])?.kind]),
    );
    expect(shapes).toMatchObject({
      listPets: "cursor",
      listOwners: "next-url",
      listTags: "link",
      listToys: "offset",
      listVets: "page",
      getPet: undefined,
      watchPets: undefined,
    });
  });

  test("cursor in the body", async () => {
    h.script = [
      reply((url) => {
        const from = Number(url.searchParams.get("cursor") ?? 0);
        const next = from + SIZE < ALL.length ? String(from + SIZE) : null;
        return { body: { pets: pets(slice(from)), nextCursor: next } };
      }),
    ];
    const items = await collect(
      h.client.listPetsPages(
        { query: { limit: SIZE } },
        { baseUrl: h.server.baseUrl },
      ),
    );
    expect(items).toEqual(pets(ALL));
    expect(urls()).toEqual([
      "/pets?limit=2",
      "/pets?limit=2&cursor=2",
      "/pets?limit=2&cursor=4",
    ]);
  });

  test("next URL in the body", async () => {
    h.script = [
      reply((url, base) => {
        const from = Number(url.searchParams.get("from") ?? 0);
        const next =
          from + SIZE < ALL.length
            ? `${base}/owners?from=${from + SIZE}`
            : null;
        return { body: { owners: slice(from), next } };
      }),
    ];
    expect(
      await collect(
        h.client.listOwnersPages({}, { baseUrl: h.server.baseUrl }),
      ),
    ).toEqual(ALL);
    expect(urls()).toEqual(["/owners", "/owners?from=2", "/owners?from=4"]);
  });

  test('Link: rel="next", relative to the page, with the call\'s headers on every page', async () => {
    h.script = [
      reply((url) => {
        const from = Number(url.searchParams.get("p") ?? 0);
        const headers: Record<string, string> =
          from + SIZE < ALL.length
            ? {
                Link: `</tags?p=0>; rel="first", </tags?p=${from + SIZE}>; rel="next"`,
              }
            : { Link: '</tags?p=0>; rel="first"' };
        return { body: slice(from), headers };
      }),
    ];
    const items = await collect(
      h.client.listTagsPages(
        {},
        { baseUrl: h.server.baseUrl, headers: { "X-Team": "t" } },
      ),
    );
    expect(items).toEqual(ALL);
    expect(urls()).toEqual(["/tags", "/tags?p=2", "/tags?p=4"]);
    expect(h.received.map((r) => r.headers["x-team"])).toEqual(["t", "t", "t"]);
  });

  test("offset/limit stops at a short page", async () => {
    h.script = [
      reply((url) => ({
        body: {
          toys: pets(
            slice(
              Number(url.searchParams.get("offset") ?? 0),
              Number(url.searchParams.get("limit")),
            ),
          ),
        },
      })),
    ];
    const items = await collect(
      h.client.listToysPages(
        { query: { limit: SIZE } },
        { baseUrl: h.server.baseUrl },
      ),
    );
    expect(items).toEqual(pets(ALL));
    expect(urls()).toEqual([
      "/toys?limit=2",
      "/toys?limit=2&offset=2",
      "/toys?limit=2&offset=4",
    ]);
  });

  test("page/per_page stops at an empty page; a retry inside a page is transparent", async () => {
    let failed = false;
    h.script = [
      (req, res) => {
        const url = new URL(req.url, "http://x");
        const page = Number(url.searchParams.get("page") ?? 1);
        if (page === 2 && !failed) {
          failed = true;
          res.writeHead(503, { "Retry-After": "0" });
          return res.end();
        }
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify(pets(slice((page - 1) * 3, 3))));
      },
    ];
    const items = await collect(
      h.client.listVetsPages(
        { query: { per_page: 3 } },
        { baseUrl: h.server.baseUrl },
      ),
    );
    expect(items).toEqual(pets(ALL));
    expect(urls()).toEqual([
      "/vets?per_page=3",
      "/vets?per_page=3&page=2",
      "/vets?per_page=3&page=2",
    ]);
  });

  test("breaking out stops fetching; a failed page throws its ApiError", async () => {
    h.script = [
      reply(() => ({ body: { pets: pets(slice(0)), nextCursor: "2" } })),
    ];
    for await (const item of h.client.listPetsPages(
      {},
      { baseUrl: h.server.baseUrl },
    )) {
      void item;
      break;
    }
    expect(h.received).toHaveLength(1);
    h.server.received.length = 0;
    h.script = [
      reply(() => ({ body: { pets: pets(slice(0)), nextCursor: "2" } })),
      (_req, res) => {
        res.writeHead(400, { "Content-Type": "application/json" });
        res.end('{"message":"bad cursor"}');
      },
    ];
    await expect(
      collect(h.client.listPetsPages({}, { baseUrl: h.server.baseUrl })),
    ).rejects.toMatchObject({
      name: "ApiError",
      status: 400,
      operation: "listPets",
    });
  });
});
