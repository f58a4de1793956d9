import { afterAll, describe, expect, it } from "vitest";
import { createListener } from "../../templates/server/listener.js";
import type { RouteSpec } from "../../templates/server/runtime.js";
import { listen, type RunningServer } from "./http.js";

/*
 * Issue 27: endpoints named like members every object has. The request table
 * (request-table.ts) covers operationId `__proto__` and a missing `constructor` on every adapter;
 * here, what the handlers object itself holds.
 */
const route = (name: string): RouteSpec => ({
  name,
  method: "GET",
  path: `/${name}`,
  params: [],
});
const ROUTES = ["constructor", "toString", "hasOwnProperty", "prototype"].map(
  route,
);

describe("endpoints named constructor, toString, hasOwnProperty, prototype", () => {
  const servers: RunningServer[] = [];
  afterAll(() => Promise.all(servers.map((s) => s.close())));
  const statuses = async (handlers: object) => {
    const server = await listen(
      createListener(ROUTES, handlers, { onError: () => {} }),
    );
    servers.push(server);
    const out: Record<string, number> = {};
    for (const { name } of ROUTES)
      out[name] = (await fetch(`${server.baseUrl}/${name}`)).status;
    return out;
  };

  it("answers 501 for what a plain object only inherits", async () => {
    expect(await statuses({})).toEqual({
      constructor: 501,
      toString: 501,
      hasOwnProperty: 501,
      prototype: 501,
    });
  });

  it("answers 501 for the class of a handlers object, and calls its own members", async () => {
    class Handlers {
      prototype() {
        return { status: 200, body: "prototype" };
      }
    }
    const handlers = new Handlers();
    expect(await statuses(handlers)).toEqual({
      constructor: 501,
      toString: 501,
      hasOwnProperty: 501,
      prototype: 200,
    });
    const own = {
      constructor: () => ({ status: 200, body: "own" }),
      toString: () => ({ status: 200, body: "own" }),
    };
    expect(await statuses(own)).toEqual({
      constructor: 200,
      toString: 200,
      hasOwnProperty: 501,
      prototype: 501,
    });
    // nothing reached Object.prototype
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain(
      "prototype",
    );
  });
});
