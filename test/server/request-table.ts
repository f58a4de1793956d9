// One table of requests and the answers every server adapter must give them: the node:http
// listener, Fastify, Express and Hono (on Node, Deno and Bun) all run it over real HTTP
// (test/server/adapters.test.ts), so an adapter cannot drift from the listener. No Node-only
// import: Deno and Bun load the handlers from here too (test/server/hono-serve.ts).

/** The spec the table is written for; generated with `server.adapters` listing every adapter. */
export const TABLE_SPEC = "test/fixtures/server/request-table.yaml";
/** Its servers[0] path, which the tests give as `baseUrl`: the server serves under it. */
export const TABLE_BASE = "/v1";
/** The body limit every adapter is given. */
export const TABLE_BODY_LIMIT = 1000;

/** The handlers every adapter serves: each says back what it received. `deleteItem` is missing. */
export const tableHandlers = {
  listItems: (request: object) => ({ status: 200, body: request }),
  createItem: (request: { body: { name: string } }) => ({
    status: 201,
    headers: { location: "/v1/items/1" },
    body: { id: 1, name: request.body.name },
  }),
  getItem: (request: { path: { id: number } }) =>
    request.path.id === 404
      ? { status: 404, body: { error: "no item 404" } }
      : { status: 200, body: { id: request.path.id, name: "one" } },
  archiveItem: () => ({ status: 204 }),
  echo: async (request: { body: Blob }) => ({
    status: 200,
    body: request.body,
  }),
  // operationId `__proto__`: the endpoint is named `proto`
  proto: () => ({ status: 200, body: { own: "proto" } }),
};

export interface TableCase {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array<ArrayBuffer>;
  want: {
    status: number;
    /** The media type of the answer (parameters left out). */
    type?: string;
    /** The JSON body, or (a string) the text body; undefined: not compared. */
    json?: unknown;
    text?: string;
    bytes?: number[];
    headers?: Record<string, string>;
  };
}

const json = { "content-type": "application/json" };

export const REQUEST_TABLE: readonly TableCase[] = [
  {
    name: "query (form, not exploded), header and cookie parameters decoded and typed",
    method: "GET",
    path: "/v1/items?limit=2&tag=a,b",
    headers: { "x-trace": "5", cookie: "session=abc; other=1" },
    want: {
      status: 200,
      type: "application/json",
      json: {
        path: {},
        query: { limit: 2, tag: ["a", "b"] },
        headers: { "X-Trace": 5 },
        cookies: { session: "abc" },
      },
    },
  },
  {
    name: "a missing required query parameter: 400",
    method: "GET",
    path: "/v1/items",
    want: {
      status: 400,
      type: "application/json",
      json: { error: 'missing required query parameter "limit"' },
    },
  },
  {
    name: "a query value of the wrong type: 400",
    method: "GET",
    path: "/v1/items?limit=many",
    want: { status: 400, type: "application/json" },
  },
  {
    name: "a query value breaking its schema: 400 problem+json",
    method: "GET",
    path: "/v1/items?limit=50",
    want: {
      status: 400,
      type: "application/problem+json",
      json: {
        type: "about:blank",
        title: "the request does not match the API description",
        status: 400,
        violations: [
          {
            in: "query",
            path: "/limit",
            keyword: "maximum",
            message: "must be at most 10",
          },
        ],
      },
    },
  },
  {
    name: "a header value of the wrong type: 400",
    method: "GET",
    path: "/v1/items?limit=1",
    headers: { "x-trace": "soon" },
    want: { status: 400, type: "application/json" },
  },
  {
    name: "a JSON body decoded; the handler's status, headers and body sent",
    method: "POST",
    path: "/v1/items",
    headers: json,
    body: JSON.stringify({ name: "pen" }),
    want: {
      status: 201,
      type: "application/json",
      json: { id: 1, name: "pen" },
      headers: { location: "/v1/items/1" },
    },
  },
  {
    name: "a body that is not JSON: 400",
    method: "POST",
    path: "/v1/items",
    headers: json,
    body: "{",
    want: {
      status: 400,
      type: "application/json",
      json: { error: "the request body is not valid JSON" },
    },
  },
  {
    name: "a body breaking its schema: 400 problem+json",
    method: "POST",
    path: "/v1/items",
    headers: json,
    body: JSON.stringify({ name: 5 }),
    want: { status: 400, type: "application/problem+json" },
  },
  {
    name: "a `__proto__` member of a JSON body stays data",
    method: "POST",
    path: "/v1/items",
    headers: json,
    body: '{"name":"x","__proto__":{"polluted":true}}',
    want: { status: 201, json: { id: 1, name: "x" } },
  },
  {
    name: "a required body missing: 400",
    method: "POST",
    path: "/v1/items",
    headers: json,
    want: {
      status: 400,
      json: { error: "the request body is required" },
    },
  },
  {
    name: "a media type the endpoint does not take: 415",
    method: "POST",
    path: "/v1/items",
    headers: { "content-type": "text/plain" },
    body: "pen",
    want: { status: 415, type: "application/json" },
  },
  {
    name: "a body over the limit: 413",
    method: "POST",
    path: "/v1/items",
    headers: json,
    body: JSON.stringify({ name: "x".repeat(TABLE_BODY_LIMIT) }),
    want: { status: 413 },
  },
  {
    name: "a path parameter decoded and typed",
    method: "GET",
    path: "/v1/items/7",
    want: {
      status: 200,
      type: "application/json",
      json: { id: 7, name: "one" },
    },
  },
  {
    name: "a declared error status from the handler",
    method: "GET",
    path: "/v1/items/404",
    want: { status: 404, json: { error: "no item 404" } },
  },
  {
    name: "a path parameter of the wrong type: 400",
    method: "GET",
    path: "/v1/items/seven",
    want: { status: 400, type: "application/json" },
  },
  {
    name: "HEAD of a GET route: its status, no body",
    method: "HEAD",
    path: "/v1/items/7",
    want: { status: 200, text: "" },
  },
  {
    name: "an endpoint without a handler: 501",
    method: "DELETE",
    path: "/v1/items/3",
    want: {
      status: 501,
      type: "application/json",
      json: { error: "deleteItem is not implemented" },
    },
  },
  {
    name: "a method the path does not have: 405 with Allow",
    method: "PATCH",
    path: "/v1/items/3",
    headers: json,
    body: "{}",
    want: {
      status: 405,
      type: "application/json",
      json: { error: "method PATCH is not allowed" },
      headers: { allow: "DELETE, GET, HEAD" },
    },
  },
  {
    name: "a literal colon beside a parameter; a status without a body",
    method: "POST",
    path: "/v1/items/7:archive",
    want: { status: 204, text: "" },
  },
  {
    name: "binary bodies both ways",
    method: "PUT",
    path: "/v1/echo",
    headers: { "content-type": "application/octet-stream" },
    body: new Uint8Array([9, 8, 7, 0, 255]),
    want: {
      status: 200,
      type: "application/octet-stream",
      bytes: [9, 8, 7, 0, 255],
    },
  },
  {
    name: "the endpoint whose operationId is `__proto__`",
    method: "GET",
    path: "/v1/proto",
    want: { status: 200, json: { own: "proto" } },
  },
  {
    name: "the endpoint named `constructor`, without a handler: 501, not Object",
    method: "GET",
    path: "/v1/constructor",
    want: {
      status: 501,
      json: { error: "constructor is not implemented" },
    },
  },
  {
    name: "a path no route has: 404",
    method: "GET",
    path: "/v1/nothing",
    want: { status: 404 },
  },
  {
    name: "a path outside the base path: 404",
    method: "GET",
    path: "/items/7",
    want: { status: 404 },
  },
];

/** What an answer looked like, in the terms of `TableCase["want"]` (every field filled). */
export interface Seen {
  status: number;
  type: string | undefined;
  headers: Record<string, string | null>;
  body: Uint8Array;
}

/** Sends `c` to the server at `baseUrl`; what came back. */
export async function send(baseUrl: string, c: TableCase): Promise<Seen> {
  const response = await fetch(baseUrl + c.path, {
    method: c.method,
    headers: c.headers ?? {},
    ...(c.body === undefined ? {} : { body: c.body }),
  });
  const headers: Record<string, string | null> = {};
  for (const name of Object.keys(c.want.headers ?? {}))
    headers[name] = response.headers.get(name);
  return {
    status: response.status,
    type: response.headers.get("content-type")?.split(";")[0]?.trim(),
    headers,
    body: new Uint8Array(await response.arrayBuffer()),
  };
}

/** The differences between what `c` wants and what was seen: empty when it answered right. */
export function mismatches(c: TableCase, seen: Seen): string[] {
  const out: string[] = [];
  const { want } = c;
  const text = new TextDecoder().decode(seen.body);
  if (seen.status !== want.status)
    out.push(`status ${seen.status}, want ${want.status} (${text})`);
  if (want.type !== undefined && seen.type !== want.type)
    out.push(`content-type ${seen.type}, want ${want.type}`);
  for (const [name, value] of Object.entries(want.headers ?? {}))
    if (seen.headers[name] !== value)
      out.push(`${name}: ${seen.headers[name]}, want ${value}`);
  if (want.json !== undefined) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    if (JSON.stringify(body) !== JSON.stringify(want.json))
      out.push(`body ${text}, want ${JSON.stringify(want.json)}`);
  }
  if (want.text !== undefined && text !== want.text)
    out.push(`body ${JSON.stringify(text)}, want ${JSON.stringify(want.text)}`);
  if (want.bytes !== undefined && seen.body.join() !== want.bytes.join())
    out.push(`bytes ${seen.body.join()}, want ${want.bytes.join()}`);
  return out;
}

/** Runs the whole table against `baseUrl`: each case's name and its mismatches. */
export async function runTable(
  baseUrl: string,
): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const c of REQUEST_TABLE)
    out[c.name] = mismatches(c, await send(baseUrl, c));
  return out;
}
