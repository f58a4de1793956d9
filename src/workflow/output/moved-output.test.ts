import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { shellWord } from "./moved-output.js";

describe("shellWord: a manifest's path in the printed rm command", () => {
  it("stays one argument, whatever the path holds", () => {
    const paths = [
      "generated/client",
      "-rf",
      "a b",
      "x'; rm -rf ~ #",
      "it's",
      "$(touch pwned)",
      "`id`",
      "a\\b",
      "''",
    ];
    for (const path of paths) {
      // the shell prints each argument on its own line: one line, the path itself
      const run = spawnSync("sh", ["-c", `printf '%s\\n' ${shellWord(path)}`], {
        encoding: "utf8",
      });
      expect(run.stdout, path).toBe(path + "\n");
    }
    expect(shellWord("generated/types.ts")).toBe("generated/types.ts");
  });
});
