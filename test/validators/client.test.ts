import { emitted } from "../emitted.js";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate } from "../../src/generate.js";
import { listen, type RunningServer } from "../server/http.js";
import { SPEC } from "./keywords-spec.js";
import { outDir, typeCheck, writeFiles } from "./generated.js";

// The keyword document's PUT /pets/{petId} answers a Pet (200, JSON) or text (default).
const TRACE = "123e4567-e89b-12d3-a456-426614174000";
let reply: { status: number; type: string; body: string } = {
  status: 200,
  type: "application/json",
  body: "{}",
};

interface ClientModule {
  createClient(config: object): {
    putPet(args: object): Promise<{ ok: boolean; data?: unknown }>;
  };
  ResponseValidationError: new (...args: never[]) => Error;
}

describe("createClient({ validateResponses })", () => {
  let server: RunningServer;
  let client: ClientModule;
  /** client/validate.ts's checker, the value of the option. */
  let validateResponses: unknown;
  let dir: string;
  const call = (config: object) =>
    client.createClient({ baseUrl: server.baseUrl, ...config }).putPet({
      path: { petId: 1 },
      headers: { "X-Trace": TRACE },
      body: { name: "rex", secret: "s" },
    });

  beforeAll(async () => {
    const model = (await generate([{ file: "keywords.yaml", text: SPEC }]))
      .model;
    dir = outDir("client");
    writeFiles(dir, await emitted(["client", "validators"], model, {}));
    client = await import(pathToFileURL(join(dir, "client/index.ts")).href);
    ({ validateResponses } = await import(
      pathToFileURL(join(dir, "client/validate.ts")).href
    ));
    server = await listen((_req, res) => {
      _req.resume();
      res.writeHead(reply.status, { "content-type": reply.type });
      res.end(reply.body);
    });
  });
  afterAll(() => server?.close());

  it("rejects a 2XX body that breaks the API description, naming the violations", async () => {
    reply = { status: 200, type: "application/json", body: '{"name":5}' };
    const error = await call({ validateResponses }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(client.ResponseValidationError);
    expect(error).toMatchObject({
      name: "ResponseValidationError",
      operation: "putPet",
      status: 200,
      body: { name: 5 },
      violations: [
        { path: "", keyword: "required" },
        { path: "/name", keyword: "type" },
      ],
    });
    expect((error as Error).message).toContain("/name must be string (type)");
  });

  it("reads writeOnly members as not returned", async () => {
    reply = {
      status: 200,
      type: "application/json",
      body: '{"id":1,"name":"rex"}',
    };
    const result = await call({ validateResponses });
    expect(result).toMatchObject({ ok: true, data: { id: 1, name: "rex" } });
  });

  it("checks nothing by default", async () => {
    reply = { status: 200, type: "application/json", body: '{"name":5}' };
    expect(await call({})).toMatchObject({ ok: true, data: { name: 5 } });
    expect(await call({ validateResponses: false })).toMatchObject({
      ok: true,
    });
  });

  it("leaves error answers and bodies that are not JSON alone", async () => {
    reply = { status: 500, type: "application/json", body: '{"name":5}' };
    expect(await call({ validateResponses })).toMatchObject({
      ok: false,
    });
    reply = { status: 200, type: "text/plain", body: "hello" };
    expect(await call({ validateResponses })).toMatchObject({
      ok: true,
      data: "hello",
    });
  });

  it("type-checks under strict settings", () => {
    expect(typeCheck(dir)).toBe("");
  });
});
