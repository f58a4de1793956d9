/*
 * Issue 24, faults C, D, E, F, K and M: what real Postman collections (and a Postman collection
 * beside an OpenAPI document) made of the model, and of the client tsc checks. Fixtures are in
 * test/fixtures/faults24/.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import type { ApiModel, Endpoint } from "../../src/model/types.js";
import { typeCheck } from "../client/compile.js";
import { generateClient } from "../client/generate.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/faults24");

async function model(
  ...files: string[]
): Promise<ApiModel & { find: (m: string, p: string) => Endpoint }> {
  const { model } = await generate(
    files.map((file) => ({
      file,
      text: readFileSync(join(FIXTURES, file), "utf8"),
    })),
    { artifacts: [] },
  );
  return {
    ...model,
    find: (method, path) => {
      const found = model.endpoints.find(
        (e) => e.method === method && e.path === path,
      );
      if (!found)
        throw new Error(
          `no ${method} ${path} among ${model.endpoints.map((e) => `${e.method} ${e.path}`).join(", ")}`,
        );
      return found;
    },
  };
}

const cleanup: string[] = [];
afterAll(() => {
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

/** Generates the client of `m`, adds `use.ts` and returns tsc's verdict ("" when clean). */
async function compiles(m: ApiModel, use: string[]): Promise<string> {
  const dir = await generateClient(m, "faults24");
  cleanup.push(dir);
  writeFileSync(
    join(dir, "use.ts"),
    [
      `import { createClient } from "./client/index.js";`,
      `export async function use(baseUrl: string) {`,
      `  const api = createClient({ baseUrl });`,
      ...use.map((line) => `  ${line}`),
      `}`,
    ].join("\n"),
  );
  return typeCheck(dir);
}

describe("C: a variable whose value is empty inside a URL path", () => {
  it("is a path parameter, not a lost segment", async () => {
    const m = await model("orders.postman.json");
    const routes = m.endpoints.map((e) => `${e.method} ${e.path}`);
    expect(routes).toContain("post /orders/{order_id}/capture");
    expect(routes).toContain("get /orders/{order_id}");
    expect(routes).not.toContain("post /orders/capture");
    expect(routes).not.toContain("get /orders/");
    expect(
      m.find("post", "/orders/{order_id}/capture").parameters.path,
    ).toMatchObject([{ name: "order_id", required: true }]);
  });
});

describe("D: requests sharing a route", () => {
  it("merge their bodies' inferred schemas, and their responses' of one status", async () => {
    const m = await model("instruments.postman.json");
    expect(m.endpoints).toHaveLength(1);
    const post = m.find("post", "/instruments");
    const body = post.requestBody!.content[0]!;
    expect(Object.keys(body.schema!.properties!)).toEqual([
      "type",
      "iban",
      "card",
    ]);
    expect(body.schema!.required).toBeUndefined();
    expect(body.examples).toHaveLength(2);
    const created = post.responses.find((r) => r.status === "201")!;
    expect(created.content[0]!.schema).toMatchObject({
      properties: {
        id: { type: "string" },
        bank: { type: "object" },
        card: { type: "object" },
        score: { type: "number" },
        tags: { type: "array", items: { type: "string" } },
      },
    });
  });

  it("take the route's name, not one example's, and say which titles were candidates", async () => {
    const m = await model("instruments.postman.json");
    expect(m.find("post", "/instruments").name).toBe("postInstruments");
    const shared = m.diagnostics.filter(
      (d) => d.code === "naming/shared-route",
    );
    expect(shared).toHaveLength(1);
    expect(shared[0]!.message).toContain('"Add a bank account"');
    expect(shared[0]!.message).toContain('"Add a card"');
  });

  it("make a client that takes every example's body and reads every example's answer", async () => {
    const m = await model("instruments.postman.json");
    expect(
      await compiles(m, [
        `await api.postInstruments({ body: { type: "bank", iban: "DE89" } });`,
        `const r = await api.postInstruments({ body: { type: "card", card: { number: "4111", expiry: 1229 } } });`,
        `if (r.ok && r.status === 201) { const s: number | undefined = r.data.score; const t: string[] | undefined = r.data.tags; void s; void t; }`,
      ]),
    ).toBe("");
  });
});

describe("E: a bare {{var}} in a JSON body", () => {
  it("is read as the variable's value, or as any value, and the rest of the body is typed", async () => {
    const m = await model("orders.postman.json");
    const media = m.find("post", "/carts/{cart_id}").requestBody!.content[0]!;
    expect(media.schema).toMatchObject({
      type: "object",
      properties: {
        version: { type: "integer" },
        owner: {},
        actions: {
          type: "array",
          items: { properties: { action: { type: "string" } } },
        },
      },
    });
    expect(media.schema!.properties!.owner).toEqual({});
    // {{owner}} has no value: the body is a template, not an example
    expect(media.examples).toBeUndefined();
    expect(
      m.diagnostics.filter((d) => d.code === "postman/invalid-json-body"),
    ).toEqual([]);
  });
});

describe("F and K: form fields and typed stand-ins", () => {
  it("F: a form-data field with several files is an array of binaries", async () => {
    const m = await model("orders.postman.json");
    const schema = m.find("post", "/attachments").requestBody!.content[0]!
      .schema!;
    expect(schema.properties!.files).toEqual({
      type: "array",
      items: { type: "string", format: "binary" },
    });
    expect(schema.properties!.cover).toEqual({
      type: "string",
      format: "binary",
    });
  });

  it("K: <float>, <long>, <integer>, <boolean>, <dateTime> name their types", async () => {
    const m = await model("orders.postman.json");
    const payment = m.find("post", "/payments");
    expect(payment.requestBody!.content[0]!.schema!.properties).toEqual({
      amount: { type: "number", format: "float" },
      count: { type: "integer", format: "int64" },
      units: { type: "integer" },
      captured: { type: "boolean" },
      at: { type: "string", format: "date-time" },
      memo: { type: "string" },
    });
    expect(payment.requestBody!.content[0]!.examples).toBeUndefined();
    expect(payment.parameters.query[0]!.schema).toEqual({
      type: "integer",
      format: "int64",
    });
    expect(
      m.find("post", "/attachments").requestBody!.content[0]!.schema!
        .properties!.pages,
    ).toEqual({ type: "integer" });
  });

  it("the client takes Blob[] for the multi-file field and numbers for the typed stand-ins", async () => {
    const m = await model("orders.postman.json");
    expect(
      await compiles(m, [
        `const a = new Blob(["a"]);`,
        `await api.uploadAttachments({ body: { files: [a, a], cover: a, pages: 2 } });`,
        `await api.createPayment({ query: { limit: 5 }, body: { amount: 1.5, count: 2, captured: true } });`,
        `await api.updateCart({ path: { cart_id: "c" }, body: { version: 3, owner: { any: "thing" } } });`,
        `// @ts-expect-error one Blob is not the field's list of files`,
        `await api.uploadAttachments({ body: { files: a } });`,
        `// @ts-expect-error <float> is a number`,
        `await api.createPayment({ body: { amount: "1.5" } });`,
      ]),
    ).toBe("");
  });
});

describe("M: an explicit operationId and a request title that reads the same", () => {
  it("the operationId keeps its endpoint; the endpoint that loses the name is reported", async () => {
    const m = await model("users.openapi.yaml", "users.postman.json");
    const get = m.find("get", "/users");
    expect(get.name).toBe("listUsers");
    expect(get.operationId).toBe("listUsers");
    expect(m.find("post", "/USERS").name).toBe("postUsers");
    const taken = m.diagnostics.filter((d) => d.code === "naming/name-taken");
    expect(taken.map((d) => d.message)).toEqual([
      expect.stringMatching(
        /^POST \/USERS is named postUsers: the name listUsers its request title gives belongs to GET \/users/,
      ),
    ]);
    expect(taken[0]!.file).toBe("users.postman.json");
  });
});
