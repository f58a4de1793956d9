import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES_DIR } from "../../src/emit/templates.js";
import { chatModel } from "../fixtures/server/chat-model.js";
import { emitted } from "../emitted.js";

const runtimeOf = async (templatesDir?: string) =>
  (await emitted("validators", chatModel(), { templates: templatesDir })).find(
    (f) => f.path === "validators/runtime.ts",
  )!.contents;

describe("validators/runtime.ts is a runtime file", () => {
  it("is apiloom's template, copied as it is", async () => {
    expect(await runtimeOf()).toBe(
      readFileSync(
        join(DEFAULT_TEMPLATES_DIR, "validators/runtime.ts"),
        "utf8",
      ),
    );
  });

  it("is the user's copy when their templates folder has one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "apiloom-validators-runtime-"));
    mkdirSync(join(dir, "validators"));
    const own = "// my runtime\nexport {};\n";
    writeFileSync(join(dir, "validators/runtime.ts"), own);
    expect(await runtimeOf(dir)).toBe(own);
  });
});
