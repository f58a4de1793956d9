import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiloomAsync, documentRoute, PETS, TestServer } from "./url-server.js";

// The cache is a stranger's folder: a record whose validators no request can carry (an ETag
// with a line break, as a hand or a tool wrote it) is no copy, against a server on 127.0.0.1.

const server = new TestServer();
const dirs: string[] = [];
beforeAll(async () => {
  await server.start();
  server.routes.set("/pets.yaml", documentRoute({ body: PETS }));
});
afterAll(async () => {
  await server.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("a cached record's validators", () => {
  it("that cannot be sent make the record no copy: the server is asked, the copy not read unasked", async () => {
    const dir = mkdtempSync(join(tmpdir(), "apiloom-url-validators-"));
    dirs.push(dir);
    writeFileSync(join(dir, "package.json"), "{}\n");
    mkdirSync(join(dir, "node_modules"));
    const run = () =>
      apiloomAsync(["generate", server.url("/pets.yaml"), "--force"], dir);
    expect((await run()).code).toBe(0);
    const remote = join(dir, "node_modules/.cache/apiloom/remote");
    for (const [field, value] of [
      ["etag", '"e"\r\nX-Planted: 1'],
      ["lastModified", "Wed, 25 Nov 2026\u0001"],
    ]) {
      const name = readdirSync(remote).find((f) => f.endsWith(".json"))!;
      const record = JSON.parse(readFileSync(join(remote, name), "utf8"));
      writeFileSync(
        join(remote, name),
        JSON.stringify({ ...record, [field!]: value }),
      );
      const before = server.to("/pets.yaml").length;
      const second = await run();
      expect(second.code, second.stderr).toBe(0);
      // it was read from the cache, unasked: "cannot fetch: ERR_INVALID_CHAR; read the copy cached"
      expect(second.stderr).not.toMatch(/cannot fetch|copy cached/);
      const asked = server.to("/pets.yaml").slice(before);
      expect(asked).toHaveLength(1);
      expect(asked[0]!.headers["if-none-match"]).toBeUndefined();
    }
  });
});
