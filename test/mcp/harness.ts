import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { build } from "esbuild";
import { generateSync } from "json-schema-faker";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { InMemoryTransport } from "@modelcontextprotocol/sdk/inMemory.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { afterAll, expect } from "vitest";
import { REPO, apiloom } from "../cli/run.js";

/*
 * What the MCP tests share: the real CLI generating `-a mcp`, the generated server run over
 * stdio (bundled by esbuild, run by node) or Streamable HTTP (its http.ts on 127.0.0.1), and
 * the SDK's own Client talking to it, every message it receives recorded.
 */

export const OUT = join(REPO, "test/mcp/out");

/** Generates `inputs` with `-a mcp` (and `flags`) into `test/mcp/out/<name>`; its folder. */
export function generate(
  name: string,
  inputs: readonly string[],
  flags: readonly string[] = [],
): string {
  const out = join(OUT, name);
  const run = apiloom([
    "generate",
    ...inputs,
    "-o",
    out,
    "-a",
    "mcp",
    "--no-lock",
    ...flags,
  ]);
  expect(run.code, run.stderr).toBe(0);
  return out;
}

/** `<out>/mcp/stdio.ts` as one ES module Node runs (the SDK stays a package import). */
export async function bundleStdio(out: string): Promise<string> {
  const file = join(out, "stdio.bundle.mjs");
  await build({
    entryPoints: [join(out, "mcp/stdio.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    outfile: file,
    logLevel: "silent",
  });
  return file;
}

/** An SDK client and every message it received, as JSON text. */
export interface Connected {
  client: Client;
  received: string[];
  close(): Promise<void>;
}

async function connected(transport: Transport): Promise<Connected> {
  const client = new Client({ name: "apiloom-test", version: "1.0.0" });
  const received: string[] = [];
  await client.connect(transport);
  const deliver = transport.onmessage!;
  transport.onmessage = (message, extra) => {
    received.push(JSON.stringify(message));
    deliver(message, extra);
  };
  return { client, received, close: () => client.close() };
}

/** The bundled stdio server as a child process, configured by `env` only. */
export function overStdio(
  bundle: string,
  env: Record<string, string>,
): Promise<Connected> {
  return connected(
    new StdioClientTransport({
      command: process.execPath,
      args: [bundle],
      env: { PATH: process.env["PATH"] ?? "", ...env },
      stderr: "pipe",
    }),
  );
}

/** The generated http.ts's handler on 127.0.0.1, and a client over Streamable HTTP. */
export async function overHttp(
  out: string,
  options: object,
): Promise<Connected & { url: string }> {
  const { mcpHttpHandler } = (await import(join(out, "mcp/http.ts"))) as {
    mcpHttpHandler: (o: object) => Parameters<typeof createServer>[1];
  };
  const server: Server = createServer(mcpHttpHandler(options));
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
  const c = await connected(new StreamableHTTPClientTransport(new URL(url)));
  return {
    ...c,
    url,
    close: async () => {
      await c.close();
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}

/**
 * One server of the generated createMcpServer (`<out>/mcp/index.ts`) in this process, serving
 * every call as a stdio server does (http.ts makes a server per request), and a client over the
 * SDK's in-memory transport: for options the environment cannot give (a credential function).
 */
export async function inProcess(
  out: string,
  options: object,
): Promise<Connected> {
  const { createMcpServer } = (await import(join(out, "mcp/index.ts"))) as {
    createMcpServer: (o: object) => {
      connect(t: Transport): Promise<void>;
      close(): Promise<void>;
    };
  };
  const server = createMcpServer(options);
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  const c = await connected(clientSide);
  return {
    ...c,
    close: async () => {
      await c.close();
      await server.close();
    },
  };
}

/**
 * A test file's description `spec` (YAML or JSON text): `run(test)` writes it as
 * test/mcp/out/<name>/spec.yaml, generates it with `-a mcp` into <name>/out, and gives `test`
 * the generated server in this process (inProcess, with `options`) pointed at a local API
 * server answering `answer`; both are closed after. The folder is removed after the file's
 * tests, so call it at the file's top level.
 */
export function withSpec(name: string, spec: string) {
  const dir = join(OUT, name);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return async (
    test: (server: Connected, api: ApiServer) => Promise<void>,
    {
      answer,
      options,
    }: { answer?: ApiServer["answer"]; options?: object } = {},
  ): Promise<void> => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "spec.yaml"), spec);
    const out = generate(`${name}/out`, [join(dir, "spec.yaml")]);
    const api = await apiServer();
    if (answer) api.answer = answer;
    const server = await inProcess(out, { baseUrl: api.baseUrl, ...options });
    try {
      await test(server, api);
    } finally {
      await server.close();
      await api.close();
    }
  };
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** JSON Schema 2020-12 as ajv reads it: the meta-schema check, and a compiled validator. */
export const ajv: Ajv2020 = addFormats(
  new Ajv2020({ strict: false, allErrors: true, validateFormats: true }),
);

/**
 * Arguments for a tool's input schema that ajv accepts: json-schema-faker's samples (seeds 1 to
 * `tries`), the first valid one; undefined when none is.
 */
export function sampleFor(
  schema: object,
  tries = 8,
  optionals = false,
): unknown {
  const valid = ajv.compile(schema);
  for (let seed = 1; seed <= tries; seed++) {
    let value: unknown;
    try {
      value = generateSync(
        schema as never,
        {
          seed,
          maxDepth: 3,
          refDepthMax: 2,
          alwaysFakeOptionals: optionals && seed % 2 === 1,
          maxDefaultItems: 2,
          maxItems: 2,
        } as never,
      );
    } catch {
      continue;
    }
    if (valid(value)) return value;
  }
  return undefined;
}

/** Each request a local API server received, and what it answers next. */
export interface ApiServer {
  baseUrl: string;
  received: {
    method: string;
    url: string;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }[];
  /** The next answers: status, JSON body (undefined: none), its media type (JSON's). */
  answer: { status: number; body?: unknown; type?: string };
  close(): Promise<void>;
}

/** A real HTTP server on 127.0.0.1 standing in for the API. */
export async function apiServer(): Promise<ApiServer> {
  const api: ApiServer = {
    baseUrl: "",
    received: [],
    answer: { status: 200, body: { ok: true } },
    close: async () => {},
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      api.received.push({
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      });
      const { status, body, type } = api.answer;
      res.statusCode = status;
      if (body === undefined) return res.end();
      res.setHeader("Content-Type", type ?? "application/json");
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  api.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  api.close = () =>
    new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    });
  return api;
}

/**
 * Whether `url` (path and query, as received) is the request `args` make of `path` (a
 * `{name}` template): each path parameter in its segment, each scalar query parameter by name.
 */
export function requestProblems(
  template: string,
  args: Record<string, Record<string, unknown> | undefined>,
  url: string,
): string[] {
  const problems: string[] = [];
  const parsed = new URL(url, "http://x");
  const pattern = new RegExp(
    "^" +
      template
        .split(/(\{[^}]+\})/)
        .map((part) =>
          /^\{.+\}$/.test(part)
            ? "([^/]*)"
            : part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"),
        )
        .join("") +
      "$",
  );
  const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const match = pattern.exec(parsed.pathname);
  if (!match) problems.push(`${parsed.pathname} is not ${template}`);
  else
    names.forEach((name, i) => {
      const value = args["path"]?.[name];
      if (
        isScalar(value) &&
        decodeURIComponent(match[i + 1]!) !== String(value)
      )
        problems.push(`path {${name}}: ${match[i + 1]} for ${String(value)}`);
    });
  for (const [name, value] of Object.entries(args["query"] ?? {}))
    if (isScalar(value) && parsed.searchParams.get(name) !== String(value))
      problems.push(
        `query ${name}: ${parsed.searchParams.get(name)} for ${String(value)}`,
      );
    else if (value !== undefined && !parsed.searchParams.toString())
      problems.push(`query ${name} missing`);
  return problems;
}

function isScalar(value: unknown): value is string | number | boolean {
  return ["string", "number", "boolean"].includes(typeof value);
}
