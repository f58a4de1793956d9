import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PETSTORE, apiloom, expectNoCrash, outDir } from "./run.js";

/** `generate` of the petstore into a fresh folder, with `args`; with `config`, from a config file. */
function generate(name: string, args: string[], config?: object) {
  const dir = outDir(`values-${name}`);
  const out = join(dir, "gen");
  if (config) {
    writeFileSync(
      join(dir, "apiloom.config.json"),
      JSON.stringify({
        inputs: [PETSTORE],
        out: "gen",
        lock: false,
        ...config,
      }),
    );
    return {
      dir,
      out,
      run: apiloom([
        "generate",
        "--verbose",
        "-c",
        join(dir, "apiloom.config.json"),
        ...args,
      ]),
    };
  }
  return {
    dir,
    out,
    run: apiloom([
      "generate",
      "--verbose",
      "--no-config",
      "--no-lock",
      "-o",
      out,
      PETSTORE,
      ...args,
    ]),
  };
}

function expectUsageError(run: ReturnType<typeof apiloom>, message: RegExp) {
  expectNoCrash(run);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toMatch(message);
}

describe("bad setting values are refused or reported, flags and config alike", () => {
  it("--base-url / baseUrl must be an absolute http(s) URL or a path starting with /", () => {
    for (const bad of [
      "not a url",
      "ftp://host/x",
      "api.example.com",
      "//host",
    ]) {
      const { run, out } = generate("base-url", ["--base-url", bad]);
      expectUsageError(
        run,
        new RegExp(
          `^apiloom generate: --base-url: ${JSON.stringify(bad).replace(/[./]/g, "\\$&")} is not a base URL`,
        ),
      );
      expect(existsSync(out)).toBe(false);
    }
    const fromConfig = generate("base-url-config", [], { baseUrl: "nope" });
    expectUsageError(
      fromConfig.run,
      /"baseUrl" in .*apiloom\.config\.json: "nope" is not a base URL/,
    );
    for (const good of [
      "https://api.example.com/v1",
      "http://127.0.0.1:8080",
      "/api",
    ]) {
      const { run } = generate("base-url-good", [
        "-a",
        "client",
        "--base-url",
        good,
      ]);
      expect(run.code, run.stderr).toBe(0);
    }
  });

  it("a prefer entry matching no input is a warning naming it", () => {
    const { run } = generate("prefer", [
      "-a",
      "openapi",
      "--prefer",
      "/nonexistent.yaml",
    ]);
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /warning merge\/unmatched-prefer the preferred file or folder ".*nonexistent\.yaml" is neither an input nor a folder holding one/,
    );
    const config = generate("prefer-config", ["-a", "openapi"], {
      merge: { prefer: ["other.yaml"] },
    });
    expect(config.run.code, config.run.stderr).toBe(0);
    expect(config.run.stderr).toMatch(/"other\.yaml" is neither an input/);
    const strict = generate("prefer-strict", [
      "-a",
      "openapi",
      "--strict",
      "--prefer",
      "nope/",
    ]);
    expect(strict.run.code).toBe(1);
    // a folder holding the input is a match
    const folder = generate("prefer-folder", [
      "-a",
      "openapi",
      "--prefer",
      join(PETSTORE, ".."),
    ]);
    expect(folder.run.code, folder.run.stderr).toBe(0);
    expect(folder.run.stderr).not.toMatch(/unmatched-prefer/);
  });

  it("server adapters without the server artifact are a warning", () => {
    const { run } = generate("adapters", [
      "-a",
      "client",
      "--server-adapters",
      "fastify",
    ]);
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /--server-adapters:1:1: warning config\/ignored-option --server-adapters \(fastify\) is given but the server artifact is not generated \(artifacts: types, client\)/,
    );
    const config = generate("adapters-config", [], {
      artifacts: ["client"],
      server: { adapters: ["fastify"] },
    });
    expect(config.run.code, config.run.stderr).toBe(0);
    expect(config.run.stderr).toMatch(
      /apiloom\.config\.json:1:1: warning config\/ignored-option/,
    );
    const withServer = generate("adapters-server", [
      "-a",
      "server",
      "--server-adapters",
      "fastify",
    ]);
    expect(withServer.run.code, withServer.run.stderr).toBe(0);
    expect(withServer.run.stderr).not.toMatch(/ignored-option/);
  });

  it("a handlers file inside the output folder is refused", () => {
    const dir = outDir("values-handlers-probe");
    const inside = generate("handlers", [
      "--server-handlers",
      join(dir, "../values-handlers/gen/handlers.ts"),
    ]);
    expectUsageError(
      inside.run,
      /^apiloom generate: --server-handlers: .*handlers\.ts is inside the output folder .*gen, which apiloom owns/,
    );
    expect(existsSync(inside.out)).toBe(false);
    const config = generate("handlers-config", [], {
      server: { handlers: "gen/src/handlers.ts" },
    });
    expectUsageError(
      config.run,
      /"server\.handlers" in .*apiloom\.config\.json: .* is inside the output folder/,
    );
    const outside = generate("handlers-outside", [
      "-a",
      "server",
      "--server-handlers",
      join(dir, "handlers.ts"),
    ]);
    expect(outside.run.code, outside.run.stderr).toBe(0);
    expect(existsSync(join(dir, "handlers.ts"))).toBe(true);
  });

  it("--watch refuses --accept and --accept-changes: a watch would accept later changes unseen", () => {
    for (const accept of [["--accept", "listPets"], ["--accept-changes"]]) {
      const { run, out } = generate(`watch-${accept.length}`, [
        "--watch",
        ...accept,
      ]);
      expectUsageError(
        run,
        new RegExp(
          `^apiloom generate: --watch and ${accept[0]} cannot be combined: accept with one run, then watch`,
        ),
      );
      expect(existsSync(out)).toBe(false);
    }
  });
});
