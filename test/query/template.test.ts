import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PETSTORE, REPO, apiloom, outDir } from "../cli/run.js";

// the fixed text of query/index.ts is the render template query/index.js: a user's copy wins
describe("the query template", () => {
  it("a copy in the templates folder writes the file's fixed parts", () => {
    const dir = outDir("templates-query");
    const own = readFileSync(join(REPO, "templates/query/index.js"), "utf8");
    const edited = own
      .replace("export class ErrorResponse", "export class QueryError")
      .replace("function dataOf<", "function dataOfMine<");
    expect(edited).not.toBe(own);
    mkdirSync(join(dir, "query"));
    writeFileSync(join(dir, "query/index.js"), edited);
    const out = outDir("templates-query-out");
    const run = apiloom([
      ...["generate", "--no-config", "--no-lock", "-a", "query"],
      ...["--templates", dir, "-o", out, PETSTORE],
    ]);
    expect(run.code, run.stderr).toBe(0);
    const query = readFileSync(join(out, "query/index.ts"), "utf8");
    expect(query).toContain("export class QueryError extends Error {");
    expect(query).toContain("async function dataOfMine<");
    expect(query).not.toContain("ErrorResponse extends");
  });
});
