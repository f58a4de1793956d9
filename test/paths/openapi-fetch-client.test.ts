import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import { emitted } from "../emitted.js";
import { describeOracles, ORACLES_DIR } from "../shared-corpus.js";
import { packageTypes } from "./package-types.js";
import { peer, typeCheck } from "../validators/oracles/harness.js";

/*
 * client/openapi-fetch.ts against openapi-fetch itself (issue 62): programs written for
 * openapi-fetch (test/paths/programs/: its README's calls, errors, parseAs, middleware, the
 * path-based client, bodies) compile under `strict` against openapi-fetch with openapi-typescript's
 * types and against apiloom's client with its paths.ts, then run over 127.0.0.1 against both:
 * what the server received and what the programs saw must be the same.
 */

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, "out", "openapi-fetch");
const FETCH_DIR = join(ORACLES_DIR, "openapi-fetch");

/** Each program and the openapi-fetch schema it is written against. */
const PROGRAMS = [
  { name: "common", schema: "common-common.yaml" },
  { name: "e2e", schema: "e2e-app-e2e.yaml" },
  { name: "middleware", schema: "e2e-app-e2e.yaml" },
];
const VARIANTS = {
  "openapi-fetch": { client: "openapi-fetch", types: "./peer.js" },
  apiloom: { client: "./api/client/openapi-fetch.js", types: "./api/paths.js" },
} as const;
type Variant = keyof typeof VARIANTS;

/** What the server answers, by path: a JSON body, a status, or an echo of the request. */
function answer(
  path: string,
  request: Recorded,
): { status: number; body?: string; type?: string } {
  const json = (value: unknown, status = 200) => ({
    status,
    body: JSON.stringify(value),
    type: "application/json",
  });
  if (path === "/resources") return json([{ id: 1 }, { id: 2 }]);
  const id = /^\/resources\/(\d+)$/.exec(path)?.[1];
  if (id === "404")
    return json({ code: 404, message: "no such resource" }, 404);
  if (id) return json({ id: Number(id) });
  if (path === "/error-500")
    return { status: 500, body: "internal", type: "text/plain" };
  if (path === "/error-default")
    return json({ code: 418, message: "teapot" }, 418);
  if (path === "/header-params")
    return json({ status: request.headers["x-required-header"] ?? "none" });
  if (path === "/query-params") return json({ status: request.url });
  if (path === "/media-text")
    return { status: 200, body: "<p>hello</p>", type: "text/html" };
  if (path === "/media-json") return json([{ id: 5 }]);
  if (path === "/empty-json") return { status: 200, body: "" };
  if (path === "/api/v1/get") return json({ message: "got" });
  if (path === "/api/v1/post")
    return request.body.includes("fail")
      ? json({ message: "refused" }, 500)
      : json({ message: `posted ${request.body}` });
  if (path === "/api/v1/multi-form")
    return json({ parts: request.body.split("name=").length - 1 });
  return { status: 404, body: "" };
}

interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** The headers a program sets or a body implies (the platform's own ones differ by client). */
const KEPT_HEADERS = /^(x-|content-type$|accept$|authorization$)/;

let server: Server;
let base: string;
const received: Recorded[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    void record(req).then((r) => {
      received.push(r);
      const reply = answer(new URL(r.url, "http://x").pathname, r);
      res.writeHead(reply.status, {
        ...(reply.type ? { "Content-Type": reply.type } : {}),
        // a HEAD is answered the GET's length, without its body
        ...(r.method === "HEAD"
          ? { "Content-Length": Buffer.byteLength(reply.body ?? "") }
          : {}),
      });
      res.end(reply.body ?? "");
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(OUT, { recursive: true, force: true });
});

async function record(req: IncomingMessage): Promise<Recorded> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (KEPT_HEADERS.test(k) && typeof v === "string") headers[k] = v;
  // a multipart boundary is random: the same request has another one each time
  const boundary = /boundary=(.+)$/.exec(headers["content-type"] ?? "")?.[1];
  let body = Buffer.concat(chunks).toString("utf8");
  if (boundary) {
    body = body.split(boundary).join("BOUNDARY");
    headers["content-type"] = headers["content-type"]!.replace(
      boundary,
      "BOUNDARY",
    );
  }
  return { method: req.method ?? "", url: req.url ?? "", headers, body };
}

/** The files of one program: apiloom's output, openapi-typescript's, both variants of it. */
async function write(
  name: string,
  schema: string,
): Promise<Map<string, string>> {
  const dir = join(OUT, name);
  mkdirSync(join(dir, "api"), { recursive: true });
  const files = new Map<string, string>();
  const put = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
    files.set(`/${name}/${path}`, text);
  };
  const model = loadModel([schema], { cwd: FETCH_DIR });
  for (const f of await emitted("paths", model, {}))
    put(`api/${f.path}`, f.contents);
  put(
    "peer.ts",
    peer.astToString(
      await peer.default(pathToFileURL(join(FETCH_DIR, schema)), {
        silent: true,
      }),
    ),
  );
  const program = readFileSync(
    join(HERE, "programs", `${name}.ts.txt`),
    "utf8",
  );
  for (const [variant, { client, types }] of Object.entries(VARIANTS))
    put(
      `with-${variant}.ts`,
      program
        .replace('"CLIENT"', JSON.stringify(client))
        .replace('"TYPES"', JSON.stringify(types)),
    );
  return files;
}

async function runProgram(name: string, variant: Variant) {
  const seen: [string, unknown][] = [];
  const from = received.length;
  const module = (await import(
    pathToFileURL(join(OUT, name, `with-${variant}.ts`)).href
  )) as {
    run: (
      base: string,
      log: (step: string, value: unknown) => void,
    ) => Promise<void>;
  };
  await module.run(base, (step, value) => seen.push([step, value]));
  return { seen, requests: received.slice(from) };
}

describeOracles("client/openapi-fetch.ts does what openapi-fetch does", () => {
  let files = new Map<string, string>();

  beforeAll(async () => {
    rmSync(OUT, { recursive: true, force: true });
    for (const { name, schema } of PROGRAMS)
      files = new Map([...files, ...(await write(name, schema))]);
  }, 60_000);

  it("the programs compile against both clients under strict", () => {
    const problems = typeCheck(
      new Map([
        ...files,
        ...packageTypes(),
        // the client iterates Headers (its environment.ts asks for "dom.iterable")
        [
          "/environment.ts",
          `/// <reference lib="dom.iterable" />\nexport {};\n`,
        ],
      ]),
    );
    expect(
      problems.map((p) => `${p.file}:${p.line}: TS${p.code} ${p.message}`),
    ).toEqual([]);
  }, 120_000);

  it.each(PROGRAMS)(
    "$name: the same requests and the same results",
    async ({ name }) => {
      const theirs = await runProgram(name, "openapi-fetch");
      const ours = await runProgram(name, "apiloom");
      expect(theirs.seen.length).toBeGreaterThan(3);
      expect(ours.requests).toEqual(theirs.requests);
      expect(ours.seen).toEqual(theirs.seen);
    },
    60_000,
  );
});
