import { createHash } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeCachedDocument } from "../../src/workflow/sources/remote-cache.js";
import {
  apiloomAsync,
  documentRoute,
  PETS,
  REPO,
  TestServer,
} from "./url-server.js";

// Issue 60 item 3: a URL input pinned to the sha256 its body must have (config: remote.sha256).
// A consistent copy planted in the cache (body, its hash in the record, the server's real ETag)
// is what a 304 makes the run read: unpinned, the run builds from it; pinned, the run fails at
// the pin's place in the config, as it does for a server whose document changed, and --offline.

/** The planted document: pets with a title no real run writes. */
const PLANTED = PETS.replace(/title: .*/, "title: Planted by a stranger");
const sha256 = (text: string) =>
  createHash("sha256").update(text).digest("hex");

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * A project whose config reads `url`, pinned to `pin` when one is given, or in the lock when
 * `pin` is "lock".
 */
function project(url: string, pin?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-pins-"));
  dirs.push(dir);
  writeFileSync(join(dir, "package.json"), '{ "name": "p" }\n');
  mkdirSync(join(dir, "node_modules"));
  const config = {
    inputs: [url],
    out: "generated",
    artifacts: ["types", "openapi"],
    ...(pin === "lock"
      ? { remote: { lock: true } }
      : pin
        ? { remote: { sha256: { [url]: pin } } }
        : {}),
  };
  writeFileSync(
    join(dir, "apiloom.config.json"),
    JSON.stringify(config, null, 2) + "\n",
  );
  return dir;
}

/** Plants `body` in the project's cache as the copy of `url`, with the server's real ETag. */
function plant(dir: string, url: string, body: string): void {
  writeCachedDocument(join(dir, "node_modules/.cache/apiloom"), {
    url,
    hash: sha256(body),
    fetchedAt: "2026-11-26T00:00:00.000Z",
    etag: `"${sha256(PETS).slice(0, 16)}"`,
    bytes: Buffer.from(body),
  });
}

const built = (dir: string) =>
  readFileSync(join(dir, "generated/openapi.json"), "utf8");

/** `<file>:<line>:` of the pin of `url` in the config (or the lock). */
function pinLine(
  dir: string,
  url: string,
  file = "apiloom.config.json",
): string {
  const lines = readFileSync(join(dir, file), "utf8").split("\n");
  const line = lines.findIndex((l) => l.includes(`"${url}": "`)) + 1;
  expect(line).toBeGreaterThan(0);
  return `${file}:${line}:`;
}

describe("a URL input pinned to its sha256", () => {
  const server = new TestServer();
  let url: string;
  beforeAll(async () => {
    await server.start();
    server.routes.set("/pets.yaml", documentRoute({ body: PETS }));
    url = server.url("/pets.yaml");
  });
  afterAll(() => server.stop());

  it("unpinned, a planted consistent copy and the server's 304 make the run build from the planted bytes", async () => {
    const dir = project(url);
    plant(dir, url, PLANTED);
    const run = await apiloomAsync(["generate"], dir);
    expect(run.code, run.stderr).toBe(0);
    expect(built(dir)).toContain("Planted by a stranger");
  });

  it("pinned, the same planted copy and 304 fail the run at the pin's place, nothing written", async () => {
    const dir = project(url, sha256(PETS));
    const first = await apiloomAsync(["generate"], dir);
    expect(first.code, first.stderr).toBe(0);
    const before = built(dir);
    plant(dir, url, PLANTED);
    const asked = server.to("/pets.yaml").length;
    const run = await apiloomAsync(["generate"], dir);
    // the server was asked with the planted copy's validator and answered 304
    expect(server.to("/pets.yaml").length).toBe(asked + 1);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(pinLine(dir, url));
    expect(run.stderr).toContain("input/fetch-failed");
    expect(run.stderr).toContain(
      `has sha256 ${sha256(PLANTED)}, not the ${sha256(PETS)} that remote.sha256 pins for it`,
    );
    expect(built(dir)).toBe(before);
    // --offline reads the same planted copy: refused alike
    const offline = await apiloomAsync(["generate", "--offline"], dir);
    expect(offline.code).toBe(1);
    expect(offline.stderr).toContain(pinLine(dir, url));
    expect(built(dir)).toBe(before);
  });

  it("pinned, a server whose document changed fails the run; the right pin passes it", async () => {
    const dir = project(url, sha256(PLANTED));
    const run = await apiloomAsync(["generate"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(pinLine(dir, url));
    expect(run.stderr).toContain(`has sha256 ${sha256(PETS)}`);
    const right = project(url, sha256(PETS).toUpperCase());
    const passed = await apiloomAsync(["generate"], right);
    expect(passed.code, passed.stderr).toBe(0);
  });

  it("a pin that is no sha256, or of no URL, is a config error at its place", async () => {
    const dir = project(url, "abc");
    const run = await apiloomAsync(["generate"], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(pinLine(dir, url));
    expect(run.stderr).toContain("must be a sha256 as 64 hex digits");
  });

  it("with remote.lock, the first run records the sha256 in the lock, and later bytes are held to it", async () => {
    const dir = project(url, "lock");
    const first = await apiloomAsync(["generate"], dir);
    expect(first.code, first.stderr).toBe(0);
    const lock = JSON.parse(
      readFileSync(join(dir, "apiloom.lock.json"), "utf8"),
    );
    expect(lock.remote).toEqual({ [url]: sha256(PETS) });
    const before = built(dir);
    plant(dir, url, PLANTED);
    const run = await apiloomAsync(["generate"], dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(pinLine(dir, url, "apiloom.lock.json"));
    expect(run.stderr).toContain(
      `has sha256 ${sha256(PLANTED)}, not the ${sha256(PETS)} that the lock (remote.lock) recorded for it`,
    );
    expect(built(dir)).toBe(before);
    // the entry and the cache removed: the next run records what the server sends
    delete lock.remote;
    writeFileSync(join(dir, "apiloom.lock.json"), JSON.stringify(lock));
    rmSync(join(dir, "node_modules/.cache"), { recursive: true });
    const again = await apiloomAsync(["generate"], dir);
    expect(again.code, again.stderr).toBe(0);
    expect(
      JSON.parse(readFileSync(join(dir, "apiloom.lock.json"), "utf8")).remote,
    ).toEqual({ [url]: sha256(PETS) });
  });
});
