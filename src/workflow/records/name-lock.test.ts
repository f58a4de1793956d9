import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LockFileError, nameLockText, readLock } from "./name-lock.js";

// The lock's `remote` (config remote.lock): the sha256 of each URL a run read, written sorted
// beside the names and read back only as 64 hex digits.
const dir = mkdtempSync(join(tmpdir(), "apiloom-name-lock-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const HASH = "0f".repeat(32);

describe("the lock's remote hashes", () => {
  it("are written sorted beside the names, and read back", () => {
    const text = nameLockText(
      [],
      [],
      new Map([
        ["https://b.example/x.yaml", HASH],
        ["https://a.example/x.yaml", HASH],
      ]),
    );
    expect(Object.keys(JSON.parse(text).remote)).toEqual([
      "https://a.example/x.yaml",
      "https://b.example/x.yaml",
    ]);
    const file = join(dir, "apiloom.lock.json");
    writeFileSync(file, text);
    expect(readLock(file)?.names).toEqual({});
    expect(readLock(file)?.remote?.["https://b.example/x.yaml"]).toBe(HASH);
    // none recorded: no remote member at all
    expect(JSON.parse(nameLockText([], [], new Map()))).toEqual({
      lockfileVersion: 1,
      names: {},
    });
  });

  it("refuse a lock whose remote holds anything but sha256s", () => {
    const file = join(dir, "bad.lock.json");
    for (const remote of [{ "https://a.example/x": "abc" }, ["x"], "x"]) {
      writeFileSync(
        file,
        JSON.stringify({ lockfileVersion: 1, names: {}, remote }),
      );
      expect(() => readLock(file)).toThrow(LockFileError);
    }
    expect(readLock(join(dir, "none.json"))).toBeUndefined();
  });
});
