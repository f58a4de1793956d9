import { describe, expect, it } from "vitest";
import { definePlugin } from "../../emit/artifact.js";
import { settingsRecord } from "../records/fingerprint.js";
import type { GenerateSettings } from "./settings.js";

// The fingerprint knows a user's plugin by its version and by its code: editing emit() (or an
// option's check) without a new version must make --check see the output as stale.
const notes = (heading: string, version = "1.0.0") =>
  definePlugin({
    name: "notes",
    version,
    description: "notes",
    path: "notes",
    options: {
      level: {
        type: "number",
        default: 1,
        help: "heading level",
        problem: (v: number) => (v > 0 ? undefined : "must be positive"),
      },
    },
    emit: () => [{ path: "notes/a.md", contents: heading }],
  });

const record = (plugin: ReturnType<typeof notes>) =>
  JSON.stringify(
    settingsRecord(
      {
        out: "/p/out",
        emit: { plugins: [plugin] },
      } as unknown as GenerateSettings,
      "apiloom",
    ),
  );

describe("a user plugin's identity in the fingerprint", () => {
  it("is the same for the same code and version", () => {
    expect(record(notes("x"))).toBe(record(notes("x")));
  });

  it("changes with the version", () => {
    expect(record(notes("x", "1.0.1"))).not.toBe(record(notes("x")));
  });

  it("changes when the plugin's code changes and the version does not", () => {
    const edited = definePlugin({
      ...notes("x"),
      emit: () => [{ path: "notes/a.md", contents: "# edited" }],
    });
    expect(record(edited)).not.toBe(record(notes("x")));
  });
});
