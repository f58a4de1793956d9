import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiConfigs } from "../../src/workflow/config/apis.js";
import {
  REPO,
  buildCli,
  mtimes,
  removeDir,
  runCli,
  snapshotTree,
  startCli,
  waitFor,
} from "./harness.js";

/** Issue 27: one config, two APIs (a Swagger 2.0 file and a Postman collection). */
const FIXTURE = join(REPO, "test/fixtures/two-apis");

let cli: string;
const dirs: string[] = [];
beforeAll(async () => {
  cli = await buildCli();
});
afterAll(() => {
  dirs.forEach(removeDir);
  removeDir(dirname(cli));
});

/** A copy of the two-API project, with `config` (an object) instead of its config when given. */
function project(config?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-apis-"));
  dirs.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), "{}\n");
  if (config !== undefined)
    writeFileSync(
      join(dir, "apiloom.config.json"),
      JSON.stringify(config, null, 2),
    );
  return dir;
}

const run = (dir: string, ...args: string[]) =>
  runCli(cli, ["generate", ...args], { cwd: dir, fake: false });

const FIXTURE_CONFIG = JSON.parse(
  readFileSync(join(FIXTURE, "apiloom.config.json"), "utf8"),
) as { apis: Record<string, unknown>[] };

describe("several APIs in one config", () => {
  let dir: string;
  beforeAll(() => {
    dir = project();
  });

  it("generate makes every API into its own folder, lock and handlers file, in config order", async () => {
    const result = await run(dir);
    expect(result.code, result.stderr).toBe(0);
    for (const [api, endpoint] of [
      ["pets", "listPets"],
      ["notes", "createNote"],
    ] as const) {
      expect(
        readFileSync(join(dir, `out/${api}/client/index.ts`), "utf8"),
      ).toMatch(new RegExp(`export const ${endpoint}: EndpointFunctions\\[`));
      expect(
        readFileSync(join(dir, `src/${api}-handlers.ts`), "utf8"),
      ).toContain(endpoint);
      expect(
        Object.keys(
          JSON.parse(
            readFileSync(join(dir, `apiloom.${api}.lock.json`), "utf8"),
          ).names ?? {},
        ).length +
          readFileSync(join(dir, `apiloom.${api}.lock.json`), "utf8").split(
            endpoint,
          ).length,
      ).toBeGreaterThan(1);
    }
    // each API's names stay in its own lock and handlers file
    expect(
      readFileSync(join(dir, "apiloom.pets.lock.json"), "utf8"),
    ).not.toContain("createNote");
    expect(
      readFileSync(join(dir, "src/notes-handlers.ts"), "utf8"),
    ).not.toContain("listPets");
    expect(existsSync(join(dir, "apiloom.lock.json"))).toBe(false);
    const lines = result.stderr.split("\n").filter((l) => l.startsWith("["));
    const firstNotes = lines.findIndex((l) => l.startsWith("[notes]"));
    expect(firstNotes).toBeGreaterThan(0);
    expect(
      lines.slice(0, firstNotes).every((l) => l.startsWith("[pets]")),
    ).toBe(true);
    expect(lines.slice(firstNotes).every((l) => l.startsWith("[notes]"))).toBe(
      true,
    );
    expect(result.stderr).toContain("apiloom: 2 APIs done");
  });

  it("a later run skips both, each by its own fingerprint", async () => {
    // the handlers files the first run created are compared by what it left there
    const result = await run(dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /\[pets\] apiloom: nothing changed since the last run: out\/pets\//,
    );
    expect(result.stderr).toMatch(
      /\[notes\] apiloom: nothing changed since the last run: out\/notes\//,
    );
  });

  it("--check passes, then fails for the API whose spec changed only", async () => {
    expect((await run(dir, "--check")).code).toBe(0);
    const spec = join(dir, "specs/pets.swagger.json");
    writeFileSync(
      spec,
      readFileSync(spec, "utf8").replace(
        '"name": { "type": "string" }',
        '"name": { "type": "string" },\n        "nickname": { "type": "string" }',
      ),
    );
    const stale = await run(dir, "--check");
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain("[pets] apiloom: out/pets/ is stale");
    expect(stale.stderr).toMatch(
      /\[notes\] apiloom: .*out\/notes\/ is up to date/,
    );
    expect(stale.stderr).toContain("apiloom: 1 of 2 APIs failed: pets");
    // the diff names each file from the project's folder, and each line its API (issue 46)
    expect(stale.stdout).toContain(
      "[pets] --- a/out/pets/types.ts\n[pets] +++ b/out/pets/types.ts\n",
    );
  });

  it("--api picks one API and leaves the others' files alone", async () => {
    const notes = snapshotTree(join(dir, "out/notes"));
    const notesTimes = mtimes(dir, [
      "out/notes/client/index.ts",
      "apiloom.notes.lock.json",
    ]);
    const result = await run(dir, "--api", "pets");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain("out/notes");
    expect(readFileSync(join(dir, "out/pets/types.ts"), "utf8")).toContain(
      "nickname",
    );
    expect(snapshotTree(join(dir, "out/notes"))).toEqual(notes);
    expect(
      mtimes(dir, ["out/notes/client/index.ts", "apiloom.notes.lock.json"]),
    ).toEqual(notesTimes);
    expect((await run(dir, "--check")).code).toBe(0);
  });

  it("--api with an unknown name is an error listing the names", async () => {
    const result = await run(dir, "--api", "billing");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /--api: no API is named "billing" in .*apiloom\.config\.json \(APIs: pets, notes\)/,
    );
  });

  it("flags naming one API's files need --api", async () => {
    const result = await run(dir, "--out", "elsewhere");
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--out applies to one API");
    expect(existsSync(join(dir, "elsewhere"))).toBe(false);
  });

  it("inspect without files shows each API's endpoints", async () => {
    const result = await runCli(cli, ["inspect"], { cwd: dir, fake: false });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^API pets: Pets 1\.0\.0: 2 endpoints/);
    expect(result.stdout).toContain("API notes: Notes 1.0.0: 2 endpoints");
    const one = await runCli(cli, ["inspect", "--api", "notes", "--json"], {
      cwd: dir,
      fake: false,
    });
    expect(
      JSON.parse(one.stdout).endpoints.map((e: { name: string }) => e.name),
    ).toEqual(["listNotes", "createNote"]);
  });
});

it("--watch regenerates only the API whose spec changed", async () => {
  const dir = project();
  expect((await run(dir)).code).toBe(0);
  let notes: Record<string, string> = {};
  let notesFiles: string[] = [];
  let notesTimes: number[] = [];
  const watch = startCli(cli, ["generate", "--watch"], {
    cwd: dir,
    fake: false,
  });
  const count = (needle: string) => watch.output().split(needle).length - 1;
  try {
    await waitFor(
      () =>
        count("[pets] apiloom: watching") === 1 &&
        count("[notes] apiloom: watching") === 1,
      "both APIs watched",
    );
    // after the first runs: what the other API has then must stay as it is
    notes = snapshotTree(join(dir, "out/notes"));
    notesFiles = [
      ...Object.keys(notes).map((f) => `out/notes/${f}`),
      "apiloom.notes.lock.json",
      "src/notes-handlers.ts",
    ];
    notesTimes = mtimes(dir, notesFiles);
    const spec = join(dir, "specs/pets.swagger.json");
    writeFileSync(
      spec,
      readFileSync(spec, "utf8").replace(
        '"name": { "type": "string" }',
        '"name": { "type": "string" },\n        "nickname": { "type": "string" }',
      ),
    );
    await waitFor(
      () => count("[pets] apiloom: watching") === 2,
      "the pets API rebuilt",
    );
    // give a stray notes run the time to show itself
    await new Promise((r) => setTimeout(r, 500));
  } finally {
    watch.child.kill("SIGINT");
  }
  const result = await watch.done;
  expect(result.code).toBe(0);
  expect(result.stderr).toContain(
    "[pets] apiloom: changed specs/pets.swagger.json",
  );
  expect(result.stderr).not.toMatch(/\[notes\] apiloom: changed/);
  expect(count("[notes] apiloom: watching")).toBe(1);
  expect(readFileSync(join(dir, "out/pets/types.ts"), "utf8")).toContain(
    "nickname",
  );
  // the other API's folder, lock and handlers file: the same bytes, never rewritten
  expect(snapshotTree(join(dir, "out/notes"))).toEqual(notes);
  expect(mtimes(dir, notesFiles)).toEqual(notesTimes);
});

it("--watch follows the config: an API added is watched, one removed stops", async () => {
  const dir = project();
  expect((await run(dir)).code).toBe(0);
  const configFile = join(dir, "apiloom.config.json");
  const watch = startCli(cli, ["generate", "--watch"], {
    cwd: dir,
    fake: false,
  });
  const count = (needle: string) => watch.output().split(needle).length - 1;
  try {
    await waitFor(
      () =>
        count("[pets] apiloom: watching") === 1 &&
        count("[notes] apiloom: watching") === 1,
      "both APIs watched",
    );
    const [pets, notes] = FIXTURE_CONFIG.apis;
    // notes leaves the config; a third API, notes2, joins it
    const notes2 = {
      ...notes,
      name: "notes2",
      out: "out/notes2",
      server: { handlers: "src/notes2-handlers.ts" },
    };
    writeFileSync(
      configFile,
      JSON.stringify({ ...FIXTURE_CONFIG, apis: [pets, notes2] }, null, 2),
    );
    await waitFor(
      () =>
        count("[notes2] apiloom: watching") === 1 &&
        count("[notes] apiloom: notes is no longer in the config") === 1 &&
        count("[pets] apiloom: watching") === 2,
      "notes2 watched, notes stopped",
    );
    expect(existsSync(join(dir, "out/notes2/client/index.ts"))).toBe(true);
    // the new API's spec is watched too
    const spec = join(dir, "specs/notes.postman.json");
    writeFileSync(spec, readFileSync(spec, "utf8") + "\n");
    await waitFor(
      () => count("[notes2] apiloom: changed") === 1,
      "notes2 saw its spec change",
    );
  } finally {
    watch.child.kill("SIGINT");
  }
  const result = await watch.done;
  expect(result.code).toBe(0);
  expect(result.stderr).not.toContain("--api: no API is named");
});

describe("each API's files are its own", () => {
  const [pets, notes] = FIXTURE_CONFIG.apis as [
    Record<string, unknown>,
    Record<string, unknown>,
  ];
  it.each([
    [
      "an output folder",
      { ...notes, out: "out/pets" },
      "share the output folder",
    ],
    [
      "a folder inside another's",
      { ...notes, out: "out/pets/notes" },
      "one's output folder is inside the other's",
    ],
    ["a lock", { ...notes, lock: "apiloom.pets.lock.json" }, "share the lock"],
    [
      "a handlers file",
      { ...notes, server: { handlers: "src/pets-handlers.ts" } },
      "share the handlers file",
    ],
    [
      "a handlers file in another's output",
      { ...notes, server: { handlers: "out/pets/h.ts" } },
      'the handlers file of API "notes"',
    ],
  ])(
    "two APIs sharing %s are refused, nothing written",
    async (_what, second, message) => {
      const dir = project({
        artifacts: ["client", "server"],
        apis: [pets, second],
      });
      const result = await run(dir);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        "each API's output folder, lock and handlers file must be its own",
      );
      expect(result.stderr).toContain(message);
      expect(existsSync(join(dir, "out"))).toBe(false);
      // even when --api picks one of them
      expect((await run(dir, "--api", "pets")).code).toBe(2);
    },
  );

  it("a top-level lock or out every API inherits is shared, so refused", async () => {
    const dir = project({
      out: "out",
      lock: "one.lock.json",
      apis: [
        { name: "a", inputs: ["specs/pets.swagger.json"] },
        { name: "b", inputs: ["specs/notes.postman.json"] },
      ],
    });
    const result = await run(dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('APIs "a" and "b" share the output folder');
    expect(result.stderr).toContain('APIs "a" and "b" share the lock');
  });
});

describe("an API's config: the top level's settings with the entry's over them", () => {
  it("merges objects key by key, replaces lists and values, and gives each API its own defaults", () => {
    const apis = apiConfigs({
      artifacts: ["client"],
      strict: true,
      merge: { allowExternalRefs: true, prefer: ["a"] },
      docs: { groupBy: "tag" },
      apis: [
        { name: "one", inputs: ["1.json"], merge: { prefer: ["b"] } },
        {
          name: "two",
          inputs: ["2.json"],
          artifacts: ["docs"],
          strict: false,
          out: "x",
          lock: false,
        },
      ],
    });
    expect(apis).toEqual([
      {
        name: "one",
        config: {
          artifacts: ["client"],
          strict: true,
          merge: { allowExternalRefs: true, prefer: ["b"] },
          docs: { groupBy: "tag" },
          inputs: ["1.json"],
          out: "generated/one",
          lock: "apiloom.one.lock.json",
        },
      },
      {
        name: "two",
        config: {
          artifacts: ["docs"],
          strict: false,
          merge: { allowExternalRefs: true, prefer: ["a"] },
          docs: { groupBy: "tag" },
          inputs: ["2.json"],
          out: "x",
          lock: false,
        },
      },
    ]);
    // a config without apis is one API without a name, as it is
    const single = { inputs: ["a.json"] };
    expect(apiConfigs(single)).toEqual([{ config: single }]);
  });
});

describe("the docs' multi-API example (docs/configuration.md)", () => {
  it("is a TypeScript config that resolves to two APIs with their own files", async () => {
    const { parseGenerateArgs } =
      await import("../../src/cli/generate-options.js");
    const { resolveApis } =
      await import("../../src/workflow/config/settings.js");
    const page = readFileSync(join(REPO, "docs/configuration.md"), "utf8");
    const section = page.slice(page.indexOf("## Several APIs in one project"));
    const sample = /```ts\n([\s\S]*?)```/.exec(section)![1]!;
    const dir = mkdtempSync(join(tmpdir(), "apiloom-apis-docs-"));
    dirs.push(dir);
    writeFileSync(join(dir, "package.json"), "{}\n");
    writeFileSync(join(dir, "apiloom.config.ts"), sample);
    const apis = await resolveApis(parseGenerateArgs([]), dir);
    expect(
      apis.map((a) => [
        a.api,
        a.out,
        a.lock,
        a.serverHandlers,
        a.emit.artifacts,
        a.strict,
      ]),
    ).toEqual([
      [
        "pets",
        join(dir, "src/generated/pets"),
        join(dir, "apiloom.pets.lock.json"),
        join(dir, "src/pets-handlers.ts"),
        ["types", "client", "server", "validators", "docs"],
        false,
      ],
      [
        "billing",
        join(dir, "src/generated/billing"),
        join(dir, "locks/billing.lock.json"),
        undefined,
        ["types", "client"],
        true,
      ],
    ]);
    const one = await resolveApis(parseGenerateArgs(["--api", "billing"]), dir);
    expect(one.map((a) => a.api)).toEqual(["billing"]);
  });
});
