import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO, apiloom } from "../cli/run.js";
import { typeCheckCell } from "../compat/matrix.js";
import { ajv, overHttp, type Connected } from "../mcp/harness.js";

/*
 * MCP tools with `dates: "Date"` and `int64: "bigint"` (issue 43 item 3), through the SDK's own
 * client against an API on 127.0.0.1. An agent speaks JSON: it gives a date as its text and an
 * int64 as a number or as its digits (text keeps every digit past 2^53, which JSON numbers lose
 * in the agent's and the SDK's JSON.parse); the tool hands the client Dates and bigints, which
 * send 2^63-1 as its digits; the answer, read losslessly and revived by the client, comes back as
 * JSON again: a Date as its text, a bigint as its digits (a string), as the output schema says.
 */
const API = join(REPO, "test/dates/consumers-api.yaml");
const ROOT = join(REPO, "test/dates/out/consumers-mcp");
const OUT = join(ROOT, "ledger");
/** With the options on, an API that holds no date and no int64: no plans to name. */
const PLAIN = join(ROOT, "plain");
const MAX = "9223372036854775807";
const MIN = "-9223372036854775808";

let api: Server;
let mcp: Connected;
const received: { method: string; url: string; body: string }[] = [];
/** The next answer, as JSON text (digits past 2^53 and all). */
let answer = { status: 200, text: "{}" };

beforeAll(async () => {
  for (const [input, out] of [
    [API, OUT],
    [join(REPO, "test/mcp/fixtures/streams.yaml"), PLAIN],
  ])
    expect(
      apiloom([
        "generate",
        input!,
        "-o",
        out!,
        "-a",
        "mcp",
        "--no-lock",
        "--dates",
        "Date",
        "--int64",
        "bigint",
      ]).code,
    ).toBe(0);
  api = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({
        method: req.method ?? "",
        url: req.url ?? "",
        body: Buffer.concat(chunks).toString("utf8"),
      });
      res.writeHead(answer.status, { "Content-Type": "application/json" });
      res.end(answer.text);
    });
  });
  await new Promise<void>((ok) => api.listen(0, "127.0.0.1", ok));
  const port = (api.address() as AddressInfo).port;
  mcp = await overHttp(OUT, { baseUrl: `http://127.0.0.1:${port}` });
}, 120_000);

afterAll(async () => {
  await mcp?.close();
  api?.closeAllConnections();
  await new Promise<void>((ok) => api?.close(() => ok()));
});

const ENTRY = `{"id":${MAX},"at":"2024-05-01T10:00:00Z","day":"2024-05-01","amount":4611686018427387904,"parent":null,"shares":[1,${MIN}]}`;

async function call(name: string, args: Record<string, unknown>) {
  const result = await mcp.client.callTool({ name, arguments: args });
  return {
    result,
    text: (result.content as { text: string }[])[0]!.text,
  };
}

describe("mcp/ with dates: Date and int64: bigint", () => {
  it("compiles under the strictest tsconfig", async () => {
    const result = await typeCheckCell(ROOT, "strictest", "TypeScript 7");
    expect(result.output).toBe("");
  }, 240_000);

  it("says an int64 may be given as its digits: integer or string, in the schemas ajv compiles", async () => {
    const { tools } = await mcp.client.listTools();
    const get = tools.find((t) => t.name === "getEntry")!;
    const path = get.inputSchema.properties!["path"] as {
      properties: Record<string, object>;
    };
    expect(path.properties["id"]).toEqual({
      type: ["integer", "string"],
      format: "int64",
      pattern: "^-?(0|[1-9][0-9]*)$",
      minLength: 1,
    });
    const output = get.outputSchema as unknown as {
      properties: { body: { properties: Record<string, object> } };
    };
    expect(output.properties.body.properties["parent"]).toMatchObject({
      type: ["integer", "null", "string"],
    });
    for (const tool of tools) {
      ajv.compile(tool.inputSchema);
      if (tool.outputSchema) ajv.compile(tool.outputSchema);
    }
  });

  it("sends 2^63-1 given as text as its digits, and answers JSON: dates as text, int64s as digits", async () => {
    answer = { status: 200, text: ENTRY };
    const { result, text } = await call("getEntry", {
      path: { id: MAX },
      query: { asOf: "2024-05-01T12:00:00+02:00", day: "2024-05-01" },
    });
    expect(result.isError, text).toBeFalsy();
    const url = new URL(received.at(-1)!.url, "http://x");
    expect(url.pathname).toBe(`/entries/${MAX}`);
    // the same instant, as the client writes a Date; a date as its day
    expect(url.searchParams.get("asOf")).toBe("2024-05-01T10:00:00.000Z");
    expect(url.searchParams.get("day")).toBe("2024-05-01");
    expect(result.structuredContent).toEqual({
      status: 200,
      body: {
        id: MAX,
        at: "2024-05-01T10:00:00.000Z",
        day: "2024-05-01",
        amount: "4611686018427387904",
        parent: null,
        shares: ["1", MIN],
      },
    });
    expect(JSON.parse(text)).toEqual(result.structuredContent);
  });

  it("writes a body's int64s as JSON numbers, every digit kept, whether given as text or number", async () => {
    answer = { status: 201, text: ENTRY };
    const { result, text } = await call("addEntry", {
      body: {
        id: MAX,
        at: "2024-05-01T10:00:00Z",
        amount: 2,
        shares: [3, "9007199254740993"],
      },
    });
    expect(result.isError, text).toBeFalsy();
    const sent = received.at(-1)!;
    expect(sent.method).toBe("POST");
    expect(sent.body).toContain(`"id":${MAX}`);
    expect(sent.body).toContain('"shares":[3,9007199254740993]');
    expect(sent.body).toContain('"at":"2024-05-01T10:00:00.000Z"');
    expect((result.structuredContent as { status: number }).status).toBe(201);
  });

  it("refuses what is no int64 or no date, naming where, and sends nothing", async () => {
    const before = received.length;
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ path: { id: "12x" } }, /\/path\/id: must be integer/],
      [{ path: { id: 1 }, query: { day: "2024-02-30" } }, /\/query\/day: /],
      [{ path: { id: "9223372036854775808" } }, /outside int64/],
    ];
    for (const [args, message] of cases) {
      const { result, text } = await call("getEntry", args);
      expect(result.isError, text).toBe(true);
      expect(text).toMatch(message);
    }
    expect(received.length).toBe(before);
  });

  it("answers an error status's body as JSON too", async () => {
    answer = { status: 404, text: `{"missing":${MAX}}` };
    const { result, text } = await call("getEntry", { path: { id: 5 } });
    expect(result.isError).toBe(true);
    expect(JSON.parse(text)).toEqual({
      status: 404,
      body: { missing: 9223372036854775807 },
    });
  });
});
