import { readFileSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import * as prettier from "prettier";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Endpoint, Parameter } from "../../src/model/types.js";
import { loadModel } from "../../src/pipeline.js";
import { typeCheck } from "./compile.js";
import { generateClient, importClient } from "./generate.js";
import { recordingServer } from "./server.js";

/*
 * The Stride client generated from the five seed specs in specs/: it needs the real ingest and
 * merge (loadModel), and checks all 49 operations end to end on a node:http server.
 */
const SPECS = resolve(import.meta.dirname, "../../specs");
const model = loadModel(
  readdirSync(SPECS)
    .sort()
    .map((f) => join(SPECS, f)),
);

type Call = (args?: object, options?: object) => Promise<{ status: number }>;
let dir: string;
let client: Record<string, Call>;
let server: Awaited<ReturnType<typeof recordingServer>>;

beforeAll(async () => {
  dir = await generateClient(model, "stride");
  client = await importClient<Record<string, Call>>(dir);
  server = await recordingServer();
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A value that would change the path if it were not encoded. */
const PATH_VALUE = "a/b c?#";
const QUERY_VALUE = "q v&x=1";

function sampleValue(parameter: Parameter, value: string): unknown {
  return parameter.schema?.type === "array" ? [value] : value;
}

function argsFor(endpoint: Endpoint): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  const { path, query } = endpoint.parameters;
  if (path.length > 0)
    args.path = Object.fromEntries(path.map((p) => [p.name, PATH_VALUE]));
  if (query.length > 0)
    args.query = Object.fromEntries(
      query.map((p) => [p.name, sampleValue(p, QUERY_VALUE)]),
    );
  if (endpoint.requestBody) args.body = { hello: "world" };
  return args;
}

/** What the server must see, worked out from the model (not from the client's code). */
function expectedUrl(endpoint: Endpoint): string {
  const path = endpoint.path.replace(/\{([^}]+)\}/g, () =>
    encodeURIComponent(PATH_VALUE),
  );
  const query = endpoint.parameters.query.map(
    (p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(QUERY_VALUE)}`,
  );
  return query.length > 0 ? `${path}?${query.join("&")}` : path;
}

describe("Stride client", () => {
  test("has one function per operation of the seeds (49)", () => {
    expect(model.endpoints).toHaveLength(49);
    for (const endpoint of model.endpoints)
      expect(typeof client[endpoint.name], endpoint.name).toBe("function");
  });

  test("is already prettier-formatted", async () => {
    for (const file of ["types.ts", "client/index.ts", "client/runtime.ts"]) {
      const text = readFileSync(join(dir, file), "utf8");
      expect(await prettier.format(text, { parser: "typescript" }), file).toBe(
        text,
      );
    }
  });

  test("compiles under tsc --strict", async () => {
    expect(await typeCheck(dir)).toBe("");
  });

  test("sends every operation with its method, encoded path, query and body", async () => {
    for (const endpoint of model.endpoints) {
      const before = server.received.length;
      const result = await client[endpoint.name]!(argsFor(endpoint), {
        baseUrl: server.baseUrl,
      });
      expect(result.status, endpoint.name).toBe(200);
      expect(server.received.length).toBe(before + 1);
      const got = server.received[before]!;
      expect(got.method, endpoint.name).toBe(endpoint.method.toUpperCase());
      expect(got.url, endpoint.name).toBe(expectedUrl(endpoint));
      if (endpoint.requestBody) {
        expect(got.body.length, endpoint.name).toBeGreaterThan(0);
        if (/json/.test(String(got.headers["content-type"])))
          expect(JSON.parse(got.body.toString())).toEqual({ hello: "world" });
      } else expect(got.body.length, endpoint.name).toBe(0);
    }
    expect(server.received.length).toBeGreaterThanOrEqual(49);
  });

  test("sends the OAuth token the seeds' prose implies", async () => {
    const authed = model.endpoints.find(
      (e) => e.security && e.security.length > 0,
    );
    expect(authed).toBeDefined();
    const bound = (
      client as unknown as { createClient: (c: object) => Record<string, Call> }
    ).createClient({ baseUrl: server.baseUrl, auth: { token: "secret" } });
    await bound[authed!.name]!(argsFor(authed!));
    expect(server.received.at(-1)!.headers["authorization"]).toBe(
      "Bearer secret",
    );
  });
});
