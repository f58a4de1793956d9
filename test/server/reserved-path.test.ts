import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Router as RouterType } from "../../templates/server/router.js";
import type { RouteSpec } from "../../templates/server/runtime.js";
import fc from "fast-check";
import Fastify from "fastify";
import { Hono } from "hono";
import {
  SERVED,
  serveFetch,
  serveSpecEveryWay,
  startAdapter,
  type StartedServer,
} from "./adapter-servers.js";
import { typeCheck } from "./generated.js";
import { rawRequest } from "./raw-socket.js";

/*
 * A path parameter that keeps reserved characters (Azure's `x-ms-skip-url-encoding`, OpenAPI
 * 3.2's `allowReserved`) takes one or more whole segments: Azure's `scope` is
 * `subscriptions/1/resourceGroups/rg`, sent with its slashes. Every server answered 404 to such
 * a path: each parameter matched one segment. The document: an excerpt of Azure's authorization
 * API (test/fixtures/server/azure-role-assignments.yaml).
 */
const AZURE = readFileSync(
  new URL("../fixtures/server/azure-role-assignments.yaml", import.meta.url),
  "utf8",
);

/** The same document without `x-ms-skip-url-encoding`: each parameter is one segment. */
const PLAIN = AZURE.replaceAll(", x-ms-skip-url-encoding: true", "");

const V = "?api-version=2017-10-01-preview";
/** Characters of a scope's pieces: reserved, unreserved, a space, `?`, `#`, non-ASCII. */
const PIECE = [..."aZ09-._~:@!$&'()*+,;=[] ?#é😀"];
type ApiCall = (args: object) => Promise<{ status: number }>;
const LIST = "providers/Microsoft.Authorization/roleAssignments";

/** What each handler was called with: its name and path parameters. */
const reached: string[] = [];
const handler =
  (name: string, body: unknown) =>
  ({ path }: { path: Record<string, string> }) => {
    reached.push(`${name} ${JSON.stringify(path)}`);
    return { status: 200, body };
  };
const one = {
  id: "x",
  name: "x",
  type: "Microsoft.Authorization/roleAssignments",
};
const handlers = {
  roleAssignmentsList: handler("List", { value: [] }),
  roleAssignmentsListForResource: handler("ListForResource", { value: [] }),
  roleAssignmentsListForScope: handler("ListForScope", { value: [] }),
  roleAssignmentsGet: handler("Get", one),
  roleAssignmentsGetById: handler("GetById", one),
  roleAssignmentsDeleteById: handler("DeleteById", one),
};

const EVERY = [...SERVED, "hono middleware"] as const;
let dir: string;
let servers: Map<string, StartedServer>;
let plain: Map<string, StartedServer>;
let Router: typeof RouterType;
let routes: readonly RouteSpec[];
beforeAll(async () => {
  ({ dir, servers } = await serveSpecEveryWay(
    "reserved-path",
    AZURE,
    handlers,
  ));
  servers.set(
    "hono middleware",
    await startAdapter(dir, "hono middleware", handlers),
  );
  const other = await serveSpecEveryWay("reserved-path-plain", PLAIN, handlers);
  plain = other.servers;
  plain.set(
    "hono middleware",
    await startAdapter(other.dir, "hono middleware", handlers),
  );
  const load = (file: string) =>
    import(pathToFileURL(join(dir, "server", file)).href);
  ({ Router } = await load("router.ts"));
  ({ routes } = await load("routes.ts"));
}, 180_000);
afterAll(async () => {
  await Promise.all(
    [...(servers?.values() ?? []), ...(plain?.values() ?? [])].map((s) =>
      s.close(),
    ),
  );
});

it("marks the x-ms-skip-url-encoding path parameters, and compiles", () => {
  const marked = routes.flatMap((r) =>
    r.params.filter((p) => p.allowReserved).map((p) => `${r.name} ${p.name}`),
  );
  expect(marked).toEqual([
    "roleAssignmentsListForResource parentResourcePath",
    "roleAssignmentsListForResource resourceType",
    "roleAssignmentsGetById roleAssignmentId",
    "roleAssignmentsDeleteById roleAssignmentId",
    "roleAssignmentsListForScope scope",
    "roleAssignmentsGet scope",
  ]);
  const checked = typeCheck(dir);
  expect(checked.output).toBe("");
}, 120_000);

describe.each(EVERY)("%s", (served) => {
  const get = (path: string, method = "GET") =>
    rawRequest(servers.get(served)!.url, method, path);
  const sent = async (path: string, method = "GET") => {
    reached.length = 0;
    const answer = await get(path, method);
    return { status: answer.status, reached: [...reached], answer };
  };

  it("gives a scope of many segments to the list-at-scope handler", async () => {
    expect(
      await sent(`/subscriptions/1/resourceGroups/rg/${LIST}${V}`),
    ).toMatchObject({
      status: 200,
      reached: [`ListForScope {"scope":"subscriptions/1/resourceGroups/rg"}`],
    });
    // static text wins: a subscription's own list
    expect(await sent(`/subscriptions/1/${LIST}${V}`)).toMatchObject({
      reached: [`List {"subscriptionId":"1"}`],
    });
  });

  it("serves a full id: by scope and name when it has that shape, else by id", async () => {
    // the scope takes the fewest segments that let the rest match: RoleAssignments_Get's path
    expect(await sent(`/subscriptions/1/${LIST}/x${V}`)).toMatchObject({
      status: 200,
      reached: [`Get {"scope":"subscriptions/1","roleAssignmentName":"x"}`],
    });
    // ARM's ids in another case match no static text: the whole id is the by-id handler's
    const id =
      "subscriptions/1/providers/microsoft.authorization/roleassignments/x";
    expect(await sent(`/${id}${V}`)).toMatchObject({
      status: 200,
      reached: [`GetById {"roleAssignmentId":"${id}"}`],
    });
    expect(await sent(`/${id}${V}`, "DELETE")).toMatchObject({
      status: 200,
      reached: [`DeleteById {"roleAssignmentId":"${id}"}`],
    });
    // a method no endpoint there has: 405, with those that are
    const post = await sent(`/${id}${V}`, "POST");
    expect(post).toMatchObject({ status: 405, reached: [] });
    expect(post.answer.headers["allow"]).toBe("DELETE, GET, HEAD");
  });

  it("decodes a value's %2F as /, as any path value is decoded", async () => {
    expect(
      await sent(`/subscriptions%2F1/resourceGroups%2Frg/${LIST}${V}`),
    ).toMatchObject({
      status: 200,
      reached: [`ListForScope {"scope":"subscriptions/1/resourceGroups/rg"}`],
    });
  });

  it("matches two such parameters side by side, the first as short as it can be", async () => {
    const resource = `/subscriptions/1/resourcegroups/rg/providers/Microsoft.Web/sites/app/slots/staging/config/web/${LIST}${V}`;
    expect(await sent(resource)).toMatchObject({
      status: 200,
      reached: [
        `ListForResource {"subscriptionId":"1","resourceGroupName":"rg","resourceProviderNamespace":"Microsoft.Web","parentResourcePath":"sites","resourceType":"app/slots/staging/config","resourceName":"web"}`,
      ],
    });
  });

  it("takes no value with an empty, `.` or `..` segment, and a path no endpoint has is the app's 404", async () => {
    for (const path of [
      `/subscriptions/1/a%2F..%2Fb/${LIST}${V}`,
      `/subscriptions/1/.%2Fb/${LIST}${V}`,
      `/subscriptions/1/a%2F/${LIST}${V}`,
      `/a//b${V}`,
      `/`,
    ]) {
      const { status, reached, answer } = await sent(path);
      expect({ path, status, reached }).toEqual({
        path,
        status: 404,
        reached: [],
      });
      // Express's, Fastify's and Hono's own 404, as for any path none of their routes has
      expect(answer.body.startsWith(`{"error":`), path).toBe(
        served === "node" || served === "fetch",
      );
    }
    // the same values without such a segment
    expect(await sent(`/subscriptions/1/a/b/${LIST}${V}`)).toMatchObject({
      status: 200,
      reached: [`ListForScope {"scope":"subscriptions/1/a/b"}`],
    });
    // node:http hands `..` and `%2E%2E` on as sent; a fetch Request's URL has resolved them
    for (const dots of ["..", "%2E%2E"]) {
      const { status, reached } = await sent(
        `/subscriptions/1/${dots}/x/${LIST}${V}`,
      );
      if (served === "node" || served === "express" || served === "fastify")
        expect({ dots, status, reached }).toEqual({
          dots,
          status: 404,
          reached: [],
        });
      else expect(reached).toEqual([`List {"subscriptionId":"x"}`]);
    }
  });

  it("serves a path of thousands of segments", async () => {
    const many = Array.from({ length: 3000 }, () => "a").join("/");
    expect(
      await sent(
        `/subscriptions/1/resourcegroups/rg/providers/ns/p/${many}/name/${LIST}${V}`,
      ),
    ).toMatchObject({
      status: 200,
      reached: [
        `ListForResource {"subscriptionId":"1","resourceGroupName":"rg","resourceProviderNamespace":"ns","parentResourcePath":"p","resourceType":"${many}","resourceName":"name"}`,
      ],
    });
  });

  it("keeps a parameter without x-ms-skip-url-encoding to one segment, as before", async () => {
    const answers = async (path: string) => {
      const out: [number, string[]][] = [];
      for (const url of [servers.get(served)!.url, plain.get(served)!.url]) {
        reached.length = 0;
        out.push([(await rawRequest(url, "GET", path)).status, [...reached]]);
      }
      return out;
    };
    // the Azure document's server, then the same document's without the extension
    expect(
      await answers(`/subscriptions/1/resourceGroups/rg/${LIST}${V}`),
    ).toEqual([
      [200, [`ListForScope {"scope":"subscriptions/1/resourceGroups/rg"}`]],
      [404, []],
    ]);
    for (const [path, scope] of [
      [`/rg/${LIST}${V}`, "rg"],
      [`/a%2Fb/${LIST}${V}`, "a/b"],
    ])
      expect(await answers(path!)).toEqual([
        [200, [`ListForScope {"scope":"${scope}"}`]],
        [200, [`ListForScope {"scope":"${scope}"}`]],
      ]);
  });

  // the generated client against each way of serving: what one sends, the other reads back
  it("gives the handler the scope the generated client was called with (fast-check)", async () => {
    const { createClient } = (await import(
      pathToFileURL(join(dir, "client/index.ts")).href
    )) as {
      createClient: (config: object) => Record<string, ApiCall>;
    };
    const list = createClient({
      baseUrl: servers.get(served)!.url,
    }).roleAssignmentsListForScope!;
    // a piece is any text but `/` and `%` (a `%XX` is sent as it is: already encoded), and
    // never empty, `.` or `..`, which the client refuses
    const piece = fc
      .string({ unit: fc.constantFrom(...PIECE), minLength: 1, maxLength: 5 })
      .filter((s) => s !== "." && s !== "..");
    const scope = fc
      .array(piece, { minLength: 1, maxLength: 4 })
      .map((pieces) => pieces.join("/"));
    await fc.assert(
      fc.asyncProperty(scope, async (value) => {
        reached.length = 0;
        const answer = await list({
          path: { scope: value },
          query: { "api-version": "2017-10-01-preview" },
        });
        expect(answer.status).toBe(200);
        expect(reached).toEqual([
          `ListForScope ${JSON.stringify({ scope: value })}`,
        ]);
      }),
      { seed: 20261201, numRuns: 60 },
    );
  });
});

it("serves them under a Fastify prefix and in a Hono app mounted at a path", async () => {
  const load = (file: string) =>
    import(pathToFileURL(join(dir, "server", file)).href);
  const fastify = Fastify();
  await fastify.register((await load("fastify.ts")).apiRoutes, {
    handlers,
    prefix: "/api",
  });
  const api = new Hono();
  (await load("hono.ts")).apiRoutes(api, { handlers });
  const hono = new Hono().route("/api", api);
  const started = [
    { url: await fastify.listen({ host: "127.0.0.1", port: 0 }) },
    await serveFetch(hono.fetch),
  ];
  try {
    for (const { url } of started) {
      reached.length = 0;
      const path = `/subscriptions/1/resourceGroups/rg/${LIST}${V}`;
      expect((await rawRequest(url, "GET", `/api${path}`)).status).toBe(200);
      expect((await rawRequest(url, "GET", path)).status).toBe(404);
      expect(reached).toEqual([
        `ListForScope {"scope":"subscriptions/1/resourceGroups/rg"}`,
      ]);
    }
  } finally {
    await fastify.close();
    await (started[1] as StartedServer).close();
  }
});

describe("the router", () => {
  it("spends a bounded number of steps on a path of thousands of segments", () => {
    const router = new Router(routes);
    const steps = (segments: number, method = "PATCH") => {
      const many = Array.from({ length: segments }, () => "a").join("/");
      const paths = {
        // two multi-segment values side by side, then no `providers/…`: every split fails
        side: `/subscriptions/1/resourcegroups/rg/providers/ns/${many}`,
        // the same, with the path's end: the first value `a`, the second all but one
        found: `/subscriptions/1/resourcegroups/rg/providers/ns/${many}/${LIST}`,
        // a `..` last: no value may hold it, from any start
        dots: `/${many}/..`,
      };
      const out: Record<string, number> = {};
      for (const [name, path] of Object.entries(paths)) {
        // no endpoint has PATCH: the whole search is walked (`/{roleAssignmentId}` takes any path)
        const found = router.lookup(name === "found" ? "GET" : method, path);
        expect(found.found, name).toBe(name === "found");
        out[name] = router.spanSteps;
      }
      return out;
    };
    const small = steps(1000);
    const large = steps(4000);
    for (const name of Object.keys(small)) {
      // linear: 4 times the segments, about 4 times the steps (a search trying every split
      // of two values would take 16 times as many: 8 million for 4,000 segments)
      expect(large[name]! / small[name]!, name).toBeLessThan(4.1);
      expect(large[name]!, name).toBeLessThan(10 * 4000);
    }
    // HEAD answered by GET walks the path twice at most
    const many = Array.from({ length: 4000 }, () => "a").join("/");
    router.lookup("HEAD", `/${many}/..`);
    expect(router.spanSteps).toBeLessThanOrEqual(2 * large.dots!);
  });

  it("counts no steps where no route has such a parameter", () => {
    const router = new Router(
      routes.map((r) => ({
        ...r,
        params: r.params.map(({ allowReserved: _, ...p }) => p),
      })),
    );
    expect(router.lookup("GET", `/rg/${LIST}`)).toMatchObject({ found: true });
    expect(router.spanSteps).toBe(0);
  });
});
