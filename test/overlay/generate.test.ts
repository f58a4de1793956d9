import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  buildCli,
  removeDir,
  runCli,
  startCli,
  waitFor,
} from "../workflow/harness.js";

/**
 * Overlays through `apiloom generate`: a fact an overlay added points at the overlay's line in
 * the docs ("Merged from"), in the OpenAPI document's sources and in diagnostics; the overlay and
 * its order are in the fingerprint (--check fails when it changes); --watch follows it.
 */
const SPEC = `openapi: 3.1.0
info: { title: Pets, version: "1" }
servers: [{ url: "https://pets.example.com" }]
paths:
  /pets:
    get:
      operationId: listPets
      responses:
        "200": { description: the pets }
`;

const MORE = `openapi: 3.0.3
info: { title: Pets, version: "1" }
paths:
  /pets/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true, schema: { type: integer } }
      responses:
        "200": { description: a pet }
`;

const OVERLAY = `overlay: 1.1.0
info: { title: Pets fixes, version: "1" }
extends: ../specs/pets.yaml
actions:
  - target: $.paths
    update:
      /pets/{id}:
        get:
          operationId: getPet
          parameters:
            - { name: id, in: path, required: true, schema: { type: integer } }
          responses:
            "200": { description: one pet }
  - target: $.paths['/pets'].get
    update:
      parameters:
        - { name: limit, in: query, description: how many }
  - target: $.paths['/owners']
    remove: true
`;

let cli: string;
let project: string;
const lineOf = (text: string, needle: string) =>
  text.split("\n").findIndex((l) => l.includes(needle)) + 1;

beforeAll(async () => {
  cli = await buildCli();
  project = mkdtempSync(join(tmpdir(), "apiloom-overlay-generate-"));
  writeFileSync(join(project, "package.json"), "{}\n");
  for (const [path, text] of Object.entries({
    "specs/pets.yaml": SPEC,
    "specs/more.yaml": MORE,
    "fixes/pets.overlay.yaml": OVERLAY,
    "apiloom.config.json": JSON.stringify({
      inputs: ["specs/*"],
      out: "out",
      artifacts: ["client", "docs", "openapi"],
      overlays: ["fixes/pets.overlay.yaml"],
    }),
  })) {
    const full = join(project, path);
    (await import("node:fs")).mkdirSync(join(full, ".."), { recursive: true });
    writeFileSync(full, text);
  }
});
afterAll(() => removeDir(project));

it("a fact the overlay added points at the overlay: docs, the OpenAPI document, diagnostics", async () => {
  const run = await runCli(cli, ["generate"], { cwd: project, fake: false });
  expect(run.code).toBe(0);
  const added = `fixes/pets.overlay.yaml:${lineOf(OVERLAY, "        get:")}`;
  const docs = readFileSync(join(project, "out/docs/tags/untagged.md"), "utf8");
  expect(docs).toContain(
    `Merged from \`${added}\`, \`specs/more.yaml:${lineOf(MORE, "get:")}\``,
  );
  const openapi = JSON.parse(
    readFileSync(join(project, "out/openapi.json"), "utf8"),
  ) as { paths: Record<string, { get: Record<string, unknown> }> };
  expect(openapi.paths["/pets/{id}"]!.get["x-apiloom-sources"]).toContainEqual({
    file: "fixes/pets.overlay.yaml",
    line: lineOf(OVERLAY, "        get:"),
  });
  // the untouched operation keeps the input's place
  expect(docs).toContain("Merged from `specs/pets.yaml:6`.");
  const output = run.stdout + run.stderr;
  // the untyped parameter the overlay added is reported at the overlay's line
  const verbose = await runCli(cli, ["generate", "--force", "--verbose"], {
    cwd: project,
    fake: false,
  });
  const diagnostics = (verbose.stdout + verbose.stderr).split("\n");
  expect(
    diagnostics.some((l) =>
      l.startsWith(
        `fixes/pets.overlay.yaml:${lineOf(OVERLAY, "name: limit")}:11: warning model/untyped-parameter`,
      ),
    ),
  ).toBe(true);
  expect(diagnostics.find((l) => l.includes("overlay/no-match"))).toMatch(
    new RegExp(
      `^fixes/pets\\.overlay\\.yaml:${lineOf(OVERLAY, "$.paths['/owners']")}:5: warning overlay/no-match`,
    ),
  );
  expect(output).not.toContain("not-an-api");
});

it("the overlay is in the fingerprint: --check fails once it changes, and --watch follows it", async () => {
  expect(
    (await runCli(cli, ["generate", "--check"], { cwd: project, fake: false }))
      .code,
  ).toBe(0);
  const file = join(project, "fixes/pets.overlay.yaml");
  writeFileSync(file, OVERLAY.replace("how many", "at most this many"));
  const check = await runCli(cli, ["generate", "--check"], {
    cwd: project,
    fake: false,
  });
  expect(check.stdout + check.stderr).toContain("at most this many");
  expect(check.code).toBe(1);

  const watch = startCli(cli, ["generate", "--watch"], {
    cwd: project,
    fake: false,
  });
  const count = () => watch.output().split("watching for changes").length - 1;
  await waitFor(() => count() === 1, "the first run");
  const types = join(project, "out/types.ts");
  expect(readFileSync(types, "utf8")).toContain("at most this many");
  writeFileSync(file, OVERLAY.replace("how many", "the page size"));
  await waitFor(() => count() === 2, "the run after the overlay changed");
  expect(readFileSync(types, "utf8")).toContain("the page size");
  watch.child.kill("SIGINT");
  await watch.done;
});

it("an overlay that breaks the Overlay schema fails the run at its line", async () => {
  writeFileSync(
    join(project, "fixes/pets.overlay.yaml"),
    "overlay: 1.1.0\ninfo: { title: x, version: '1' }\nactions:\n  - target: paths\n    remove: true\n",
  );
  const run = await runCli(cli, ["generate"], { cwd: project, fake: false });
  expect(run.code).toBe(1);
  expect(run.stdout + run.stderr).toMatch(
    /fixes\/pets\.overlay\.yaml:4:5: error overlay\/invalid/,
  );
});
