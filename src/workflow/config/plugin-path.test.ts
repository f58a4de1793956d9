import { describe, expect, it } from "vitest";
import { definePlugin } from "../../emit/artifact.js";
import { validateConfig } from "./validate.js";

// A plugin's `path` is where its files go; the writer refuses any file outside it, so the path
// itself must be a safe place inside the output folder (one rule: output-files' unsafePathReason).
const plugin = (path: string) =>
  definePlugin({
    name: "notes",
    version: "1.0.0",
    description: "notes",
    path,
    emit: () => [],
  });

describe("a plugin's path, checked in the config", () => {
  it.each([
    ["../notes", /"\.\." part|\.\./],
    ["/notes", /absolute|relative/],
    ["a\\b", /backslash|\\\\/],
    ["C:/notes", /absolute/],
    ["notes/", /empty/],
    [".apiloom-staging", /reserved/],
  ])("refuses %j", (path, reason) => {
    expect(() =>
      validateConfig({ plugins: [plugin(path)] }, "apiloom.config.ts"),
    ).toThrow(reason);
  });

  it("refuses a path overlapping one of apiloom's artifacts", () => {
    expect(() =>
      validateConfig(
        { plugins: [plugin("client/notes")] },
        "apiloom.config.ts",
      ),
    ).toThrow(/overlaps the client artifact's "client"/);
  });

  it("takes a folder or a file of its own", () => {
    for (const path of ["notes", "extra/notes.md"])
      expect(() =>
        validateConfig({ plugins: [plugin(path)] }, "apiloom.config.ts"),
      ).not.toThrow();
  });
});
