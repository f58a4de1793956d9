import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { buildCli, removeDir, runCli } from "../workflow/harness.js";

/**
 * `apiloom diff` reads both sides through their overlays (files with --overlay; --base with each
 * side's overlays as committed there), and a config's `apis` give each API its own overlays.
 */
const spec = (summary: string) => `openapi: 3.1.0
info: { title: Pets, version: "1" }
paths:
  /pets:
    get:
      operationId: listPets
      summary: ${summary}
      responses:
        "200": { description: the pets }
`;

const overlay = (type: string) => `overlay: 1.0.0
info: { title: fix, version: "1" }
actions:
  - target: $.paths['/pets'].get
    update:
      parameters:
        - { name: limit, in: query, required: true, schema: { type: ${type} } }
`;

let cli: string;
let project: string;
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(project, path)), { recursive: true });
  writeFileSync(join(project, path), text);
};
const git = (...args: string[]) =>
  execFileSync("git", args, { cwd: project, stdio: "ignore" });

beforeAll(async () => {
  cli = await buildCli();
  project = mkdtempSync(join(tmpdir(), "apiloom-overlay-diff-"));
  write("package.json", "{}\n");
});
afterAll(() => removeDir(project));

it("diff <old> --to <new> --overlay: both sides read through the overlay", async () => {
  write("old/pets.yaml", spec("List pets"));
  // the new side adds a required parameter; the overlay takes parameters off both sides
  write(
    "new/pets.yaml",
    spec("List pets").replace(
      "      responses:",
      "      parameters:\n        - { name: limit, in: query, required: true, schema: { type: integer } }\n      responses:",
    ),
  );
  write(
    "fix.overlay.yaml",
    `overlay: 1.0.0\ninfo: { title: fix, version: "1" }\nextends: new/pets.yaml\nactions:\n  - target: $.paths['/pets'].get.parameters\n    remove: true\n`,
  );
  const args = ["diff", "old/pets.yaml", "--to", "new/pets.yaml"];
  const plain = await runCli(cli, [...args, "--format", "json"], {
    cwd: project,
    fake: false,
  });
  const through = await runCli(
    cli,
    [...args, "--overlay", "fix.overlay.yaml", "--format", "json"],
    { cwd: project, fake: false },
  );
  expect(JSON.stringify(JSON.parse(plain.stdout))).toContain("limit");
  expect(JSON.parse(through.stdout).changes).toEqual([]);
});

it("diff --base reads each side through the overlay as it was at that commit", async () => {
  write(
    "apiloom.config.json",
    JSON.stringify({
      inputs: ["specs/pets.yaml"],
      out: "out",
      overlays: ["overlays/fix.yaml"],
    }),
  );
  write("specs/pets.yaml", spec("List pets"));
  write("overlays/fix.yaml", overlay("integer"));
  git("init", "-q");
  git("add", "-A");
  git(
    "-c",
    "user.email=t@example.com",
    "-c",
    "user.name=t",
    "commit",
    "-qm",
    "base",
  );
  // only the overlay changes: the parameter's type
  write("overlays/fix.yaml", overlay("string"));
  const run = await runCli(
    cli,
    ["diff", "--base", "HEAD", "--format", "json"],
    {
      cwd: project,
      fake: false,
    },
  );
  const report = JSON.parse(run.stdout) as {
    changes: { rule: string; message: string }[];
  };
  expect(report.changes.length).toBeGreaterThan(0);
  expect(JSON.stringify(report.changes)).toContain("limit");
});

it("each API of a config's apis has its own overlays", async () => {
  write(
    "apiloom.config.json",
    JSON.stringify({
      apis: [
        {
          name: "a",
          inputs: ["specs/pets.yaml"],
          overlays: ["overlays/fix.yaml"],
        },
        { name: "b", inputs: ["specs/pets.yaml"] },
      ],
    }),
  );
  const model = (api: string) =>
    JSON.parse(
      execFileSync(process.execPath, [cli, "inspect", "--api", api, "--json"], {
        cwd: project,
        encoding: "utf8",
      }),
    ) as { endpoints: { parameters: { name: string }[] }[] };
  expect(model("a").endpoints[0]!.parameters.map((p) => p.name)).toEqual([
    "limit",
  ]);
  expect(model("b").endpoints[0]!.parameters).toEqual([]);
});
