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
import {
  entriesOf,
  isInsideReal,
  isSamePlace,
  realPathOf,
  slashedRelative,
} from "./real-path.js";

const root = realpathSync(mkdtempSync(join(tmpdir(), "apiloom-real-")));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("realPathOf: where a path that may not exist yet really is", () => {
  mkdirSync(join(root, "out/server"), { recursive: true });
  symlinkSync(join(root, "out"), join(root, "link"));
  symlinkSync(join(root, "out/missing/h.ts"), join(root, "dangling"));
  symlinkSync(join(root, "loop-b"), join(root, "loop-a"));
  symlinkSync(join(root, "loop-a"), join(root, "loop-b"));

  it("keeps the missing rest after the real path of what exists", () => {
    expect(realPathOf(join(root, "link/new/a.ts"))).toBe(
      join(root, "out/new/a.ts"),
    );
    expect(realPathOf(join(root, "none/a.ts"))).toBe(join(root, "none/a.ts"));
  });

  it("follows a dangling link to where a file made through it would land", () => {
    expect(realPathOf(join(root, "dangling"))).toBe(
      join(root, "out/missing/h.ts"),
    );
    expect(isInsideReal(join(root, "dangling"), join(root, "out"))).toBe(true);
  });

  it("ends on a loop of links", () => {
    expect(realPathOf(join(root, "loop-a/x"))).toMatch(/loop-[ab]\/x$/);
  });

  it("compares as written and by real path", () => {
    expect(isSamePlace(join(root, "link"), join(root, "out"))).toBe(true);
    expect(isInsideReal(join(root, "link/server"), join(root, "out"))).toBe(
      true,
    );
    expect(isInsideReal(join(root, "out"), join(root, "link/server"))).toBe(
      false,
    );
    expect(isInsideReal(join(root, "..out"), root)).toBe(true);
    expect(isInsideReal(join(root, "../x"), root)).toBe(false);
  });
});

describe("entriesOf and slashedRelative: the folder helpers the workflow and the CLI share", () => {
  it("lists a folder's entries, and none of a missing folder or a file", () => {
    mkdirSync(join(root, "listed/sub"), { recursive: true });
    expect(entriesOf(join(root, "listed")).map((e) => e.name)).toEqual(["sub"]);
    expect(entriesOf(join(root, "listed/none"))).toEqual([]);
  });

  it("shows a path from a folder with / and .. as needed", () => {
    expect(slashedRelative(join(root, "a"), join(root, "a/b/c.ts"))).toBe(
      "b/c.ts",
    );
    expect(slashedRelative(join(root, "a/b"), join(root, "x.ts"))).toBe(
      "../../x.ts",
    );
    expect(slashedRelative(root, root)).toBe("");
  });
});
