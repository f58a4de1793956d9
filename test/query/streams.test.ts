import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO, apiloom } from "../cli/run.js";
import { typeCheckCell } from "../compat/matrix.js";

/*
 * An OpenAPI 3.0 or 3.1 success declared as `text/event-stream` or JSON Lines is read by the
 * client as an async iterator (client/stream.ts), not a value: the query plugin makes no
 * options for it, as for 3.2 item streams, and says so. It used to type the queryFn (or
 * mutationFn) of such an endpoint as the schema's data, which tsc refused (TS2322). Oracle: tsc
 * under the strictest tsconfig, over the real CLI's output.
 */
// under a git-ignored out/ folder of the repository (the generated query file's imports resolve
// from there), apart from query.test.ts's, which it empties first
mkdirSync(join(REPO, "test/client/out"), { recursive: true });
const ROOT = mkdtempSync(join(REPO, "test/client/out/query-streams-"));
const VERSIONS = ["3.0", "3.1"] as const;
const stderr: Record<string, string> = {};

afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

beforeAll(() => {
  for (const version of VERSIONS) {
    const result = apiloom([
      "generate",
      `test/query/fixtures/streams-${version}.yaml`,
      "-o",
      join(ROOT, version),
      "-a",
      "query",
      "--no-lock",
      // every warning in full (a first run groups them by code, one line each)
      "--verbose",
    ]);
    expect(result.code, result.stderr).toBe(0);
    stderr[version] = result.stderr + result.stdout;
  }
});

describe("query/: streamed successes of OpenAPI 3.0 and 3.1", () => {
  it("compiles under the strictest tsconfig", async () => {
    const result = await typeCheckCell(ROOT, "strictest", "TypeScript 7");
    expect(result.output).toBe("");
  });

  it.each(VERSIONS)(
    "%s: server-sent events and JSON Lines get no options, and a warning says so",
    (version) => {
      const text = readFileSync(join(ROOT, version, "query/index.ts"), "utf8");
      expect(text).toContain("export function getThingOptions(");
      expect(text).not.toMatch(/watchThings|exportThings/);
      expect(stderr[version]).toContain(
        "query: watchThings answers a stream of server-sent events, which TanStack Query options do not cache; it gets none",
      );
      expect(stderr[version]).toContain(
        "query: exportThings answers a stream of JSON Lines, which TanStack Query options do not cache; it gets none",
      );
    },
  );
});
