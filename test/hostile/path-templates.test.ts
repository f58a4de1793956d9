import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { templateProblem } from "../../src/model/merge/build.js";
import { typeCheck } from "../server/generated.js";
import { expectNoCrash, FIXTURES, generateInto, outDir } from "./cli.js";

/** Class 7 of issue 10: path templates against the declared path parameters. */
describe("path templates", () => {
  it("reports each problem at its line, leaves out what cannot become a URL, and the output compiles", () => {
    const out = outDir("path-templates");
    const run = generateInto(
      out,
      join(FIXTURES, "path-templates.openapi.yaml"),
    );
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    const file = "test/fixtures/hostile/path-templates.openapi.yaml";
    const reported = run.stderr
      .split("\n")
      .filter((l) => l.startsWith(file))
      .map((l) =>
        l
          .slice(file.length + 1)
          .split(" ")
          .slice(0, 3)
          .join(" "),
      );
    expect(reported).toEqual([
      "6:5: warning model/undeclared-path-parameter", // {orgId} declared nowhere
      "14:11: warning openapi3/optional-path-parameter", // required: false
      "15:11: warning model/unused-path-parameter", // 'other' is not in /users/{id}
      "19:5: warning model/invalid-path-template", // {id} twice
      "23:5: warning model/invalid-path-template", // /broken/{id
      "27:5: warning model/invalid-path-template", // a stray }
      "31:5: warning model/invalid-path-template", // {}
    ]);
    const doc = JSON.parse(readFileSync(join(out, "openapi.json"), "utf8"));
    expect(Object.keys(doc.paths)).toEqual([
      "/orgs/{orgId}/users",
      "/users/{id}",
    ]);
    expect(doc.paths["/users/{id}"].get.parameters).toEqual([
      { name: "id", in: "path", required: true, schema: { type: "string" } },
    ]);
    expect(doc.paths["/orgs/{orgId}/users"].get.parameters[0]).toMatchObject({
      name: "orgId",
      in: "path",
      required: true,
    });
    const types = readFileSync(join(out, "types.ts"), "utf8");
    expect(types).toMatch(
      /export interface ListOrgUsersPath \{\n {2}orgId: string;\n\}/,
    );
    expect(typeCheck(out).output).toBe("");
  });

  it("Swagger 2.0: required: false on a path parameter is reported too", () => {
    const out = outDir("path-templates-swagger");
    const run = generateInto(
      out,
      join(FIXTURES, "path-templates.swagger.yaml"),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      `test/fixtures/hostile/path-templates.swagger.yaml:9:11: warning swagger2/optional-path-parameter path parameter "itemId" must be required`,
    );
  });

  it("templateProblem accepts {name} variables once each, and nothing else with braces", () => {
    expect(templateProblem("/a/{b}/c/{d}")).toBeUndefined();
    expect(templateProblem("/a")).toBeUndefined();
    expect(templateProblem("/a/{b}.{c}")).toBeUndefined();
    expect(templateProblem("/a/{b")).toMatch(/never closed/);
    expect(templateProblem("/a/b}")).toMatch(/closes no/);
    expect(templateProblem("/a/{{b}}")).toMatch(/inside another/);
    expect(templateProblem("/a/{ }")).toMatch(/names no variable/);
    expect(templateProblem("/a/{b}/{b}")).toMatch(/twice/);
  });
});
