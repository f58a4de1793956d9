import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readCacheRecord, writeCacheRecord } from "./cache-dir.js";

// The cache (node_modules/.cache/apiloom) is read back as a stranger's folder: the verified
// record and the warning record both go through readCacheRecord.
const dir = mkdtempSync(join(tmpdir(), "apiloom-cache-record-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a cache record", () => {
  it("reads back what was written", () => {
    const path = join(dir, "verified/a.json");
    writeCacheRecord(path, { identity: "x", manifest: "y" });
    expect(readCacheRecord(path, 4096)).toEqual({
      identity: "x",
      manifest: "y",
    });
  });

  it("is no record when it is a link, too large, not JSON or missing", () => {
    const secret = join(dir, "secret.json");
    writeFileSync(secret, '{ "identity": "x" }');
    symlinkSync(secret, join(dir, "link.json"));
    expect(readCacheRecord(join(dir, "link.json"), 4096)).toBeUndefined();
    writeFileSync(join(dir, "big.json"), `"${"a".repeat(5000)}"`);
    expect(readCacheRecord(join(dir, "big.json"), 4096)).toBeUndefined();
    writeFileSync(join(dir, "bad.json"), "{");
    expect(readCacheRecord(join(dir, "bad.json"), 4096)).toBeUndefined();
    expect(readCacheRecord(join(dir, "none.json"), 4096)).toBeUndefined();
  });
});
