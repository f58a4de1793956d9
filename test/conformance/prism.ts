/*
 * Stoplight Prism (a validator nobody here wrote) on 127.0.0.1, served from this process through
 * the library the `prism` CLI runs (prism-http's operations, prism-http-server's server), set up
 * the way the CLI sets it up; `startPrismProcess` is the CLI itself, as a child process.
 *
 * A `prism` process costs ~3 s of CPU loading its modules before it reads the spec; the
 * conformance suites start ~40 of them. In-process, the modules load once per test file.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { subscribe } from "node:diagnostics_channel";
import { readFileSync, realpathSync } from "node:fs";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import { PassThrough } from "node:stream";
import { fileURLToPath } from "node:url";

const PRISM = realpathSync(
  fileURLToPath(new URL("../../node_modules/.bin/prism", import.meta.url)),
);

export interface RunningPrism {
  url: string;
  /** Everything Prism logged, for failure messages. */
  log: () => string;
  /** False once Prism has died (it dies on some requests). */
  alive: () => boolean;
  close: () => Promise<void>;
}

/**
 * `args`: `["mock", spec]` or `["proxy", spec, upstream]`, as the CLI takes them; Prism runs
 * with `--errors` and the CLI's defaults for every other option, on a port the system picks.
 */
export function startPrism(args: readonly string[]): Promise<RunningPrism> {
  return startInProcess(args);
}

// the CLI's own dependencies, resolved as the CLI resolves them
const cliRequire = createRequire(PRISM);
interface PrismInstance {
  request: (...args: unknown[]) => () => Promise<unknown>;
}
interface PrismServer {
  prism: PrismInstance;
  listen: (port: number, host: string) => Promise<string>;
  close: () => Promise<void>;
}
let library:
  | {
      getHttpOperationsFromSpec: (document: string) => Promise<unknown[]>;
      createServer: (operations: unknown[], options: object) => PrismServer;
      createLogger: (name: string, options: object, stream: object) => object;
    }
  | undefined;

/** The node:http server listening on each port Prism serves, seen as requests arrive. */
const servers = new Map<number, Server>();
subscribe("http.server.request.start", (message) => {
  const server = (message as { server: Server }).server;
  const address = server.address();
  if (address !== null && typeof address === "object")
    servers.set(address.port, server);
});

/**
 * The operations Prism reads from each document, read once: the mock and the proxy of a spec, and
 * a Prism started again after a crash, share them (and so Prism's cache of compiled validators,
 * which is keyed by schema object). They are frozen, so Prism cannot change what another
 * Prism of the same document reads (a write would throw, as Prism's code is strict).
 */
const operationsCache = new Map<string, Promise<unknown[]>>();

function deepFreeze(value: unknown, seen = new Set<object>()): void {
  if (typeof value !== "object" || value === null || seen.has(value)) return;
  seen.add(value);
  for (const key of Reflect.ownKeys(value))
    deepFreeze((value as Record<PropertyKey, unknown>)[key], seen);
  Object.freeze(value);
}

function operationsOf(document: string, text: string): Promise<unknown[]> {
  const key = `${document}\0${text}`;
  let operations = operationsCache.get(key);
  if (!operations) {
    operations = library!.getHttpOperationsFromSpec(document).then((ops) => {
      deepFreeze(ops);
      return ops;
    });
    operationsCache.set(key, operations);
  }
  return operations;
}

async function startInProcess(args: readonly string[]): Promise<RunningPrism> {
  const [command, document, upstream] = args;
  if (
    !document ||
    !(command === "mock" ? args.length === 2 : command === "proxy" && upstream)
  )
    throw new Error(`unsupported Prism arguments: ${args.join(" ")}`);
  const text = readFileSync(document, "utf8");
  // the CLI configures json-schema-faker (global state) from this extension, and Prism's Ajv
  // instances are global: a schema `$id` would be registered once for every Prism of the process
  for (const shared of ["x-json-schema-faker", "$id"])
    if (text.includes(shared))
      throw new Error(`${document}: ${shared} needs the Prism CLI`);
  library ??= {
    getHttpOperationsFromSpec: cliRequire("@stoplight/prism-http")
      .getHttpOperationsFromSpec,
    createServer: cliRequire("@stoplight/prism-http-server").createServer,
    createLogger: cliRequire("@stoplight/prism-core").createLogger,
  };
  let output = "";
  const stream = new PassThrough();
  stream.on("data", (chunk: Buffer) => (output += chunk.toString()));
  // what `prism mock|proxy <document> [upstream] --errors` hands createServer
  // (@stoplight/prism-cli/dist/util/createServer.js, createPrismServerWithLogger)
  const operations = await operationsOf(document, text);
  if (operations.length === 0)
    throw new Error("No operations found in the current file.");
  const shared = {
    validateRequest: true,
    validateResponse: true,
    checkSecurity: true,
    errors: true,
    upstreamProxy: undefined,
    mock: { dynamic: false, ignoreExamples: false, seed: null },
  };
  const config =
    command === "proxy"
      ? { ...shared, isProxy: true, upstream: new URL(upstream!) }
      : { ...shared, isProxy: false };
  const logger = library.createLogger("CLI", { level: "warn" }, stream);
  const server = library.createServer(operations, {
    cors: true,
    config,
    components: {
      logger: (logger as { child: (o: object) => object }).child({
        name: "HTTP SERVER",
      }),
    },
  });
  const url = await server.listen(0, "127.0.0.1");
  const port = Number(new URL(url).port);
  let dead = false;
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closed ??= server.close().finally(() => servers.delete(port)));
  /*
   * What kills the CLI's process: an exception in Prism's handling of a request (the server
   * does not await it, so it becomes an unhandled rejection). Here it ends this Prism the same
   * way: every connection cut, the port closed, the request never answered.
   */
  const die = (error: unknown): Promise<never> => {
    if (!dead) {
      dead = true;
      output += `\nPrism died: ${String((error as Error)?.stack ?? error)}\n`;
      servers.get(port)?.closeAllConnections();
      void close();
    }
    return new Promise<never>(() => {});
  };
  const request = server.prism.request;
  server.prism.request = (...requestArgs) => {
    try {
      const task = request(...requestArgs);
      return () => task().catch(die);
    } catch (error) {
      return () => die(error);
    }
  };
  return { url, log: () => output, alive: () => !dead, close };
}

/** The `prism` CLI as a child process; resolves once Prism says where it listens. */
export function startPrismProcess(
  args: readonly string[],
  timeoutMs = 120_000,
): Promise<RunningPrism> {
  const child: ChildProcess = spawn(
    process.execPath,
    [PRISM, ...args, "-h", "127.0.0.1", "-p", "0", "--errors"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => resolve()),
  );
  const close = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void close();
      reject(new Error(`Prism did not start:\n${output}`));
    }, timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Prism is listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(
        output,
      );
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          log: () => output,
          alive: () => child.exitCode === null && child.signalCode === null,
          close,
        });
      }
    };
    child.stdout!.on("data", read);
    child.stderr!.on("data", read);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Prism exited (${code}):\n${output}`));
    });
  });
}

/** Prism's objection to a request or a response, if its answer is one of its own errors. */
export interface Verdict {
  ok: boolean;
  status: number;
  /** `location: message` of each violation Prism lists. */
  violations: string[];
  detail?: string;
}

export async function verdictOf(
  response: Response,
  body: unknown,
): Promise<Verdict> {
  const type = response.headers.get("content-type") ?? "";
  const error = body as
    | {
        type?: string;
        title?: string;
        detail?: string;
        validation?: { location?: string[]; message?: string }[];
      }
    | undefined;
  if (
    type.startsWith("application/problem+json") &&
    typeof error?.type === "string" &&
    error.type.includes("stoplight.io/prism/errors")
  ) {
    const out: Verdict = {
      ok: false,
      status: response.status,
      violations: (error.validation ?? []).map(
        (v) => `${(v.location ?? []).join(".")}: ${v.message ?? ""}`,
      ),
    };
    const detail = [error.title, error.detail].filter(Boolean).join(": ");
    if (detail) out.detail = detail;
    return out;
  }
  // a request Prism finds invalid where the operation declares a 400 or 422 is answered with that
  // response, the violations only in this header (prism-http-server's addViolationHeader)
  const header = response.headers.get("sl-violations");
  if (header === null)
    return { ok: true, status: response.status, violations: [] };
  if (!header.startsWith("["))
    return { ok: false, status: response.status, violations: [header] };
  const errors = (
    JSON.parse(header) as {
      location?: string[];
      message?: string;
      severity?: string;
    }[]
  ).filter((v) => v.severity === "Error");
  return {
    ok: errors.length === 0,
    status: response.status,
    violations: errors.map(
      (v) => `${(v.location ?? []).join(".")}: ${v.message ?? ""}`,
    ),
  };
}
