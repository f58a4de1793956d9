import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  fillPath,
  plainPath,
  serializePath,
} from "../../templates/client/serialize.js";
import { wireModel } from "../fixtures/client/wire-model.js";
import { generateClient, importClient } from "./generate.js";
import { recordingServer, type Received } from "./server.js";

/* The generated client is imported as plain TypeScript; its types are checked in client.test.ts. */
interface Result {
  ok: boolean;
  status: number;
  data?: unknown;
  error?: unknown;
  response: Response;
}
type Fn = (args?: object, options?: object) => Promise<Result>;
type Client = Record<string, Fn> & {
  createClient: (config: object) => Record<string, Fn>;
  DEFAULT_BASE_URL: string;
};

let dir: string;
let client: Client;
let server: Awaited<ReturnType<typeof recordingServer>>;

beforeAll(async () => {
  dir = await generateClient(wireModel(), "wire");
  client = await importClient<Client>(dir);
  server = await recordingServer((req, res) => {
    if (req.url.startsWith("/items/missing/")) {
      res.statusCode = 404;
      res.setHeader("Content-Type", "application/json");
      res.end('{"message":"no such item"}');
    } else if (req.method === "DELETE") {
      res.statusCode = 204;
      res.end();
    } else if (req.url === "/text") {
      res.setHeader("Content-Type", "text/plain; charset=utf-8");
      res.end("plain words");
    } else {
      res.setHeader("Content-Type", "application/json");
      res.end('{"id":"7","ok":true}');
    }
  });
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function last(): Received {
  return server.received[server.received.length - 1]!;
}
const at = () => ({ baseUrl: server.baseUrl });

describe("generated client on the wire", () => {
  test("takes its default base URL from the first server, variables filled", () => {
    expect(client.DEFAULT_BASE_URL).toBe("https://example.invalid/v1");
  });

  test("percent-encodes path parameters so they cannot change the path", async () => {
    await client.getItem!({ path: { id: "../a/b c", part: "?x#y" } }, at());
    expect(last().method).toBe("GET");
    expect(last().url).toBe("/items/..%2Fa%2Fb%20c/parts/%3Fx%23y");
  });

  test("throws naming the parameter, sending nothing, when a path parameter is missing", async () => {
    const before = server.received.length;
    await expect(
      client.getItem!({ path: { part: "2" } }, at()),
    ).rejects.toThrow(
      'path parameter "id" of /items/{id}/parts/{part} is missing',
    );
    await expect(
      client.getItem!({ path: { id: "1", part: null } }, at()),
    ).rejects.toThrow(
      'path parameter "part" of /items/{id}/parts/{part} is missing',
    );
    await expect(
      client.getItem!({ path: { id: "", part: "2" } }, at()),
    ).rejects.toThrow(
      'path parameter "id" of /items/{id}/parts/{part} is empty; it would change the path',
    );
    // never read through the prototype: `{ toString: … }` is inherited, not given
    await expect(
      client.getItem!({ path: Object.create({ id: "1", part: "2" }) }, at()),
    ).rejects.toThrow('path parameter "id"');
    expect(server.received.length).toBe(before);
  });

  test("refuses values that make a dot segment, which the URL parser would remove", async () => {
    const before = server.received.length;
    for (const [id, part] of [
      ["..", "x"],
      [".", "x"],
      ["1", ".."],
    ])
      await expect(
        client.getItem!({ path: { id, part } }, at()),
      ).rejects.toThrow("make a dot segment; it would change the path");
    expect(server.received.length).toBe(before);
    // label style writes `.` + `%2E`: the URL parser reads `.%2E` as `..`
    expect(() =>
      fillPath("/a/{x}", { x: "." }, { x: { style: "label" } }, plainPath),
    ).toThrow("make a dot segment");
    // a dot inside a segment, or beside other text, changes nothing
    expect(fillPath("/a/{x}/{y}.json", { x: "...", y: "." })).toBe(
      "/a/.../..json",
    );
    expect(fillPath("/a/{x}", { x: "a.." })).toBe("/a/a..");
  });

  test("writes a path parameter with the writer the endpoint names, and refuses one without it", () => {
    const matrix = { x: { style: "matrix" as const } };
    expect(fillPath("/a/{x}", { x: [1, 2] }, matrix, serializePath)).toBe(
      "/a/;x=1,2",
    );
    // simple and label: plainPath
    expect(fillPath("/a/{x}", { x: [1, 2] }, {}, plainPath)).toBe("/a/1,2");
    const label = { x: { style: "label" as const } };
    expect(fillPath("/a/{x}", { x: [1, 2] }, label, plainPath)).toBe("/a/.1,2");
    expect(() => fillPath("/a/{x}", { x: [1, 2] }, matrix, plainPath)).toThrow(
      'matrix path parameter "x" needs writePath',
    );
    // none named (an endpoint template that names no writePath): a string, number or boolean
    // `simple` alone, never another path
    expect(fillPath("/a/{x}", { x: "a b" })).toBe("/a/a%20b");
    expect(fillPath("/a/{x}", { x: 1.5 })).toBe("/a/1.5");
    for (const [value, styles] of [
      [[1, 2], {}],
      [{ a: 1 }, {}],
      ["1", label],
      ["1", matrix],
      ["1", { x: { contentType: "application/json" } }],
    ] as const)
      expect(() => fillPath("/a/{x}", { x: value }, styles)).toThrow(
        'path parameter "x" needs its spec\'s writePath (plainPath)',
      );
  });

  test("fills a path parameter called __proto__ from an own property only", () => {
    const own = JSON.parse('{"__proto__":"v w"}') as object;
    expect(fillPath("/a/{__proto__}", own)).toBe("/a/v%20w");
    // an object literal's `__proto__: "v"` sets no property: the parameter is missing
    expect(() => fillPath("/a/{__proto__}", { __proto__: "v" })).toThrow(
      'path parameter "__proto__" of /a/{__proto__} is missing',
    );
  });

  test("serializes query parameters by style and explode", async () => {
    await client.getItem!(
      {
        path: { id: "1", part: "2" },
        query: {
          tags: ["a", "b c"],
          ids: [1, 2],
          words: ["x", "y"],
          pipes: ["p", "q"],
          filter: { color: "red", size: 3 },
          q: "&=",
        },
      },
      at(),
    );
    expect(last().url).toBe(
      "/items/1/parts/2?tags=a&tags=b%20c&ids=1,2&words=x%20y&pipes=p|q" +
        "&filter[color]=red&filter[size]=3&q=%26%3D",
    );
  });

  test("returns typed data for a success and a typed error otherwise, with the Response", async () => {
    const good = await client.getItem!({ path: { id: "1", part: "2" } }, at());
    expect(good).toMatchObject({
      ok: true,
      status: 200,
      data: { id: "7", ok: true },
    });
    expect(good.response).toBeInstanceOf(Response);
    const bad = await client.getItem!(
      { path: { id: "missing", part: "2" } },
      at(),
    );
    expect(bad).toMatchObject({
      ok: false,
      status: 404,
      error: { message: "no such item" },
    });
  });

  test("sends Accept from the response media types and per-call headers", async () => {
    await client.getItem!(
      { path: { id: "1", part: "2" }, headers: { "X-Trace": "t-1" } },
      { ...at(), headers: { "X-Extra": "e" } },
    );
    expect(last().headers["accept"]).toBe("application/json");
    expect(last().headers["x-trace"]).toBe("t-1");
    expect(last().headers["x-extra"]).toBe("e");
  });

  test("sends JSON bodies with their media type", async () => {
    const result = await client.createItem!(
      { body: { id: "9", count: 2 } },
      at(),
    );
    expect(last().method).toBe("POST");
    expect(last().headers["content-type"]).toBe("application/json");
    expect(JSON.parse(last().body.toString())).toEqual({ id: "9", count: 2 });
    expect(result.status).toBe(200);
  });

  test("sends form-urlencoded bodies", async () => {
    await client.submitForm!({ body: { name: "a b", tags: ["x", "y"] } }, at());
    expect(last().headers["content-type"]).toBe(
      "application/x-www-form-urlencoded",
    );
    expect(last().body.toString()).toBe("name=a+b&tags=x&tags=y");
  });

  test("sends multipart bodies with files as Blob parts", async () => {
    const file = new Blob(["file bytes"], { type: "text/plain" });
    await client.upload!({ body: { file, note: "hi" } }, at());
    const type = String(last().headers["content-type"]);
    expect(type).toMatch(/^multipart\/form-data; boundary=/);
    const text = last().body.toString();
    expect(text).toContain('name="file"');
    expect(text).toContain("file bytes");
    expect(text).toMatch(/name="note"\r\n\r\nhi\r\n/);
  });

  test("applies bearer, OAuth, basic and API-key auth as the endpoint's security says", async () => {
    const auth = {
      token: () => Promise.resolve("tok"),
      username: "ann",
      password: "pw:1",
      apiKey: { headerKey: "hk", queryKey: "q k", cookieKey: "ck" },
    };
    const c = client.createClient({ baseUrl: server.baseUrl, auth });
    await c.bearerOnly!();
    expect(last().headers["authorization"]).toBe("Bearer tok");
    await c.getItem!({ path: { id: "1", part: "2" } });
    expect(last().headers["authorization"]).toBe("Bearer tok");
    await c.basicOnly!();
    expect(last().headers["authorization"]).toBe(
      "Basic " + Buffer.from("ann:pw:1").toString("base64"),
    );
    await c.keyHeader!();
    expect(last().headers["x-api-key"]).toBe("hk");
    expect(last().headers["authorization"]).toBeUndefined();
    await c.keyQuery!();
    expect(last().url).toBe("/auth/query?api_key=q%20k");
    await c.keyCookie!();
    expect(last().headers["cookie"]).toBe("session=ck");
  });

  test("sends no credential to an endpoint that needs none", async () => {
    const c = client.createClient({
      baseUrl: server.baseUrl,
      auth: { token: "tok" },
    });
    await c.createItem!({ body: { id: "1" } });
    expect(last().headers["authorization"]).toBeUndefined();
  });

  test("createClient binds base URL, headers and fetch; call options win", async () => {
    const seen: string[] = [];
    const spy: typeof fetch = (input, init) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return fetch(input, init);
    };
    const c = client.createClient({
      baseUrl: "http://127.0.0.1:9/unused",
      fetch: spy,
      headers: { "X-A": "1" },
    });
    await c.getText!(undefined, {
      baseUrl: server.baseUrl,
      headers: { "X-B": "2" },
    });
    expect(seen).toEqual([`${server.baseUrl}/text`]);
    expect(last().headers["x-a"]).toBe("1");
    expect(last().headers["x-b"]).toBe("2");
  });

  test("reads text bodies as strings and 204 as undefined", async () => {
    const text = await client.getText!(undefined, at());
    expect(text).toMatchObject({ ok: true, data: "plain words" });
    const gone = await client.deleteItem!({ path: { id: "1" } }, at());
    expect(gone).toMatchObject({ ok: true, status: 204, data: undefined });
    expect(last().method).toBe("DELETE");
  });

  test("passes the AbortSignal to fetch", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      client.getText!(undefined, { ...at(), signal: controller.signal }),
    ).rejects.toThrow(/abort/i);
  });
});
