import { execFileSync } from "node:child_process";
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { apiloom, expectNoCrash } from "../cli/run.js";
import { FIXTURES } from "./helpers.js";

const OAS = ["openapi3/old.yaml", "--to", "openapi3/new.yaml"];

describe("apiloom diff on the command line", () => {
  it("prints each change with a code frame, the old place and the generated names", () => {
    const run = apiloom(["diff", ...OAS], FIXTURES);
    expectNoCrash(run);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      "openapi3/new.yaml:34:11: breaking parameter-became-required query parameter limit of listEvents() is now required (breaks clients)\n" +
        "  32 |       operationId: listEvents\n" +
        "  33 |       parameters:\n" +
        "> 34 |         - { name: limit, in: query, required: true, schema: { type: integer } }\n" +
        "     |           ^\n",
    );
    expect(run.stdout).toContain(
      "  was: openapi3/old.yaml:32:11 (old files)\n",
    );
    expect(run.stdout).toContain(
      "in your code: client listEvents() · type ListEventsQuery.limit · handler handlers.listEvents",
    );
    // a change of a shared schema is told once, with every function it reaches
    expect(run.stdout).toContain(
      "`SpecialEvent.location` was removed (in listEvents(), createSpecialEvent(), fetchEvent())",
    );
    expect(run.stdout).toMatch(
      /apiloom diff: old files → new files: 22 breaking, 9 warnings, 5 info; endpoints: 1 added, 1 removed, 6 changed\n$/,
    );
  });

  it("--fail-on breaking and warning set the exit code", () => {
    expect(
      apiloom(["diff", ...OAS, "--fail-on", "breaking"], FIXTURES).code,
    ).toBe(1);
    // new → old in the Postman pair has a breaking change; a pair with only warnings does not fail on breaking
    const dir = mkdtempSync(join(tmpdir(), "apiloom-diff-"));
    try {
      const spec = (required: boolean) =>
        JSON.stringify({
          openapi: "3.0.3",
          info: { title: "t", version: "1" },
          paths: {
            "/a": {
              get: {
                parameters: [
                  {
                    name: "q",
                    in: "query",
                    required,
                    schema: { type: "string" },
                  },
                ],
                responses: { "200": { description: "ok" } },
              },
            },
          },
        });
      writeFileSync(join(dir, "old.json"), spec(true));
      writeFileSync(join(dir, "new.json"), spec(false));
      const args = ["diff", "old.json", "--to", "new.json", "--no-config"];
      expect(apiloom([...args, "--fail-on", "breaking"], dir).code).toBe(0);
      expect(apiloom([...args, "--fail-on", "warning"], dir).code).toBe(1);
      expect(apiloom(args, dir).code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--format github prints workflow commands, the spec's text escaped", () => {
    const dir = mkdtempSync(join(tmpdir(), "apiloom-diff-"));
    try {
      const spec = (props: Record<string, unknown>) =>
        JSON.stringify({
          openapi: "3.0.3",
          info: { title: "t", version: "1" },
          paths: {
            "/a": {
              get: {
                operationId: "getA",
                responses: {
                  "200": {
                    description: "ok",
                    content: {
                      "application/json": {
                        schema: { type: "object", properties: props },
                      },
                    },
                  },
                },
              },
            },
          },
        });
      // a member name with a line break and a percent sign: data, not a second command
      writeFileSync(
        join(dir, "old.json"),
        spec({ "50%\n::error::x": { type: "string" }, ok: { type: "string" } }),
      );
      writeFileSync(join(dir, "new.json"), spec({ ok: { type: "string" } }));
      const run = apiloom(
        ["diff", "old.json", "--to", "new.json", "--format", "github"],
        dir,
      );
      expect(run.stdout.split("\n").filter((l) => l !== "")).toEqual([
        "::error file=old.json,line=1,col=111,title=apiloom diff%3A response-property-removed::`GetAResponses.200.50%25%0A::error::x` was removed (the 200 response of getA) [client getA() · type GetAResponses.200.50%25%0A::error::x · handler handlers.getA]",
      ]);
      const md = apiloom(
        ["diff", "old.json", "--to", "new.json", "--format", "markdown"],
        dir,
      );
      // one table row: the line break does not end it, a pipe would not split it
      expect(
        md.stdout.split("\n").filter((l) => l.startsWith("| breaking")),
      ).toHaveLength(1);
      const json = JSON.parse(
        apiloom(
          ["diff", "old.json", "--to", "new.json", "--format", "json"],
          dir,
        ).stdout,
      );
      expect(json.summary).toEqual({
        breaking: 1,
        warning: 0,
        info: 0,
        added: 0,
        removed: 0,
        changed: 1,
      });
      expect(json.changes[0]).toMatchObject({
        rule: "response-property-removed",
        severity: "breaking",
        breaks: "clients",
        endpoint: "GET /a",
        old: { file: "old.json", line: 1 },
        new: { file: "new.json", line: 1 },
        names: {
          function: "getA",
          type: "GetAResponses",
          member: "200.50%\n::error::x",
        },
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--base compares the config's inputs as committed at a git ref with the working tree", () => {
    const dir = mkdtempSync(join(tmpdir(), "apiloom-diff-git-"));
    const git = (...args: string[]) =>
      execFileSync("git", args, { cwd: dir, stdio: "pipe" });
    try {
      git("init", "-q");
      git("config", "user.email", "t@example.com");
      git("config", "user.name", "t");
      writeFileSync(
        join(dir, "apiloom.config.json"),
        JSON.stringify({ inputs: ["specs/*.yaml", "specs/*.json"] }),
      );
      execFileSync("mkdir", ["-p", join(dir, "specs")]);
      const swagger = execFileSync("cat", [
        join(FIXTURES, "swagger2/old.yaml"),
      ]);
      writeFileSync(join(dir, "specs/pets.yaml"), swagger);
      // a Postman collection committed at the base is read from git, the glob matched there
      writeFileSync(
        join(dir, "specs/orders.json"),
        execFileSync("cat", [
          join(FIXTURES, "postman/old.postman_collection.json"),
        ]),
      );
      git("add", ".");
      git("commit", "-qm", "base");
      writeFileSync(
        join(dir, "specs/orders.json"),
        execFileSync("cat", [
          join(FIXTURES, "postman/new.postman_collection.json"),
        ]),
      );
      const run = apiloom(["diff", "--base", "HEAD", "--format", "json"], dir);
      expectNoCrash(run);
      const lines = (
        JSON.parse(run.stdout).changes as { rule: string; endpoint: string }[]
      ).map((c) => `${c.rule} ${c.endpoint}`);
      expect(lines.sort()).toEqual([
        "operation-removed DELETE /orders/{orderId}",
        "request-property-removed POST /orders",
        "request-type-changed POST /orders",
      ]);
      // an unknown ref is a usage error, not a crash
      const bad = apiloom(["diff", "--base", "no-such-ref"], dir);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/^apiloom diff: git rev-parse failed/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("--base compares each API of a config that lists several, and --api picks one", () => {
    const dir = mkdtempSync(join(tmpdir(), "apiloom-diff-apis-"));
    const git = (...args: string[]) =>
      execFileSync("git", args, { cwd: dir, stdio: "pipe" });
    try {
      cpSync(join(FIXTURES, "../two-apis"), dir, { recursive: true });
      git("init", "-q");
      git("config", "user.email", "t@example.com");
      git("config", "user.name", "t");
      git("add", ".");
      git("commit", "-qm", "base");
      // the notes API loses its POST /notes; the pets API does not change
      const file = join(dir, "specs/notes.postman.json");
      const notes = JSON.parse(readFileSync(file, "utf8"));
      notes.item[0].item = notes.item[0].item.filter(
        (i: { name: string }) => i.name !== "Create note",
      );
      writeFileSync(file, JSON.stringify(notes));
      const rules = (report: {
        changes: { rule: string; endpoint: string }[];
      }) => report.changes.map((c) => `${c.rule} ${c.endpoint}`);

      const both = apiloom(["diff", "--base", "HEAD", "--format", "json"], dir);
      expectNoCrash(both);
      const apis = JSON.parse(both.stdout).apis;
      expect(Object.keys(apis)).toEqual(["pets", "notes"]);
      expect(rules(apis.pets)).toEqual([]);
      expect(rules(apis.notes)).toEqual(["operation-removed POST /notes"]);

      const text = apiloom(["diff", "--base", "HEAD", "--no-color"], dir);
      expect(text.stdout).toMatch(/API pets[\s\S]*API notes/);

      const pets = apiloom(
        ["diff", "--base", "HEAD", "--api", "pets", "--format", "json"],
        dir,
      );
      expect(rules(JSON.parse(pets.stdout))).toEqual([]);
      const unknown = apiloom(["diff", "--base", "HEAD", "--api", "x"], dir);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/pets.*notes|notes.*pets/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses to compare a side that does not load, instead of calling every endpoint removed", () => {
    const dir = mkdtempSync(join(tmpdir(), "apiloom-diff-"));
    try {
      writeFileSync(join(dir, "old.json"), "{ not json");
      const run = apiloom(
        ["diff", "old.json", "--to", join(FIXTURES, "openapi3/new.yaml")],
        dir,
      );
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("(old files)");
      expect(run.stdout).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
