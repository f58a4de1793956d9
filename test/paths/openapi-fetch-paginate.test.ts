import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import { emitted } from "../emitted.js";
import { typeCheck } from "../validators/oracles/harness.js";

/*
 * client/openapi-fetch.ts's `paginate` (issue 62): the client's page walk (client/paginate.ts)
 * beside openapi-fetch's API, typed by the GET it walks, over 127.0.0.1.
 */

const REPO = resolve(import.meta.dirname, "../..");
const OUT = join(import.meta.dirname, "out", "paginate");

const PROGRAM = `import createClient, { ApiError, paginate, PaginationError, type Pages } from "./api/client/openapi-fetch.js";
import type { paths } from "./api/paths.js";

export async function walk(
  base: string,
  path: "/pets" | "/owners",
  query: Record<string, string | number>,
  pages: Pages<string>,
): Promise<unknown[]> {
  const client = createClient<paths>({ baseUrl: base });
  const seen: unknown[] = [];
  const init = { params: { query } } as never;
  try {
    for await (const item of paginate(client, path, init, pages)) seen.push(item);
  } catch (error) {
    if (error instanceof PaginationError) seen.push(\`PaginationError \${error.reason}\`);
    else if (error instanceof ApiError) seen.push(\`ApiError \${error.status}\`);
    else throw error;
  }
  return seen;
}

/** Typed by the GET it walks: its query, and the items of its body's \`items\` member. */
export async function petNames(base: string): Promise<string[]> {
  const client = createClient<paths>({ baseUrl: base });
  const names: string[] = [];
  const pets = paginate(
    client,
    "/pets",
    { params: { query: { limit: 2 } } },
    { kind: "cursor", parameter: "cursor", field: "next_cursor", items: "pets" },
  );
  for await (const pet of pets) {
    const id: number = pet.id;
    // @ts-expect-error: a Pet has no such member
    void pet.owner;
    names.push(\`\${id} \${pet.name}\`);
  }
  // @ts-expect-error: /pets takes no such query parameter
  paginate(client, "/pets", { params: { query: { nope: 1 } } }, { kind: "link" });
  // @ts-expect-error: a path the API lacks
  paginate(client, "/pets/{petId}/nope", {}, { kind: "link" });
  return names;
}
`;

let server: Server;
let base: string;
/** Each request's path and query, in order. */
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? "", "http://x");
    requests.push(url.pathname + url.search);
    const json = (value: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(200, { "Content-Type": "application/json", ...headers });
      res.end(JSON.stringify(value));
    };
    const q = url.searchParams;
    if (url.pathname === "/pets" && q.get("tag") === null) {
      const cursor = q.get("cursor");
      if (cursor === null)
        json({
          pets: [
            { id: 1, name: "a" },
            { id: 2, name: "b" },
          ],
          next_cursor: "c2",
        });
      else json({ pets: [{ id: 3, name: "c" }], next_cursor: null });
      return;
    }
    if (url.pathname === "/pets") {
      // link: a next page on this origin, then one on localhost (another origin)
      const page = Number(q.get("cursor") ?? "1");
      const port = (server.address() as AddressInfo).port;
      const next =
        page === 1
          ? `/pets?tag=${q.get("tag")}&cursor=2`
          : page === 2
            ? `http://localhost:${port}/pets?tag=x&cursor=3`
            : undefined;
      json(
        [{ id: page, name: `p${page}` }],
        next ? { Link: `<${next}>; rel="next"` } : {},
      );
      return;
    }
    if (url.pathname === "/owners") {
      const page = Number(q.get("page") ?? "1");
      if (page === 3) {
        res.writeHead(500);
        res.end("down");
      } else json({ owners: [`o${page}`] });
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  rmSync(OUT, { recursive: true, force: true });
  const model = loadModel(["test/query/fixtures/pets.yaml"], { cwd: REPO });
  for (const f of await emitted("paths", model)) {
    mkdirSync(dirname(join(OUT, "api", f.path)), { recursive: true });
    writeFileSync(join(OUT, "api", f.path), f.contents);
  }
  writeFileSync(join(OUT, "program.ts"), PROGRAM);
}, 60_000);

afterAll(async () => {
  await new Promise((done) => server.close(done));
  rmSync(OUT, { recursive: true, force: true });
});

type Program = {
  walk: (
    base: string,
    path: string,
    query: Record<string, string | number>,
    pages: object,
  ) => Promise<unknown[]>;
  petNames: (base: string) => Promise<string[]>;
};
const program = async () =>
  (await import(pathToFileURL(join(OUT, "program.ts")).href)) as Program;

it("compiles under strict, typed by the GET it walks", async () => {
  const files = await emitted(
    "paths",
    loadModel(["test/query/fixtures/pets.yaml"], { cwd: REPO }),
  );
  const all = new Map(files.map((f) => [`/api/${f.path}`, f.contents]));
  all.set("/program.ts", PROGRAM);
  expect(typeCheck(all)).toEqual([]);
}, 60_000);

it("walks a cursor in the body, yielding the items of each page", async () => {
  const from = requests.length;
  expect(await (await program()).petNames(base)).toEqual(["1 a", "2 b", "3 c"]);
  expect(requests.slice(from)).toEqual([
    "/pets?limit=2",
    "/pets?limit=2&cursor=c2",
  ]);
});

it("follows Link headers on the first page's origin, and refuses another unless trusted", async () => {
  const { walk } = await program();
  const from = requests.length;
  expect(await walk(base, "/pets", { tag: "x" }, { kind: "link" })).toEqual([
    { id: 1, name: "p1" },
    { id: 2, name: "p2" },
    "PaginationError origin",
  ]);
  expect(requests.slice(from)).toEqual(["/pets?tag=x", "/pets?tag=x&cursor=2"]);
  const localhost = base.replace("127.0.0.1", "localhost");
  expect(
    await walk(
      base,
      "/pets",
      { tag: "x" },
      { kind: "link", trustedOrigins: [localhost] },
    ),
  ).toEqual([
    { id: 1, name: "p1" },
    { id: 2, name: "p2" },
    { id: 3, name: "p3" },
  ]);
});

it("numbers pages, and a failed page throws its ApiError; maxPages ends a walk", async () => {
  const { walk } = await program();
  const pages = { kind: "page", page: "page", items: "owners" };
  expect(await walk(base, "/owners", {}, pages)).toEqual([
    "o1",
    "o2",
    "ApiError 500",
  ]);
  expect(await walk(base, "/owners", {}, { ...pages, maxPages: 1 })).toEqual([
    "o1",
    "PaginationError limit",
  ]);
});
