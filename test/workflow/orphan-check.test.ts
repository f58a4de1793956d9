import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { apiloom } from "../cli/run.js";

/*
 * Issue 46: a YAML syntax error used to be followed by a scaffold/orphaned-handler warning for
 * every handler, judged against a model that failed to load. Handlers are judged orphaned only
 * when every input was read; otherwise one line says the check was skipped.
 */
const SPEC = `openapi: 3.0.3
info: { title: Pets, version: "1" }
paths:
  /pets:
    get:
      operationId: listPets
      responses: { "200": { description: ok } }
  /pets/{id}:
    delete:
      operationId: deletePet
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { "204": { description: gone } }
`;

const dir = mkdtempSync(join(tmpdir(), "apiloom-orphans-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(join(dir, "node_modules"));
writeFileSync(join(dir, "package.json"), "{}\n");
const generate = () =>
  apiloom(
    [
      "generate",
      "api.yaml",
      "-o",
      "out",
      "--server-handlers",
      "handlers.ts",
      "--no-config",
    ],
    dir,
  );

describe("the orphaned-handler check", () => {
  it("is skipped, in one line, when an input was not read", () => {
    writeFileSync(join(dir, "api.yaml"), SPEC);
    const first = generate();
    expect(first.code, first.stderr).toBe(0);
    writeFileSync(join(dir, "api.yaml"), SPEC.replace("paths:", "paths: ["));
    const broken = generate();
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/error parse\//);
    expect(broken.stderr).not.toMatch(/orphaned-handler|no endpoint any more/);
    const skipped = broken.stderr
      .split("\n")
      .filter((l) => l.includes("scaffold/orphan-check-skipped"));
    expect(skipped).toHaveLength(1);
    // one line: no code frame under it
    const after =
      broken.stderr.split("\n")[
        broken.stderr.split("\n").indexOf(skipped[0]!) + 1
      ];
    expect(after).not.toMatch(/^\s*>?\s*\d+ \|/);
    expect(skipped[0]).toMatch(
      /^handlers\.ts:\d+:\d+: warning scaffold\/orphan-check-skipped orphaned handlers not checked: an input was not read, so 2 handlers whose endpoints were not found are not judged until every input reads$/,
    );
  });

  it("still judges them when every input was read", () => {
    writeFileSync(
      join(dir, "api.yaml"),
      SPEC.slice(0, SPEC.indexOf("  /pets/{id}:")),
    );
    const run = generate();
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /warning scaffold\/orphaned-handler handler "deletePet" has no endpoint any more/,
    );
    expect(run.stderr).not.toMatch(/orphan-check-skipped/);
  });
});
