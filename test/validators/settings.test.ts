import { emitted } from "../emitted.js";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseGenerateArgs } from "../../src/cli/generate-options.js";
import { generate } from "../../src/generate.js";
import { ConfigError } from "../../src/workflow/config/error.js";
import { validateConfig } from "../../src/workflow/config/validate.js";
import { resolveSettings } from "../../src/workflow/config/settings.js";
import { SPEC } from "./keywords-spec.js";

const dirs: string[] = [];
afterAll(() =>
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true })),
);

function configDir(config: object): string {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-validate-"));
  dirs.push(dir);
  writeFileSync(join(dir, "apiloom.config.json"), JSON.stringify(config));
  return dir;
}

const settingsFile = async (validateResponses?: boolean) => {
  const model = (await generate([{ file: "k.yaml", text: SPEC }])).model;
  const files = await emitted("server", model, {
    server: { validateResponses },
  });
  return files.find((f) => f.path === "server/settings.ts")!.contents;
};

describe("server.validateResponses", () => {
  it("is read from the config, and --validate-responses overrides it", async () => {
    const on = configDir({
      inputs: ["a.yaml"],
      server: { validateResponses: true },
    });
    const off = configDir({ inputs: ["a.yaml"] });
    const flags = (args: string[]) => parseGenerateArgs(args);
    const validate = async (args: string[], dir: string) =>
      (await resolveSettings(flags(args), dir)).emit.options.server!
        .validateResponses;
    expect(await validate([], on)).toBe(true);
    expect(await validate([], off)).toBe(false);
    expect(await validate(["--validate-responses"], off)).toBe(true);
  });

  it("refuses a value that is not a boolean, naming the option", () => {
    expect(() =>
      validateConfig({ server: { validateResponses: "yes" } }, "apiloom.json"),
    ).toThrow(
      new ConfigError(
        "apiloom.json.server.validateResponses must be true or false",
      ),
    );
  });

  it("becomes the generated listener's default", async () => {
    expect(await settingsFile(true)).toContain(
      "export const VALIDATE_RESPONSES: boolean = true;",
    );
    expect(await settingsFile(undefined)).toContain(
      "export const VALIDATE_RESPONSES: boolean = false;",
    );
  });
});
