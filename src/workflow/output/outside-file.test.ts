import {
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkLockPlace, OutsideFileError } from "./outside-file.js";

const root = realpathSync(mkdtempSync(join(tmpdir(), "apiloom-own-")));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("checkLockPlace: the lock never lands on a path apiloom generates", () => {
  const out = join(root, "gen");
  mkdirSync(out);
  symlinkSync(out, join(root, "link"));
  const files = [{ path: "client/index.ts" }, { path: "openapi.json" }];
  const refused = (lock: string) => () => checkLockPlace({ out, lock }, files);

  it("refuses a generated file, a generated folder, the bookkeeping and the folder itself", () => {
    for (const lock of [
      join(out, "openapi.json"),
      join(out, "client"),
      join(out, ".apiloom-manifest.json"),
      join(out, ".apiloom-staging/x"),
      out,
      join(root, "link/client/index.ts"),
      join(root, "link"),
    ])
      expect(refused(lock), lock).toThrow(OutsideFileError);
  });

  it("accepts a lock beside the output or elsewhere in it", () => {
    for (const lock of [
      join(root, "apiloom.lock.json"),
      join(out, "names.lock.json"),
      join(out, "client/names:lock.json"),
      join(root, "link/names.lock.json"),
    ])
      expect(refused(lock), lock).not.toThrow();
    expect(() => checkLockPlace({ out }, files)).not.toThrow();
  });
});
