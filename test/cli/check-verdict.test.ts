import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPO } from "./run.js";

// A stale `generate --check` says first, in the user's terms, what is stale and what to run:
// the endpoints by their client names, the handler stubs missing, the files; then a short diff
// of the generated code only (docs and the OpenAPI document with --verbose).

const dir = mkdtempSync(join(tmpdir(), "apiloom-check-verdict-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const spec = (extra: string) => `openapi: 3.0.3
info: { title: Pets, version: "1" }
paths:
  /pets:
    get:
      operationId: listPets
      summary: ${extra ? "List every pet" : "List pets"}
      responses: { "200": { description: ok } }
${extra}`;

const NEW_ENDPOINT = `  /pets/{id}:
    delete:
      operationId: deletePet
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { "204": { description: gone } }
`;

function generate(args: string[]) {
  const result = spawnSync(
    process.execPath,
    [
      join(REPO, "bin/apiloom.js"),
      "generate",
      "api.yaml",
      "-o",
      "out",
      "--server-handlers",
      "handlers.ts",
      "--artifacts",
      "client,server,docs,openapi",
      ...args,
    ],
    {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, NO_COLOR: "1", XDG_CACHE_HOME: join(dir, "c") },
    },
  );
  return { code: result.status, stderr: result.stderr, stdout: result.stdout };
}

describe("a stale --check", () => {
  it("leads with the endpoints, the handlers, the files and the next command; docs diffs only with --verbose", () => {
    writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
    writeFileSync(join(dir, "api.yaml"), spec(""));
    expect(generate([]).code).toBe(0);
    writeFileSync(join(dir, "api.yaml"), spec(NEW_ENDPOINT));
    const check = generate(["--check"]);
    expect(check.code).toBe(1);
    const lines = check.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "apiloom: out/ is stale: the inputs changed since it was generated",
    );
    expect(lines[1]).toBe("  endpoints: 1 added (deletePet)");
    expect(lines[2]).toBe("  handlers: handlers.ts lacks 1 stub (deletePet)");
    expect(lines[3]).toMatch(
      /^ {2}\d+ files to update \(\d+ of them docs, the OpenAPI document or records: their diffs with --verbose\):$/,
    );
    // the generated code first, the handlers file with it; at most 8 listed
    expect(lines[4]).toBe("    M client/index.ts");
    expect(lines.slice(4, 12).join("\n")).toMatch(/^ {4}M handlers\.ts$/m);
    expect(lines[12]).toMatch(/^ {4}… \d+ more$/);
    expect(lines[13]).toMatch(/^next: apiloom generate /);
    expect(lines).toHaveLength(14);
    // the diff: generated code only, and short
    expect(check.stdout).toMatch(/^--- a\/out\/client\/index\.ts$/m);
    expect(check.stdout).not.toMatch(/^--- a\/out\/(docs\/|openapi\.json)/m);
    expect(check.stdout.split("\n").length).toBeLessThanOrEqual(41);
    const verbose = generate(["--check", "--verbose"]);
    expect(verbose.code).toBe(1);
    expect(verbose.stdout).toMatch(/^--- a\/out\/docs\//m);
  });
});
