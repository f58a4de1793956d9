import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createListener } from "../../templates/server/listener.js";
import type {
  RouteHandler,
  RouteSpec,
} from "../../templates/server/runtime.js";
import { listen, type RunningServer } from "./http.js";

// a Postman URL `/p/:__proto__` becomes the path parameter `__proto__`
const ROUTES: RouteSpec[] = [
  {
    name: "whole",
    method: "GET",
    path: "/p/{__proto__}",
    params: [
      { name: "__proto__", in: "path", required: true, type: "string" },
      { name: "__proto__", in: "header", required: false, type: "string" },
      { name: "toString", in: "header", required: false, type: "string" },
    ],
  },
  {
    name: "pattern",
    method: "GET",
    path: "/f/{__proto__}.json",
    params: [
      { name: "__proto__", in: "path", required: true, type: "integer" },
    ],
  },
];

describe("a parameter called __proto__ over HTTP", () => {
  let server: RunningServer;
  const handlers: Record<string, RouteHandler> = {
    whole: (request) => ({
      status: 200,
      body: { path: request.path, headers: request.headers },
    }),
    pattern: (request) => ({
      status: 200,
      body: { path: request.path, headers: request.headers },
    }),
  };
  beforeAll(async () => {
    server = await listen(createListener(ROUTES, handlers));
  });
  afterAll(() => server.close());

  const get = async (path: string, headers?: [string, string][]) => {
    const response = await fetch(server.baseUrl + path, {
      ...(headers ? { headers } : {}),
    });
    return { status: response.status, body: await response.json() };
  };

  it("binds a whole-segment path parameter as an own key", async () => {
    const { status, body } = await get("/p/a%20b");
    expect(status).toBe(200);
    expect(Object.entries(body.path)).toEqual([["__proto__", "a b"]]);
    // absent headers stay absent: nothing is read through Object.prototype
    expect(body.headers).toEqual({});
  });

  it("binds a parameter inside a segment as an own key", async () => {
    const { status, body } = await get("/f/42.json");
    expect(status).toBe(200);
    expect(Object.entries(body.path)).toEqual([["__proto__", 42]]);
  });

  // Node itself drops a request header line called `__proto__`; the header parameter must then be
  // absent, not Object.prototype read as text
  it("reads a header called toString and no inherited __proto__", async () => {
    const { body } = await get("/p/x", [["tostring", "t"]]);
    expect(Object.entries(body.headers)).toEqual([["toString", "t"]]);
  });
});
