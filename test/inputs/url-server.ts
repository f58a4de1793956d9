import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURES = join(REPO, "test/fixtures/urls");
/** The certificate the https test server presents, for NODE_EXTRA_CA_CERTS. */
export const TEST_CA = join(FIXTURES, "localhost-cert.pem");
/** The document the URL tests serve most: test/fixtures/workflow/pets.yaml. */
export const PETS = readFileSync(
  join(REPO, "test/fixtures/workflow/pets.yaml"),
  "utf8",
);

/** One request a test server saw. */
export interface Seen {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
}

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** A server on 127.0.0.1 (a free port) whose routes the test sets, recording every request. */
export class TestServer {
  readonly seen: Seen[] = [];
  readonly routes = new Map<string, Route>();
  private server: Server | undefined;
  port = 0;

  get origin(): string {
    return `${this.tls ? "https" : "http"}://127.0.0.1:${this.port}`;
  }

  url(path: string): string {
    return `${this.origin}${path}`;
  }

  /** With `tls`, an https server (test/fixtures/urls/: a certificate for 127.0.0.1). */
  constructor(private readonly tls = false) {}

  async start(port = 0): Promise<void> {
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      const path = req.url ?? "/";
      this.seen.push({ method: req.method ?? "", path, headers: req.headers });
      const route = this.routes.get(path);
      if (!route) {
        res.writeHead(404).end("not here");
        return;
      }
      route(req, res);
    };
    const server = this.tls
      ? createHttpsServer(
          {
            key: readFileSync(join(FIXTURES, "localhost-key.pem")),
            cert: readFileSync(join(FIXTURES, "localhost-cert.pem")),
          },
          handler,
        )
      : createServer(handler);
    this.server = server;
    await new Promise<void>((resolve) =>
      server.listen(port, "127.0.0.1", () => resolve()),
    );
    this.port = (server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Requests to `path` since the list was last cleared. */
  to(path: string): Seen[] {
    return this.seen.filter((s) => s.path === path);
  }
}

/**
 * A document served with an ETag and Last-Modified, answering 304 to a request whose
 * If-None-Match names the current one. `body` may be changed between runs.
 */
export function documentRoute(doc: { body: string; type?: string }): Route {
  return (req, res) => {
    const etag = `"${createHash("sha256").update(doc.body).digest("hex").slice(0, 16)}"`;
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    res
      .writeHead(200, {
        "content-type": doc.type ?? "application/json",
        etag,
        "last-modified": "Wed, 25 Nov 2026 20:00:00 GMT",
      })
      .end(doc.body);
  };
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The real command line (bin/apiloom.js, dist/ built by the global setup), run without blocking:
 * the test's own server must answer it meanwhile.
 */
export function apiloomAsync(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [join(REPO, "bin/apiloom.js"), ...args],
      { cwd, env: { ...process.env, NO_COLOR: "1", ...env } },
    );
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (t) => (stdout += t));
    child.stderr.setEncoding("utf8").on("data", (t) => (stderr += t));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A long-running command line (`--watch`): its output so far, a stop by SIGINT, its end. */
export function startApiloom(
  args: readonly string[],
  cwd: string,
): {
  output(): string;
  stop(): Promise<CliRun>;
  until(test: (output: string) => boolean, what: string): Promise<void>;
} {
  const child = spawn(
    process.execPath,
    [join(REPO, "bin/apiloom.js"), ...args],
    { cwd, env: { ...process.env, NO_COLOR: "1" } },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (t) => (stdout += t));
  child.stderr.setEncoding("utf8").on("data", (t) => (stderr += t));
  const done = new Promise<CliRun>((resolve) =>
    child.on("close", (code) => resolve({ code, stdout, stderr })),
  );
  return {
    output: () => stderr,
    stop: () => {
      child.kill("SIGINT");
      return done;
    },
    async until(test, what) {
      const deadline = Date.now() + 30_000;
      while (!test(stderr)) {
        if (Date.now() > deadline || child.exitCode !== null)
          throw new Error(`waited in vain for ${what}; stderr:\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}
