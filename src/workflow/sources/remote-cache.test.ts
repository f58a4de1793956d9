import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sha256Bytes } from "../identity.js";
import { readCachedDocument, writeCachedDocument } from "./remote-cache.js";
import {
  checkRemote,
  headersFor,
  remoteSettings,
} from "../config/remote-settings.js";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true })));

const URL_A = "https://api.example.com/openapi.json";

function cacheWith(bytes: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-remote-cache-"));
  dirs.push(dir);
  writeCachedDocument(dir, {
    url: URL_A,
    hash: sha256Bytes(bytes),
    fetchedAt: "2026-11-25T20:00:00.000Z",
    etag: '"e1"',
    bytes,
  });
  return dir;
}

describe("the cache of fetched documents", () => {
  const bytes = Buffer.from('{"openapi":"3.1.0"}');

  it("gives back what was kept, for that URL only", () => {
    const dir = cacheWith(bytes);
    expect(readCachedDocument(dir, URL_A, 1000)).toEqual({
      url: URL_A,
      hash: sha256Bytes(bytes),
      fetchedAt: "2026-11-25T20:00:00.000Z",
      etag: '"e1"',
      bytes,
    });
    expect(readCachedDocument(dir, `${URL_A}?v=2`, 1000)).toBeUndefined();
    // over the size limit: not read
    expect(readCachedDocument(dir, URL_A, 5)).toBeUndefined();
  });

  it("trusts no body that fails its hash, and no link", () => {
    const dir = cacheWith(bytes);
    const body = readdirSync(join(dir, "remote")).find((f) =>
      f.endsWith(".body"),
    )!;
    writeFileSync(join(dir, "remote", body), '{"openapi":"3.0.0"}');
    expect(readCachedDocument(dir, URL_A, 1000)).toBeUndefined();
    rmSync(join(dir, "remote", body));
    const elsewhere = join(dir, "elsewhere");
    writeFileSync(elsewhere, bytes);
    symlinkSync(elsewhere, join(dir, "remote", body));
    expect(readCachedDocument(dir, URL_A, 1000)).toBeUndefined();
  });

  it.each([
    ["body", ".body"],
    ["record", ".json"],
  ])(
    "never writes through a link planted at its %s's temporary name",
    (_, ending) => {
      const dir = cacheWith(bytes);
      const file = readdirSync(join(dir, "remote")).find((f) =>
        f.endsWith(ending),
      )!;
      const victim = join(dir, "victim.txt");
      writeFileSync(victim, "mine\n");
      symlinkSync(victim, join(dir, "remote", `${file}.${process.pid}.tmp`));
      const newer = Buffer.from('{"openapi":"3.1.1"}');
      writeCachedDocument(dir, {
        url: URL_A,
        hash: sha256Bytes(newer),
        fetchedAt: "2026-11-25T21:00:00.000Z",
        bytes: newer,
      });
      expect(readFileSync(victim, "utf8")).toBe("mine\n");
      expect(readCachedDocument(dir, URL_A, 1000)?.bytes).toEqual(newer);
    },
  );

  it("writes nothing into a folder its remote/ folder links to", () => {
    const dir = mkdtempSync(join(tmpdir(), "apiloom-remote-cache-"));
    dirs.push(dir);
    const elsewhere = join(dir, "elsewhere");
    mkdirSync(elsewhere);
    symlinkSync(elsewhere, join(dir, "remote"));
    writeCachedDocument(dir, {
      url: URL_A,
      hash: sha256Bytes(bytes),
      fetchedAt: "2026-11-25T20:00:00.000Z",
      bytes,
    });
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});
