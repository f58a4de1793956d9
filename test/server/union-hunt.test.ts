import { Ajv2020 } from "ajv/dist/2020.js";
import { defaultPathSerializer } from "openapi-fetch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SERVED,
  serveSpecEveryWay,
  type StartedServer,
} from "./adapter-servers.js";

/*
 * Unions of shapes where the wire names them, as senders that are not apiloom's write them
 * (openapi-fetch's path serializer, URLSearchParams, the platform's FormData), judged by ajv on
 * the value sent. Found by a held-out hunt (fast-check documents, ajv as the oracle): a matrix
 * path parameter `;pick=447` of `anyOf: [integer, object]` was read as the object
 * `{ pick: "447" }` (400); a form field of a union with an object member, sent as JSON text as an
 * object field is, was read as exploded members (400 "query parameter … must be a number"), and
 * as a multipart part with a JSON Content-Type it reached the checks as a file; a simple path
 * list `1,2,3` of `anyOf: [array, object]` was the object `{ "1": "2" }`, its last item dropped;
 * a form's fields typed by its `additionalProperties` (`integer`) stayed text (400); a field or
 * parameter typed through a one-member `allOf` (PeerTube's `videoChannelId: { allOf: [$ref id],
 * description }`) was read as text, so `5` was refused as no integer; a list field whose items
 * are a union of objects (Telegram's `errors`), each item JSON text, was read as strings (400).
 * Found by a held-out Prism hunt over the directory: a query list whose items are ids or slugs
 * (pandascore's `videogame`) was read as strings, so `videogame=1` was no id and no slug (400).
 */
const PICK = {
  anyOf: [
    { type: "integer", minimum: 1 },
    {
      type: "object",
      additionalProperties: false,
      properties: { number: { type: "integer" }, size: { type: "integer" } },
    },
  ],
};
const RANGE = {
  oneOf: [
    {
      type: "object",
      required: ["lo"],
      properties: { lo: { type: "number" }, hi: { type: "number" } },
    },
    { type: "number" },
    { type: "string", pattern: "^[a-z]+$" },
  ],
};
const LIST = {
  anyOf: [
    { type: "array", items: { type: "integer" } },
    { type: "object", properties: { a: { type: "integer" } } },
  ],
};
const EXTRAS = {
  type: "object",
  properties: { name: { type: "string" } },
  additionalProperties: { type: "integer" },
};
const COMPONENTS = { schemas: { Id: { type: "integer", minimum: 1 } } };
const DESCRIBED = {
  allOf: [{ $ref: "#/components/schemas/Id" }],
  description: "a reference given a description",
};
const CHANNEL = {
  type: "object",
  required: ["channel"],
  properties: { channel: DESCRIBED, name: { type: "string" } },
};
const FORM = {
  type: "object",
  required: ["range"],
  properties: { range: RANGE, note: { type: "string" }, pick: PICK },
};
// Telegram's setPassportDataErrors: a list of objects of several kinds, each item JSON text
const ERRORS = {
  type: "object",
  required: ["errors"],
  properties: {
    errors: {
      type: "array",
      items: {
        anyOf: [
          {
            type: "object",
            required: ["source", "field_name"],
            properties: {
              source: { const: "data" },
              field_name: { type: "string" },
            },
          },
          {
            type: "object",
            required: ["source", "file_hash"],
            properties: {
              source: { const: "file" },
              file_hash: { type: "string" },
            },
          },
        ],
      },
    },
  },
};
// pandascore's `videogame` filter (its VideogameIDOrSlug, enums cut short)
const VIDEOGAMES = {
  type: "array",
  items: {
    oneOf: [
      { type: "integer", enum: [1, 3, 4] },
      { type: "string", enum: ["league-of-legends", "cs-go", "dota-2"] },
    ],
  },
};
/** A POST taking `schema` as a url-encoded or a multipart form. */
const formPost = (operationId: string, schema: object) => ({
  post: {
    operationId,
    requestBody: {
      required: true,
      content: {
        "application/x-www-form-urlencoded": { schema },
        "multipart/form-data": { schema },
      },
    },
    responses: { "200": { description: "ok" } },
  },
});
const SPEC = JSON.stringify({
  openapi: "3.1.0",
  info: { title: "union hunt", version: "1" },
  paths: {
    "/picks/{pick}": {
      get: {
        operationId: "pick",
        parameters: [
          {
            name: "pick",
            in: "path",
            required: true,
            style: "matrix",
            explode: true,
            schema: PICK,
          },
        ],
        responses: { "200": { description: "ok" } },
      },
    },
    "/lists/{list}": {
      get: {
        operationId: "list",
        parameters: [
          { name: "list", in: "path", required: true, schema: LIST },
        ],
        responses: { "200": { description: "ok" } },
      },
    },
    "/extras": formPost("extras", EXTRAS),
    "/channels": {
      get: {
        operationId: "channels",
        parameters: [{ name: "channel", in: "query", schema: DESCRIBED }],
        responses: { "200": { description: "ok" } },
      },
      ...formPost("channel", CHANNEL),
    },
    "/errors": formPost("errors", ERRORS),
    "/additions": {
      get: {
        operationId: "additions",
        parameters: [{ name: "videogame", in: "query", schema: VIDEOGAMES }],
        responses: { "200": { description: "ok" } },
      },
    },
    "/ranges": formPost("range", FORM),
  },
  components: COMPONENTS,
});

const ajv = new Ajv2020({ strict: false });
const pickValid = ajv.compile(PICK);
const formValid = ajv.compile(FORM);
const listValid = ajv.compile(LIST);
const extrasValid = ajv.compile(EXTRAS);
const errorsValid = ajv.compile(ERRORS);
// the references resolved where the document has them
const channelValid = ajv.compile({ ...CHANNEL, components: COMPONENTS });
const describedValid = ajv.compile({ ...DESCRIBED, components: COMPONENTS });
const videogamesValid = ajv.compile(VIDEOGAMES);

let seen: unknown[] = [];
/** A handler that records what `pick` takes of its request. */
const recording =
  <R>(pick: (request: R) => unknown) =>
  (request: R) => {
    seen.push(pick(request));
    return { status: 200 };
  };
const body = recording((r: { body: unknown }) => r.body);
const handlers = {
  pick: recording((r: { path: { pick: unknown } }) => r.path.pick),
  list: recording((r: { path: { list: unknown } }) => r.path.list),
  channels: recording((r: { query: { channel?: unknown } }) => r.query.channel),
  additions: recording(
    (r: { query: { videogame?: unknown } }) => r.query.videogame,
  ),
  range: body,
  channel: body,
  extras: body,
  errors: body,
};

let servers: Map<string, StartedServer>;

beforeAll(async () => {
  ({ servers } = await serveSpecEveryWay("union-hunt", SPEC, handlers));
}, 120_000);

afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
});

async function send(served: string, path: string, init?: RequestInit) {
  seen = [];
  const response = await fetch(servers.get(served)!.url + path, init);
  await response.arrayBuffer();
  return { status: response.status, got: seen };
}

/** 200 with the value itself when ajv takes it, else 400 and no handler call. */
const judged = (valid: boolean, value: unknown) =>
  valid ? { status: 200, got: [value] } : { status: 400, got: [] };

describe.each(SERVED)("%s", (served) => {
  /** `entries` POSTed to `path` url-encoded, then as multipart: each gets `expected`. */
  async function postBoth(
    path: string,
    entries: string[][],
    expected: unknown,
  ) {
    const body = new URLSearchParams(entries);
    expect(await send(served, path, { method: "POST", body })).toEqual(
      expected,
    );
    const form = new FormData();
    for (const [name, text] of entries) form.append(name!, text!);
    expect(await send(served, path, { method: "POST", body: form })).toEqual(
      expected,
    );
  }

  it("reads an exploded matrix parameter named as itself as the scalar, its members as the object", async () => {
    for (const pick of [447, 1, 0, { number: 2, size: 10 }, { number: 3 }]) {
      const path = defaultPathSerializer("/picks/{;pick*}", { pick });
      expect(await send(served, path)).toEqual(judged(pickValid(pick), pick));
    }
  });

  it("reads an odd count of simple path items as the list, pairs as the object", async () => {
    for (const list of [[848, 581, -473], [7], { a: 5 }, [1, "x", 2]]) {
      const path = defaultPathSerializer("/lists/{list}", { list });
      expect(await send(served, path)).toEqual(judged(listValid(list), list));
    }
  });

  it("reads a query list of ids or slugs as ids where they are ids, slugs where slugs", async () => {
    const lists = [[1], [1, 3], ["league-of-legends"], ["cs-go", "dota-2"]];
    for (const videogame of [...lists, [2], ["x"]]) {
      const search = new URLSearchParams(
        videogame.map((v) => ["videogame", String(v)]),
      );
      const expected = judged(videogamesValid(videogame), videogame);
      expect(await send(served, `/additions?${search}`)).toEqual(expected);
    }
  });

  it("types a form's fields no property names by its additionalProperties", async () => {
    const bodies = [
      { name: "x", a: 3, b: -2 },
      { a: 0 },
      { a: 1.5 },
      { name: "y", b: "z" },
    ];
    for (const body of bodies) {
      const entries = Object.entries(body).map(([k, v]) => [k, String(v)]);
      const expected = judged(extrasValid(body), body);
      await postBoth("/extras", entries, expected);
    }
  });

  it("types a field or parameter by the one allOf member that types it", async () => {
    for (const channel of [5, 0, "abc"]) {
      const search = new URLSearchParams({ channel: String(channel) });
      expect(await send(served, `/channels?${search}`)).toEqual(
        judged(describedValid(channel), channel),
      );
      const body = { channel, name: "n" };
      const entries = Object.entries(body).map(([k, v]) => [k, String(v)]);
      const expected = judged(channelValid(body), body);
      await postBoth("/channels", entries, expected);
    }
  });

  it("reads a union form field's object member from JSON text, url-encoded and multipart", async () => {
    const bodies = [
      { range: { lo: 1, hi: 2.5 }, note: "x" },
      { range: { lo: -3 } },
      { range: { hi: 2 } },
      { range: 7 },
      { range: "abc" },
      { range: "ABC" },
    ];
    for (const body of bodies) {
      const entries = Object.entries(body).map(([name, value]) => [
        name,
        typeof value === "object" ? JSON.stringify(value) : String(value),
      ]);
      const expected = judged(formValid(body), body);
      await postBoth("/ranges", entries, expected);
      if (typeof body.range !== "object") continue;
      // the object as a part of its own labelled JSON, as clients upload metadata beside files
      const parts = new FormData();
      parts.append(
        "range",
        new Blob([JSON.stringify(body.range)], { type: "application/json" }),
        "range.json",
      );
      if (body.note !== undefined) parts.append("note", body.note);
      expect(
        await send(served, "/ranges", { method: "POST", body: parts }),
      ).toEqual(expected);
    }
  });

  it("reads a list field whose items are a union of objects from the JSON text of each", async () => {
    const bodies = [
      { errors: [{ source: "data", field_name: "name" }] },
      {
        errors: [
          { source: "file", file_hash: "ab" },
          { source: "data", field_name: "x" },
        ],
      },
      { errors: [{ source: "file" }] },
    ];
    for (const body of bodies) {
      const entries = body.errors.map((e) => ["errors", JSON.stringify(e)]);
      const expected = judged(errorsValid(body), body);
      await postBoth("/errors", entries, expected);
    }
  });

  it("names a union form field a body field when no member takes it", async () => {
    const response = await fetch(servers.get(served)!.url + "/ranges", {
      method: "POST",
      body: new URLSearchParams({ range: "1", pick: "abc" }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/body field \\"pick\\"/);
  });
});
