import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeParameters } from "../../templates/server/decode.js";
import { createListener } from "../../templates/server/listener.js";
import { Router } from "../../templates/server/router.js";
import {
  HttpError,
  notImplemented,
  type RouteHandler,
  type RouteSpec,
} from "../../templates/server/runtime.js";
import { listen, type RunningServer } from "./http.js";

// the param route comes first on purpose: priority must not depend on declaration order
const ROUTES: RouteSpec[] = [
  {
    name: "getMessage",
    method: "GET",
    path: "/message/{messageId}",
    params: [
      { name: "messageId", in: "path", required: true, type: "integer" },
    ],
  },
  {
    name: "deleteMessage",
    method: "DELETE",
    path: "/message/{messageId}",
    params: [
      { name: "messageId", in: "path", required: true, type: "integer" },
    ],
  },
  {
    name: "recentMessages",
    method: "GET",
    path: "/message/recent",
    params: [],
  },
  {
    name: "postMessage",
    method: "POST",
    path: "/message",
    params: [],
    body: { required: true, mediaTypes: ["application/json"] },
  },
  {
    name: "appModule",
    method: "GET",
    path: "/app/{key}",
    params: [{ name: "key", in: "path", required: true, type: "string" }],
  },
  {
    name: "botMessages",
    method: "GET",
    path: "/app/chat:bot:messages",
    params: [],
  },
  {
    name: "fileJson",
    method: "GET",
    path: "/files/{name}.json",
    params: [{ name: "name", in: "path", required: true, type: "string" }],
  },
  {
    name: "search",
    method: "GET",
    path: "/search/",
    params: [
      { name: "limit", in: "query", required: true, type: "integer" },
      {
        name: "tag",
        in: "query",
        required: false,
        type: "string",
        array: true,
      },
      {
        name: "ids",
        in: "query",
        required: false,
        type: "number",
        array: true,
        explode: false,
      },
      {
        name: "pipes",
        in: "query",
        required: false,
        type: "string",
        array: true,
        style: "pipeDelimited",
        explode: false,
      },
      { name: "flag", in: "query", required: false, type: "boolean" },
      {
        name: "sort",
        in: "query",
        required: false,
        type: "string",
        enum: ["asc", "desc"],
      },
      {
        name: "sizes",
        in: "query",
        required: false,
        type: "integer",
        array: true,
        enum: [1, 2],
      },
      {
        name: "filter",
        in: "query",
        required: false,
        type: "string",
        properties: { min: "integer", name: "string" },
        style: "deepObject",
      },
      { name: "X-Trace", in: "header", required: false, type: "integer" },
    ],
  },
  {
    name: "form",
    method: "POST",
    path: "/form",
    params: [],
    body: {
      required: true,
      mediaTypes: ["multipart/form-data", "application/x-www-form-urlencoded"],
    },
  },
  {
    name: "readme",
    method: "GET",
    path: "/readme",
    params: [],
    produces: { "200": "text/markdown", "4XX": "text/plain" },
  },
  {
    name: "upload",
    method: "PUT",
    path: "/blob/{id}",
    params: [{ name: "id", in: "path", required: true, type: "string" }],
    body: {
      required: false,
      mediaTypes: ["application/octet-stream", "text/plain"],
    },
  },
];

describe("Router.lookup", () => {
  const router = new Router(ROUTES);
  const nameOf = (method: string, path: string) => {
    const found = router.lookup(method, path);
    return found.found ? found.match.route.name : found.status;
  };

  it("prefers a static segment over a parameter whatever the declaration order", () => {
    expect(nameOf("GET", "/message/recent")).toBe("recentMessages");
    expect(nameOf("GET", "/message/42")).toBe("getMessage");
  });

  it("falls back to the parameter route when the static route lacks the method", () => {
    const found = router.lookup("DELETE", "/message/recent");
    expect(found.found && found.match).toMatchObject({
      route: { name: "deleteMessage" },
      rawPath: { messageId: "recent" },
    });
  });

  it("matches colons literally, and a percent-encoded colon as a value's", () => {
    expect(nameOf("GET", "/app/chat:bot:messages")).toBe("botMessages");
    // `{key}` "chat:bot:messages" as a client sends it (RFC 3986 §2.2: `%3A` is not `:`)
    expect(nameOf("GET", "/app/chat%3Abot%3Amessages")).toBe("appModule");
    expect(nameOf("GET", "/app/chat:bot")).toBe("appModule");
  });

  it("matches segments mixing text and parameters", () => {
    const found = router.lookup("GET", "/files/report.v2.json");
    expect(found.found && found.match.rawPath).toEqual({ name: "report.v2" });
    expect(nameOf("GET", "/files/report.xml")).toBe(404);
  });

  it("binds several parameters in one segment, beside literal colons", () => {
    const own = new Router([
      { name: "range", method: "GET", path: "/r/{from}-{to}", params: [] },
      {
        name: "predict",
        method: "POST",
        path: "/m/{model}:predict",
        params: [],
      },
    ]);
    const range = own.lookup("GET", "/r/3-9");
    expect(range.found && range.match.rawPath).toEqual({ from: "3", to: "9" });
    // values come out as the URL spells them; decode.ts decodes them after splitting by style
    const predict = own.lookup("POST", "/m/gpt%3Av2:predict");
    expect(predict.found && predict.match.rawPath).toEqual({
      model: "gpt%3Av2",
    });
  });

  it("routes a trailing slash as the spec declares it: /search/ and /search are two paths", () => {
    expect(nameOf("GET", "/search/")).toBe("search");
    expect(nameOf("GET", "/search")).toBe(404);
    const both = new Router([
      { name: "items", method: "GET", path: "/items", params: [] },
      { name: "itemsSlash", method: "GET", path: "/items/", params: [] },
      { name: "item", method: "GET", path: "/items/{id}", params: [] },
    ]);
    const name = (path: string) => {
      const found = both.lookup("GET", path);
      return found.found ? found.match.route.name : found.status;
    };
    expect(name("/items")).toBe("items");
    expect(name("/items/")).toBe("itemsSlash");
    expect(name("/items/7")).toBe("item");
    expect(name("/items/7/")).toBe(404);
  });

  it("matches a static segment that holds a percent-escape, spelled either way", () => {
    const own = new Router([
      { name: "spaced", method: "GET", path: "/a%20b/{id}", params: [] },
      { name: "plain", method: "GET", path: "/x y", params: [] },
    ]);
    for (const path of ["/a%20b/1", "/a b/1", "/x%20y"])
      expect(own.lookup("GET", path).found).toBe(true);
    const spaced = own.lookup("GET", "/a%20b/%2C1");
    expect(spaced.found && spaced.match.rawPath).toEqual({ id: "%2C1" });
  });

  it("serves HEAD with the GET route", () => {
    expect(nameOf("HEAD", "/message/recent")).toBe("recentMessages");
    expect(nameOf("HEAD", "/message")).toBe(405);
  });

  it("answers 404 for unknown paths and 405 with the allowed methods", () => {
    expect(nameOf("GET", "/nope")).toBe(404);
    expect(nameOf("GET", "/message/1/extra")).toBe(404);
    expect(router.lookup("PATCH", "/message/7")).toEqual({
      found: false,
      status: 405,
      allow: ["DELETE", "GET", "HEAD"],
    });
  });
});

describe("decodeParameters", () => {
  const search = ROUTES.find((r) => r.name === "search")!;

  it("converts query values by type, style and explode", () => {
    const decoded = decodeParameters(
      search,
      {},
      "limit=10&tag=a&tag=b%20c&ids=1,2.5&pipes=x|y&flag=true&filter[min]=3&filter[name]=z&sort=desc&sizes=2&sizes=1",
      { "x-trace": "77" },
    );
    expect(decoded).toEqual({
      path: {},
      query: {
        limit: 10,
        tag: ["a", "b c"],
        ids: [1, 2.5],
        pipes: ["x", "y"],
        flag: true,
        sort: "desc",
        sizes: [2, 1],
        filter: { min: 3, name: "z" },
      },
      headers: { "X-Trace": 77 },
      cookies: {},
    });
  });

  it.each([
    ["tag=a", /missing required query parameter "limit"/],
    ["limit=ten", /"limit" must be an integer/],
    ["limit=1&flag=yes", /"flag" must be a boolean/],
    ["limit=1&ids=1,x", /"ids" must be a number/],
    ["limit=1&sort=up", /"sort" must be one of "asc", "desc"/],
    ["limit=1&sizes=1&sizes=3", /"sizes" must be one of 1, 2/],
  ])("rejects %s", (query, message) => {
    expect(() => decodeParameters(search, {}, query, {})).toThrow(message);
  });

  it("keeps a parameter or property called __proto__ as an ordinary key", () => {
    const route: RouteSpec = {
      name: "proto",
      method: "GET",
      path: "/p",
      params: [
        { name: "__proto__", in: "query", required: true, type: "integer" },
        {
          name: "o",
          in: "query",
          required: false,
          type: "string",
          properties: {},
          style: "deepObject",
        },
      ],
    };
    const { query } = decodeParameters(
      route,
      {},
      "__proto__=1&o[__proto__]=x&o[toString]=y",
      {},
    );
    expect(Object.getPrototypeOf(query)).toBe(Object.prototype);
    expect(Object.keys(query)).toEqual(["__proto__", "o"]);
    expect(Object.getOwnPropertyDescriptor(query, "__proto__")?.value).toBe(1);
    expect(Object.entries(query.o as object)).toEqual([
      ["__proto__", "x"],
      ["toString", "y"],
    ]);
  });

  it("reads label and matrix path styles", () => {
    const route: RouteSpec = {
      name: "styles",
      method: "GET",
      path: "/s/{a}/{b}",
      params: [
        {
          name: "a",
          in: "path",
          required: true,
          type: "integer",
          array: true,
          style: "label",
        },
        {
          name: "b",
          in: "path",
          required: true,
          type: "string",
          array: true,
          style: "matrix",
          explode: true,
        },
      ],
    };
    expect(
      decodeParameters(route, { a: ".1,2", b: ";b=x;b=y" }, "", {}).path,
    ).toEqual({ a: [1, 2], b: ["x", "y"] });
  });
});

describe("createListener over HTTP", () => {
  let server: RunningServer;
  const seen: unknown[] = [];
  const handlers: Record<string, RouteHandler> = {
    getMessage: (request) => {
      if (request.path.messageId === 404)
        throw new HttpError(404, "no message 404");
      return { status: 200, body: request.path };
    },
    recentMessages: () => ({ status: 200, body: ["recent"] }),
    botMessages: () => ({
      status: 200,
      body: "bot",
      headers: { "Content-Type": "text/plain" },
    }),
    appModule: (request) => ({ status: 200, body: request.path }),
    postMessage: (request) => {
      seen.push(request.body);
      return { status: 201, body: request.body, headers: { "X-Id": "1" } };
    },
    search: (request) => ({ status: 200, body: request.query }),
    upload: (request) => ({ status: 200, body: request.body }),
    readme: () => ({ status: 200, body: "# Title" }),
    form: async (request) => {
      const body = request.body as Record<string, unknown>;
      const file = body.file instanceof Blob ? await body.file.text() : null;
      return { status: 200, body: { ...body, file } };
    },
    fileJson: () => {
      throw new Error("boom");
    },
  };
  const errors: unknown[] = [];

  beforeAll(async () => {
    server = await listen(
      createListener(ROUTES, handlers, {
        bodyLimit: 1024,
        onError: (error) => errors.push(error),
      }),
    );
  });
  afterAll(() => server.close());

  const call = (path: string, init?: RequestInit) =>
    fetch(server.baseUrl + path, init);

  it("routes /message/recent and /message/{messageId} to their own handlers", async () => {
    expect(await (await call("/message/recent")).json()).toEqual(["recent"]);
    expect(await (await call("/message/12")).json()).toEqual({ messageId: 12 });
  });

  it("routes a segment with literal colons", async () => {
    const response = await call("/app/chat:bot:messages");
    expect(response.headers.get("content-type")).toBe("text/plain");
    expect(await response.text()).toBe("bot");
  });

  it("answers HEAD with the GET handler's headers and no body", async () => {
    const response = await call("/message/recent", { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.text()).toBe("");
  });

  it("answers 404 with a JSON error", async () => {
    const response = await call("/unknown");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "no route for /unknown" });
  });

  it("answers 405 with Allow", async () => {
    const response = await call("/message/3", { method: "PUT" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("DELETE, GET, HEAD");
  });

  it("answers 400 for a missing required parameter or a bad value", async () => {
    const missing = await call("/search/");
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      error: 'missing required query parameter "limit"',
    });
    expect((await call("/message/abc")).status).toBe(400);
  });

  it("answers 400 for a body that is not valid JSON and for a missing required body", async () => {
    const bad = await call("/message", {
      method: "POST",
      body: "{nope",
      headers: { "content-type": "application/json" },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({
      error: "the request body is not valid JSON",
    });
    expect((await call("/message", { method: "POST" })).status).toBe(400);
  });

  it("parses a JSON body and sends the handler's status and headers", async () => {
    const response = await call("/message", {
      method: "POST",
      body: JSON.stringify({ text: "hi" }),
      headers: { "content-type": "application/json; charset=utf-8" },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("x-id")).toBe("1");
    expect(await response.json()).toEqual({ text: "hi" });
  });

  it("answers 415 for a media type the route does not declare", async () => {
    const response = await call("/message", {
      method: "POST",
      body: JSON.stringify({ text: "plain" }),
      headers: { "content-type": "text/plain" },
    });
    expect(response.status).toBe(415);
    expect(seen).not.toContainEqual({ text: "plain" });
  });

  it("answers 413 for a body over the limit", async () => {
    const response = await call("/message", {
      method: "POST",
      body: JSON.stringify({ text: "x".repeat(2000) }),
    });
    expect(response.status).toBe(413);
    expect(seen).not.toContainEqual({ text: "x".repeat(2000) });
  });

  it("answers 501 when the handler is missing", async () => {
    const response = await call("/message/5", { method: "DELETE" });
    expect(response.status).toBe(501);
    expect(await response.json()).toEqual({
      error: "deleteMessage is not implemented",
    });
  });

  it("answers 501 naming the endpoint for a notImplemented stub", async () => {
    const stubbed = await listen(
      createListener(ROUTES, { getMessage: notImplemented }),
    );
    try {
      const response = await fetch(`${stubbed.baseUrl}/message/1`);
      expect(response.status).toBe(501);
      expect(await response.json()).toEqual({
        error: "getMessage is not implemented",
      });
    } finally {
      await stubbed.close();
    }
  });

  it("passes binary bodies as bytes and returns bytes", async () => {
    const response = await call("/blob/x", {
      method: "PUT",
      body: new Uint8Array([0, 255, 7]),
      headers: { "content-type": "application/octet-stream" },
    });
    expect(response.headers.get("content-type")).toBe(
      "application/octet-stream",
    );
    expect([...new Uint8Array(await response.arrayBuffer())]).toEqual([
      0, 255, 7,
    ]);
  });

  it("sends an HttpError a handler throws as its status and message", async () => {
    const response = await call("/message/404");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "no message 404" });
  });

  it("parses multipart and url-encoded forms into fields, repeated ones as arrays", async () => {
    const form = new FormData();
    form.append("name", "ada");
    form.append("tag", "a");
    form.append("tag", "b");
    form.append("file", new Blob(["hello"]), "hello.txt");
    const multipart = await call("/form", { method: "POST", body: form });
    expect(await multipart.json()).toEqual({
      name: "ada",
      tag: ["a", "b"],
      file: "hello",
    });
    const encoded = await call("/form", {
      method: "POST",
      body: new URLSearchParams("name=ada&tag=a&tag=b"),
    });
    expect(await encoded.json()).toEqual({
      name: "ada",
      tag: ["a", "b"],
      file: null,
    });
    const broken = await call("/form", {
      method: "POST",
      body: "--x\r\nnot a part",
      headers: { "content-type": "multipart/form-data; boundary=x" },
    });
    expect(broken.status).toBe(400);
  });

  it("sends strings with the media type the route declares for the status", async () => {
    const response = await call("/readme");
    expect(response.headers.get("content-type")).toBe("text/markdown");
    expect(await response.text()).toBe("# Title");
  });

  it("sends a value it serializes as JSON, labelled JSON, whatever media type the route declares", async () => {
    const readme = ROUTES.find((r) => r.name === "readme")!;
    const answering = await listen(
      createListener([readme], {
        readme: () => ({ status: 200, body: { title: "Title" } }),
      }),
    );
    try {
      const response = await fetch(`${answering.baseUrl}/readme`);
      expect(response.headers.get("content-type")).toBe("application/json");
      expect(await response.json()).toEqual({ title: "Title" });
    } finally {
      await answering.close();
    }
  });

  it("answers 500 and reports the error when a handler throws", async () => {
    const response = await call("/files/a.json");
    expect(response.status).toBe(500);
    expect(errors).toHaveLength(1);
  });
});
