import { createHash } from "node:crypto";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  apiloomAsync,
  documentRoute,
  REPO,
  startApiloom,
  TEST_CA,
  TestServer,
} from "./url-server.js";

// Issue 42 item 1: URL inputs against a server on 127.0.0.1 that the test starts.

const PETS = readFileSync(
  join(REPO, "test/fixtures/workflow/pets.yaml"),
  "utf8",
);
const POSTMAN = readFileSync(
  join(REPO, "test/fixtures/postman/collection.v20.json"),
  "utf8",
);
const STORE = join(REPO, "test/fixtures/workflow/store.json");

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A project folder of its own: package.json, node_modules (the cache's home), a local spec. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-urls-"));
  dirs.push(dir);
  writeFileSync(
    join(dir, "package.json"),
    '{ "name": "p", "private": true }\n',
  );
  mkdirSync(join(dir, "node_modules"));
  mkdirSync(join(dir, "specs"));
  copyFileSync(STORE, join(dir, "specs/store.json"));
  return dir;
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

function manifest(dir: string): {
  fingerprint: { inputs: string[]; reads: Record<string, string> };
} {
  return JSON.parse(
    readFileSync(join(dir, "generated/.apiloom-manifest.json"), "utf8"),
  );
}

/** Every regular file under `dir`, the cache and output included. */
function everyFile(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return everyFile(full);
    return e.isFile() ? [full] : [];
  });
}

describe("URL inputs, fetched, cached and checked", () => {
  const server = new TestServer();
  const pets = { body: PETS, type: "application/yaml" };
  let dir: string;
  let petsUrl: string;
  let postmanUrl: string;
  beforeAll(async () => {
    await server.start();
    server.routes.set("/specs/pets.yaml", documentRoute(pets));
    server.routes.set(
      "/collection.json",
      documentRoute({ body: POSTMAN, type: "application/json" }),
    );
    petsUrl = server.url("/specs/pets.yaml");
    postmanUrl = server.url("/collection.json");
    dir = project();
  });
  afterAll(() => server.stop());

  const run = (...extra: string[]) =>
    apiloomAsync(
      ["generate", petsUrl, postmanUrl, "specs/*.json", ...extra],
      dir,
    );

  it("fetches every format on the first run, mixed with a glob, and records the bytes' hash", async () => {
    const first = await run();
    expect(first.stderr).toMatch(/written/);
    expect(first.code, first.stderr).toBe(0);
    expect(server.to("/specs/pets.yaml")).toHaveLength(1);
    expect(server.to("/specs/pets.yaml")[0]!.headers["if-none-match"]).toBe(
      undefined,
    );
    const { fingerprint } = manifest(dir);
    expect(fingerprint.inputs).toEqual(
      expect.arrayContaining([petsUrl, postmanUrl, "../specs/store.json"]),
    );
    expect(fingerprint.reads[petsUrl]).toBe(sha256(PETS));
    expect(fingerprint.reads[postmanUrl]).toBe(sha256(POSTMAN));
    // the merged document names the URL as where its facts came from
    const openapi = readFileSync(join(dir, "generated/openapi.json"), "utf8");
    expect(openapi).toContain(petsUrl);
    expect(openapi).toContain(postmanUrl);
  });

  it("lets a URL input be preferred in the merge", async () => {
    server.routes.set(
      "/store.json",
      documentRoute({ body: readFileSync(STORE, "utf8") }),
    );
    const storeUrl = server.url("/store.json");
    const own = project();
    copyFileSync(
      join(REPO, "test/fixtures/workflow/pets.yaml"),
      join(own, "specs/pets.yaml"),
    );
    const named = async (...prefer: string[]) =>
      (
        await apiloomAsync(
          ["inspect", storeUrl, "specs/pets.yaml", "--json", ...prefer],
          own,
        )
      ).stdout.includes('"title": "Store"');
    expect(await named()).toBe(false);
    expect(await named("--prefer", storeUrl)).toBe(true);
  });

  it("takes overlays over a URL input: by the config's inputs, and by extends", async () => {
    const own = project();
    const overlay = (title: string, extendsUrl?: string) =>
      [
        "overlay: 1.0.0",
        `info: { title: ${title}, version: 1.0.0 }`,
        ...(extendsUrl ? [`extends: ${extendsUrl}`] : []),
        "actions:",
        "  - target: $.info",
        `    update: { title: ${title} }`,
        "",
      ].join("\n");
    writeFileSync(join(own, "by-inputs.yaml"), overlay("ByInputs"));
    writeFileSync(join(own, "by-extends.yaml"), overlay("ByExtends", petsUrl));
    const titleWith = async (overlays: unknown[]) => {
      writeFileSync(
        join(own, "apiloom.config.json"),
        JSON.stringify({ inputs: [petsUrl], overlays }),
      );
      const result = await apiloomAsync(["generate", "-a", "openapi"], own);
      expect(result.code, result.stderr).toBe(0);
      const merged = readFileSync(join(own, "generated/openapi.json"), "utf8");
      return (JSON.parse(merged) as { info: { title: string } }).info.title;
    };
    expect(
      await titleWith([{ file: "by-inputs.yaml", inputs: [petsUrl] }]),
    ).toBe("ByInputs");
    expect(await titleWith(["by-extends.yaml"])).toBe("ByExtends");
  });

  it("inspect reads a URL as generate does", async () => {
    const result = await apiloomAsync(
      ["inspect", petsUrl, "specs/store.json", "--json"],
      dir,
    );
    expect(result.code, result.stderr).toBe(0);
    const model = JSON.parse(result.stdout) as {
      endpoints: { sources: string[] }[];
    };
    expect(JSON.stringify(model.endpoints)).toContain(petsUrl);
  });

  it("asks with the cached copy's validator on the next runs: a 304, then nothing to do", async () => {
    const before = server.to("/specs/pets.yaml").length;
    // the second run finds nothing to do (the name lock the first one wrote is as it left it)
    const second = await run();
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/nothing changed since the last run/);
    const asked = server.to("/specs/pets.yaml").slice(before);
    expect(asked).toHaveLength(1);
    for (const request of asked) {
      expect(request.headers["if-none-match"]).toMatch(/^"[0-9a-f]{16}"$/);
      expect(request.headers["if-modified-since"]).toBe(
        "Wed, 25 Nov 2026 20:00:00 GMT",
      );
    }
  });

  it("fails --check when the document at the URL changed", async () => {
    pets.body = PETS.replace("title: Pets", "title: Pets, renamed");
    const check = await run("--check");
    expect(check.code, check.stderr).toBe(1);
    expect(check.stderr).toMatch(/is stale/);
    expect(check.stdout).toContain("Pets, renamed");
    // once written, the check passes again
    expect((await run()).code).toBe(0);
    expect((await run("--check")).code).toBe(0);
  });

  it("passes --check from the cache when the server is gone, and says so", async () => {
    const port = server.port;
    await server.stop();
    try {
      const check = await run("--check");
      expect(check.code, check.stderr).toBe(0);
      expect(check.stderr).toContain(
        `apiloom: ${petsUrl}: cannot fetch: ECONNREFUSED; read the copy cached from the fetch of`,
      );
      const offline = await run("--check", "--offline", "--force");
      expect(offline.code, offline.stderr).toBe(0);
      expect(offline.stderr).toContain(`${petsUrl}: --offline; read the copy`);
    } finally {
      await server.start(port);
    }
  });
});

describe("a URL that gives no document", () => {
  const server = new TestServer();
  let dir: string;
  beforeAll(async () => {
    await server.start();
    dir = project();
  });
  afterAll(() => server.stop());

  it("reports a redirect loop at the URL and writes nothing", async () => {
    server.routes.set("/a", (_, res) =>
      res.writeHead(302, { location: "/b" }).end(),
    );
    server.routes.set("/b", (_, res) =>
      res.writeHead(301, { location: server.url("/a") }).end(),
    );
    const result = await apiloomAsync(["generate", server.url("/a")], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${server.url("/a")}:1:1: error input/fetch-failed redirect loop: ${server.url("/a")} → ${server.url("/b")} → ${server.url("/a")}`,
    );
    expect(result.stderr).toMatch(/nothing written/);
    expect(server.to("/a")).toHaveLength(1);
    expect(server.to("/b")).toHaveLength(1);
  });

  it("stops after the configured number of redirects", async () => {
    for (let i = 0; i < 10; i++)
      server.routes.set(`/hop${i}`, (_, res) =>
        res.writeHead(307, { location: `/hop${i + 1}` }).end(),
      );
    const result = await apiloomAsync(["generate", server.url("/hop0")], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /error input\/fetch-failed more than 5 redirects .*the last went to .*\/hop6/,
    );
    expect(server.to("/hop5")).toHaveLength(1);
    expect(server.to("/hop6")).toHaveLength(0);
  });

  it("refuses an answer over the input size limit, with or without a Content-Length", async () => {
    const big = "x".repeat(80 * 1024);
    server.routes.set("/big-declared", (_, res) =>
      res.writeHead(200, { "content-length": big.length }).end(big),
    );
    server.routes.set("/big-chunked", (_, res) => {
      res.writeHead(200);
      for (let i = 0; i < 80; i++) res.write("y".repeat(1024));
      res.end();
    });
    for (const path of ["/big-declared", "/big-chunked"]) {
      const result = await apiloomAsync(
        ["generate", server.url(path), "--max-input-size", "0.0625"],
        dir,
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        new RegExp(
          `${server.url(path)}:1:1: error input/too-large the answer is .*more than the limit of 65536 bytes`,
        ),
      );
    }
  });

  it("gives up on a slow answer at the timeout, and no cached copy stands in", async () => {
    server.routes.set("/slow", (_, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("{");
      const tick = setInterval(() => res.write(" "), 200);
      res.on("close", () => clearInterval(tick));
    });
    const started = Date.now();
    const result = await apiloomAsync(
      ["generate", server.url("/slow"), "--fetch-timeout", "1"],
      dir,
    );
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${server.url("/slow")}:1:1: error input/fetch-failed no answer within 1 s`,
    );
    expect(result.stderr).toContain("the cache holds no copy of it");
  });

  it("refuses a timeout or interval longer than a timer holds, which Node would run at once", async () => {
    const dir = project();
    for (const flag of ["--fetch-timeout", "--watch-interval"]) {
      const result = await apiloomAsync(
        ["generate", server.url("/never-asked"), flag, "3000000"],
        dir,
      );
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        `${flag} must be a number of seconds above 0 and at most 2147483 (24.8 days), got "3000000"`,
      );
    }
    expect(server.to("/never-asked")).toHaveLength(0);
  });

  it("names the URL with the line and column of a problem in the fetched text", async () => {
    server.routes.set(
      "/broken.yaml",
      documentRoute({ body: "openapi: 3.0.3\ninfo:\n  title: [unclosed\n" }),
    );
    const result = await apiloomAsync(
      ["generate", server.url("/broken.yaml")],
      dir,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(`${server.url("/broken.yaml")}:\\d+:\\d+: error parse/`),
    );
  });
});

describe("a header from the environment", () => {
  const api = new TestServer();
  const elsewhere = new TestServer();
  const TOKEN = "s3cr3t-token-b7f1c2e9";
  beforeAll(async () => {
    await api.start();
    await elsewhere.start();
  });
  afterAll(async () => {
    await api.stop();
    await elsewhere.stop();
  });

  it("goes to the configured origin only, and into no file the run writes", async () => {
    const dir = project();
    api.routes.set("/pets.yaml", documentRoute({ body: PETS }));
    // the API's own origin sends the collection's request on to another origin
    api.routes.set("/collection.json", (_, res) =>
      res.writeHead(302, { location: elsewhere.url("/collection.json") }).end(),
    );
    elsewhere.routes.set("/collection.json", documentRoute({ body: POSTMAN }));
    writeFileSync(
      join(dir, "apiloom.config.json"),
      JSON.stringify({
        inputs: [api.url("/pets.yaml"), api.url("/collection.json")],
        remote: {
          headers: {
            [api.origin]: {
              Authorization: { env: "PETS_TOKEN", prefix: "Bearer " },
            },
          },
        },
      }),
    );
    const result = await apiloomAsync(["generate", "--verbose"], dir, {
      PETS_TOKEN: TOKEN,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(api.seen.map((s) => s.headers.authorization)).toEqual([
      `Bearer ${TOKEN}`,
      `Bearer ${TOKEN}`,
    ]);
    expect(elsewhere.seen).toHaveLength(1);
    expect(elsewhere.seen[0]!.headers.authorization).toBe(undefined);
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
    const files = everyFile(dir);
    expect(
      files.some((f) => f.includes("/node_modules/.cache/apiloom/remote/")),
    ).toBe(true);
    for (const file of files)
      expect(readFileSync(file).includes(TOKEN), file).toBe(false);

    // without the variable, the URL is reported and nothing is fetched
    const before = api.seen.length;
    const unset = await apiloomAsync(["generate", "--force"], dir, {
      PETS_TOKEN: "",
    });
    expect(unset.code).toBe(1);
    expect(unset.stderr).toContain(
      "reads the environment variable PETS_TOKEN, which is not set",
    );
    expect(api.seen.length).toBe(before);
    expect(statSync(join(dir, "generated")).isDirectory()).toBe(true);
  });
});

describe("--watch", () => {
  const server = new TestServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());

  it("asks each URL input on the interval set, and rebuilds when its document changed", async () => {
    const dir = project();
    const doc = { body: PETS };
    server.routes.set("/pets.yaml", documentRoute(doc));
    const url = server.url("/pets.yaml");
    const watch = startApiloom(
      ["generate", url, "--watch", "--watch-interval", "0.3"],
      dir,
    );
    const built = (n: number) => (output: string) =>
      output.split("apiloom: watching for changes").length - 1 >= n;
    try {
      await watch.until(built(1), "the first run");
      // unchanged: asked again and again (304), never rebuilt
      await watch.until(
        () =>
          server.to("/pets.yaml").filter((s) => s.headers["if-none-match"])
            .length >= 3,
        "three questions",
      );
      expect(watch.output()).not.toContain("apiloom: changed");
      doc.body = PETS.replace("title: Pets", "title: Watched pets");
      await watch.until(built(2), "a rebuild after the change");
      expect(watch.output()).toContain(`apiloom: changed ${url}`);
      expect(
        readFileSync(join(dir, "generated/openapi.json"), "utf8"),
      ).toContain("Watched pets");
    } finally {
      const end = await watch.stop();
      expect(end.code).toBe(0);
    }
    // the questions stop with the watch
    const asked = server.to("/pets.yaml").length;
    await new Promise((r) => setTimeout(r, 800));
    expect(server.to("/pets.yaml").length).toBe(asked);
  });
});

describe("remote $refs", () => {
  const server = new TestServer();
  beforeAll(async () => {
    await server.start();
    server.routes.set(
      "/api/openapi.yaml",
      documentRoute({
        body: [
          "openapi: 3.0.3",
          "info: { title: Refs, version: 1.0.0 }",
          "paths:",
          "  /pets:",
          "    get:",
          "      responses:",
          '        "200":',
          "          description: the pets",
          "          content:",
          "            application/json:",
          "              schema:",
          '                $ref: "schemas/pet.yaml#/Pet"',
          "",
        ].join("\n"),
      }),
    );
    server.routes.set(
      "/api/schemas/pet.yaml",
      documentRoute({
        body: "Pet:\n  type: object\n  properties:\n    name: { type: string }\n",
      }),
    );
    server.routes.set(
      "/api/bad.yaml",
      documentRoute({
        body: "openapi: 3.0.3\ninfo: { title: Bad, version: 1.0.0 }\npaths:\n  /a:\n    get:\n      parameters:\n        - $ref: 'https://127.0.0.1:1/never.yaml'\n        - $ref: 'file:///etc/passwd'\n      responses: { '204': { description: none } }\n",
      }),
    );
  });
  afterAll(() => server.stop());

  it("are refused at their place unless --allow-external-refs", async () => {
    const dir = project();
    const url = server.url("/api/openapi.yaml");
    const result = await apiloomAsync(["generate", url], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${url}:12:17: error ref/remote $ref "schemas/pet.yaml#/Pet" points at the network (${server.url("/api/schemas/pet.yaml")}); pass --allow-external-refs to fetch it`,
    );
    expect(server.to("/api/schemas/pet.yaml")).toHaveLength(0);
  });

  it("are fetched with --allow-external-refs, recorded, and asked again with their validator", async () => {
    const dir = project();
    const url = server.url("/api/openapi.yaml");
    const refUrl = server.url("/api/schemas/pet.yaml");
    const args = ["generate", url, "--allow-external-refs"];
    const first = await apiloomAsync(args, dir);
    expect(first.code, first.stderr).toBe(0);
    const reads = manifest(dir).fingerprint.reads;
    expect(Object.keys(reads)).toEqual(expect.arrayContaining([url, refUrl]));
    expect(readFileSync(join(dir, "generated/types.ts"), "utf8")).toMatch(
      /name\?: string/,
    );
    // the next runs ask both with their validators (the $ref'd one known from the manifest)
    const before = server.to("/api/schemas/pet.yaml").length;
    expect((await apiloomAsync(args, dir)).code).toBe(0);
    const third = await apiloomAsync(args, dir);
    expect(third.stderr).toMatch(/nothing changed since the last run/);
    const asked = server.to("/api/schemas/pet.yaml").slice(before);
    expect(asked).toHaveLength(2);
    for (const request of asked)
      expect(request.headers["if-none-match"]).toBeDefined();
  });

  it("to another scheme are never read, and one that cannot be fetched is an error at its place", async () => {
    const dir = project();
    const url = server.url("/api/bad.yaml");
    const result = await apiloomAsync(
      ["generate", url, "--allow-external-refs", "--fetch-timeout", "5"],
      dir,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `${url}:7:11: error input/fetch-failed \\$ref "https://127.0.0.1:1/never.yaml": cannot fetch`,
      ),
    );
    expect(result.stderr).toContain(
      `${url}:8:11: error ref/remote $ref "file:///etc/passwd" of a document fetched from a URL names neither an http nor an https URL: not read`,
    );
  });
});

describe("https", () => {
  const secure = new TestServer(true);
  const plain = new TestServer();
  beforeAll(async () => {
    await secure.start();
    await plain.start();
    secure.routes.set("/pets.yaml", documentRoute({ body: PETS }));
    secure.routes.set("/down", (_, res) =>
      res.writeHead(302, { location: plain.url("/pets.yaml") }).end(),
    );
    plain.routes.set("/pets.yaml", documentRoute({ body: PETS }));
  });
  afterAll(async () => {
    await secure.stop();
    await plain.stop();
  });

  it("fetches over TLS from a server whose certificate is trusted, and from no other", async () => {
    const dir = project();
    const url = secure.url("/pets.yaml");
    const trusted = await apiloomAsync(["generate", url], dir, {
      NODE_EXTRA_CA_CERTS: TEST_CA,
    });
    expect(trusted.code, trusted.stderr).toBe(0);
    const untrusted = await apiloomAsync(["generate", url], project());
    expect(untrusted.code).toBe(1);
    expect(untrusted.stderr).toMatch(
      new RegExp(`${url}:1:1: error input/fetch-failed cannot fetch: `),
    );
  });

  it("never follows a redirect from https to plain http", async () => {
    const result = await apiloomAsync(
      ["generate", secure.url("/down")],
      project(),
      { NODE_EXTRA_CA_CERTS: TEST_CA },
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `error input/fetch-failed redirected from https to plain http (${plain.url("/pets.yaml")}); refused`,
    );
    expect(plain.seen).toHaveLength(0);
  });
});
