import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CORPUS_DIR, CORPUS_PRESENT } from "../shared-corpus.js";
import {
  apiServer,
  bundleStdio,
  generate,
  overHttp,
  overStdio,
  requestProblems,
  sampleFor,
  type ApiServer,
  type Connected,
} from "./harness.js";

/*
 * Every tool of small APIs in full mode, called through the SDK's Client: each sends the request
 * its arguments say (method, path, query, JSON body) to an API server on 127.0.0.1 and returns
 * its answer with the status. Arguments are json-schema-faker's samples of the tool's own input
 * schema that ajv accepts (the tool must take them); answers are samples of its output schema
 * (the SDK's client checks the structured content against it). The credentials given by
 * environment variables or options reach the API and never one message the client receives.
 */
const TOKEN = "tok-SECRET-5f1d2c3b4a";
const KEY = "key-SECRET-9e8d7c6b";
const SAFE = new Set(["GET", "HEAD", "OPTIONS", "QUERY", "TRACE"]);

let api: ApiServer;
const servers: Record<string, Connected> = {};
const outs: Record<string, string> = {};

beforeAll(async () => {
  api = await apiServer();
  outs["stride"] = generate("calls/stride", ["specs/*"]);
  outs["hostile"] = generate("calls/hostile", [
    "test/mcp/fixtures/hostile.yaml",
  ]);
  outs["media"] = generate("calls/media", ["test/mcp/fixtures/media.yaml"]);
  const auth = { token: TOKEN, apiKey: KEY };
  servers["stride"] = await overHttp(outs["stride"], {
    baseUrl: api.baseUrl,
    auth,
    mode: "tools",
  });
  servers["hostile"] = await overHttp(outs["hostile"], {
    baseUrl: api.baseUrl,
    auth,
  });
  servers["media"] = await overHttp(outs["media"], { baseUrl: api.baseUrl });
  if (CORPUS_PRESENT) {
    outs["museum"] = generate("calls/museum", [
      join(CORPUS_DIR, "oas31/redocly-museum.yaml"),
    ]);
    outs["petstore"] = generate("calls/petstore", [
      join(CORPUS_DIR, "swagger2/petstore.json"),
    ]);
    servers["museum"] = await overHttp(outs["museum"], {
      baseUrl: api.baseUrl,
      auth: { username: "ada", password: "pw-SECRET-31415" },
    });
    servers["petstore"] = await overStdio(await bundleStdio(outs["petstore"]), {
      API_BASE_URL: api.baseUrl,
      API_TOKEN: TOKEN,
      API_KEY: KEY,
    });
  }
}, 120_000);

afterAll(async () => {
  for (const s of Object.values(servers)) await s.close();
  await api?.close();
});

/** The success status the generated validators check a body for (`2XX` is 200), or 200. */
async function successStatus(out: string, name: string): Promise<number> {
  const { endpoints } = (await import(
    join(out, "validators/endpoints.ts")
  )) as { endpoints: Record<string, { responses: object }> };
  const status = Object.keys(endpoints[name]!.responses).find((s) =>
    s.startsWith("2"),
  );
  return status === undefined || status === "2XX" ? 200 : Number(status);
}

interface Called {
  tool: string;
  /** Whether the answer's body was a sample of the output schema, and came back equal. */
  checkedBody: boolean;
  result: Awaited<ReturnType<Connected["client"]["callTool"]>>;
}

/** Calls every tool of `name` with sampled arguments; checks each request on the wire. */
async function callEach(name: string): Promise<Called[]> {
  const { client } = servers[name]!;
  const { tools } = await client.listTools();
  const called: Called[] = [];
  for (const tool of tools) {
    const args = sampleFor(tool.inputSchema) as Record<string, never>;
    expect(args, `${name} ${tool.name}: no sample of its input`).toBeDefined();
    // the body's schema, with the $defs of the output schema it may refer to
    const output = tool.outputSchema as
      { properties: { body?: object }; $defs?: object } | undefined;
    const body = output
      ? sampleFor({ ...output.properties.body, $defs: output.$defs })
      : { ok: true };
    if (output) expect(body, `${name} ${tool.name}: no sample`).toBeDefined();
    api.answer = {
      status: await successStatus(outs[name]!, tool.name),
      body,
    };
    const before = api.received.length;
    const result = await client.callTool({ name: tool.name, arguments: args });
    const text = JSON.stringify(result.content);
    expect(result.isError, `${name} ${tool.name}: ${text}`).toBeFalsy();
    expect(api.received.length, `${name} ${tool.name}`).toBe(before + 1);
    checkRequest(name, tool, args, api.received.at(-1)!);
    expect(result.structuredContent).toMatchObject({
      status: api.answer.status,
    });
    if (body !== undefined && tool.outputSchema)
      expect(
        isDeepStrictEqual(
          (result.structuredContent as { body: unknown }).body,
          body,
        ),
        `${name} ${tool.name}`,
      ).toBe(true);
    called.push({
      tool: tool.name,
      checkedBody: body !== undefined && tool.outputSchema !== undefined,
      result,
    });
  }
  return called;
}

function checkRequest(
  name: string,
  tool: Tool,
  args: Record<string, Record<string, unknown> | undefined>,
  received: ApiServer["received"][number],
): void {
  const described = /`([A-Z]+) (\/[^`]*)`/.exec(tool.description ?? "")!;
  const [, method, path] = described;
  const where = `${name} ${tool.name}`;
  expect(received.method, where).toBe(method);
  expect(requestProblems(path!, args, received.url), where).toEqual([]);
  // the annotations say what the method on the wire does
  expect(tool.annotations?.readOnlyHint, where).toBe(SAFE.has(method!));
  expect(tool.annotations?.destructiveHint, where).toBe(
    ["PUT", "PATCH", "DELETE"].includes(method!),
  );
  const type = String(received.headers["content-type"] ?? "");
  if (args["body"] !== undefined && /json/.test(type))
    expect(JSON.parse(received.body), where).toEqual(args["body"]);
}

describe("mcp/: each tool sends its request and returns the answer", () => {
  it("Stride in full mode over Streamable HTTP: all 49 tools", async () => {
    const called = await callEach("stride");
    expect(called).toHaveLength(49);
    // the bearer token went to the API, in the header the description's scheme names
    expect(api.received.at(-1)!.headers["authorization"]).toBe(
      `Bearer ${TOKEN}`,
    );
  }, 120_000);

  it.runIf(CORPUS_PRESENT)(
    "the museum (OpenAPI 3.1, Basic auth) over Streamable HTTP and the pet store (Swagger 2.0) over stdio",
    async () => {
      const museum = await callEach("museum");
      expect(museum).toHaveLength(8);
      // the tools with an output schema: their answers' bodies came back equal
      expect(museum.filter((c) => c.checkedBody)).toHaveLength(6);
      expect(api.received.at(-1)!.headers["authorization"]).toBe(
        `Basic ${btoa("ada:pw-SECRET-31415")}`,
      );
      const pets = await callEach("petstore");
      expect(pets).toHaveLength(20);
      expect(pets.filter((c) => c.checkedBody)).toHaveLength(9);
    },
    120_000,
  );

  it("the hostile description: a credential parameter sent by auth, the rest as given", async () => {
    await callEach("hostile");
    const get = api.received.find((r) => r.url.startsWith("/items/"))!;
    expect(get.headers["x-api-key"]).toBe(KEY);
  });
});

describe("mcp/: what a tool refuses, and its errors", () => {
  const call = (args: Record<string, unknown>, name = "getItem") =>
    servers["hostile"]!.client.callTool({ name, arguments: args });

  it("answers an error status as a tool error carrying the status and the body", async () => {
    api.answer = { status: 404, body: { message: "no such item" } };
    const result = await call({ path: { id: 7 } });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toBeUndefined();
    const text = (result.content as { text: string }[])[0]!.text;
    expect(JSON.parse(text)).toEqual({
      status: 404,
      body: { message: "no such item" },
    });
  });

  it("says so when a success's body breaks the description (rather than the client's check failing)", async () => {
    api.answer = { status: 200, body: { id: "seven" } };
    const result = await call({ path: { id: 7 } });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toContain(
      "does not match the API description",
    );
  });

  it("checks a success's body against the schema of the media type it came as", async () => {
    const getConfig = (answer: ApiServer["answer"]) => {
      api.answer = answer;
      return servers["media"]!.client.callTool({
        name: "getConfig",
        arguments: { path: { id: "c1" } },
      });
    };
    // plain JSON has no `_links`: the HAL schema is not the one to hold it to
    const plain = await getConfig({ status: 200, body: { name: "c1" } });
    expect(plain.isError, JSON.stringify(plain.content)).toBeFalsy();
    expect(plain.structuredContent).toEqual({
      status: 200,
      body: { name: "c1" },
    });
    const hal = { _links: { self: {} }, name: "c1" };
    for (const [type, body, error] of [
      ["application/hal+json", hal, false],
      ["application/hal+json; charset=utf-8", { name: "c1" }, true],
      ["application/json", hal, true],
    ] as const) {
      const result = await getConfig({ status: 200, body, type });
      expect(result.isError ?? false, `${type} ${JSON.stringify(body)}`).toBe(
        error,
      );
    }
  });

  it("checks the arguments with the generated validators before anything is sent", async () => {
    const before = api.received.length;
    for (const [args, says] of [
      [{ path: { id: 0 } }, "/path/id"],
      [{ path: { id: "seven" } }, "/path/id"],
      [{}, "/path: is required"],
      [{ path: { id: 1 }, query: { constructor: "x".repeat(11) } }, "/query"],
      [
        { path: { id: 1 }, headers: { Authorization: "Bearer mine" } },
        "/headers",
      ],
      [{ path: { id: 1, extra: 1 } }, '"extra" is no parameter'],
      [{ path: { id: 1 }, auth: { token: "x" } }, 'takes no "auth"'],
    ] as const) {
      const result = await call(args);
      expect(result.isError, JSON.stringify(args)).toBe(true);
      expect((result.content as { text: string }[])[0]!.text).toContain(says);
    }
    expect(api.received.length).toBe(before);
  });

  it("returns a 204 without a body, and a recursive body whole", async () => {
    api.answer = { status: 204 };
    const gone = await call({ path: { id: 3 } }, "deleteItem");
    expect(gone.structuredContent).toEqual({ status: 204 });
    const tree = { label: "a", children: [{ label: "b", children: [] }] };
    api.answer = { status: 200, body: tree };
    const put = await call({ body: [{ name: "x" }] }, "putItems");
    expect(put.structuredContent).toEqual({ status: 200, body: tree });
  });

  it("never shows a credential: an API that echoes one gets it replaced", async () => {
    api.answer = {
      status: 200,
      body: { id: 1, name: `Bearer ${TOKEN} and ${KEY}` },
    };
    const result = await call({ path: { id: 1 } });
    expect(result.structuredContent).toEqual({
      status: 200,
      body: { id: 1, name: "Bearer [redacted] and [redacted]" },
    });
    for (const [name, server] of Object.entries(servers))
      for (const message of server.received)
        for (const secret of [TOKEN, KEY, "pw-SECRET-31415"])
          expect(message.includes(secret), `${name}: ${message}`).toBe(false);
  });
});
