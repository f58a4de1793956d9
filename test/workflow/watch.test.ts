import { spawn } from "node:child_process";
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  FIXTURES,
  buildCli,
  makeProject,
  mtimes,
  removeDir,
  runCli,
  snapshotTree,
  startCli,
  waitFor,
} from "./harness.js";

let cli: string;
let dir: string;

beforeAll(async () => {
  cli = await buildCli();
  dir = makeProject(["pets.yaml"]);
});
const extra: string[] = [];
afterAll(() => {
  extra.forEach(removeDir);
  removeDir(dir);
  removeDir(dirname(cli));
});

const count = (text: string, needle: string) => text.split(needle).length - 1;

it("--watch regenerates on spec and template changes and stops cleanly on SIGINT", async () => {
  mkdirSync(join(dir, "tpl/client"), { recursive: true });
  writeFileSync(join(dir, "tpl/client/note.txt"), "v1\n");
  const run = startCli(
    cli,
    ["generate", "specs/*", "--out", "out", "--templates", "tpl", "--watch"],
    { cwd: dir },
  );
  const watching = "apiloom: watching for changes";
  await waitFor(() => count(run.output(), watching) === 1, "the first run");
  expect(run.output()).toMatch(/4 endpoints → out\/: \d+ written/);

  cpSync(join(FIXTURES, "store.json"), join(dir, "specs/store.json"));
  await waitFor(
    () => count(run.output(), watching) === 2,
    "a run after the spec change",
  );
  expect(run.output()).toContain("apiloom: changed specs/store.json");
  expect(existsSync(join(dir, "out/client/endpoints/getInventory.ts"))).toBe(
    true,
  );

  writeFileSync(join(dir, "tpl/client/note.txt"), "v2\n");
  await waitFor(
    () => count(run.output(), watching) === 3,
    "a run after the template change",
  );
  expect(run.output()).toContain("apiloom: changed tpl/client/note.txt");
  expect(run.output()).toMatch(/→ out\/: 0 written, \d+ unchanged, 0 removed/);

  run.child.kill("SIGINT");
  const result = await run.done;
  expect(result.code).toBe(0);
  expect(result.stderr).toContain("apiloom: stopped watching");
  // the lock and the output were written by the runs, and never set the watcher off again
  expect(count(run.output(), "apiloom: changed")).toBe(2);
});

it("--watch watches the folder a backslashed glob names, as generate reads it", async () => {
  const project = makeProject(["pets.yaml"]);
  extra.push(project);
  // `specs\\*` is `specs/*` to generate (a Windows user's config); the watcher watched the
  // project folder and matched nothing below it
  const run = startCli(
    cli,
    ["generate", "specs\\*", "--out", "out", "--watch"],
    {
      cwd: project,
    },
  );
  const watching = "apiloom: watching for changes";
  await waitFor(() => count(run.output(), watching) === 1, "the first run");
  cpSync(join(FIXTURES, "store.json"), join(project, "specs/store.json"));
  await waitFor(
    () => count(run.output(), watching) === 2,
    "a run after a file joined the glob",
  );
  expect(run.output()).toContain("apiloom: changed specs/store.json");
  expect(
    existsSync(join(project, "out/client/endpoints/getInventory.ts")),
  ).toBe(true);
  run.child.kill("SIGINT");
  expect((await run.done).code).toBe(0);
});

it("--watch follows the config: new inputs are read and then watched", async () => {
  const project = makeProject(
    ["pets.yaml"],
    JSON.stringify({ inputs: ["specs/pets.yaml"], out: "out" }),
  );
  extra.push(project);
  mkdirSync(join(project, "more"));
  cpSync(join(FIXTURES, "store.json"), join(project, "more/store.json"));
  const run = startCli(cli, ["generate", "--watch"], { cwd: project });
  const watching = "apiloom: watching for changes";
  await waitFor(() => count(run.output(), watching) === 1, "the first run");
  expect(
    existsSync(join(project, "out/client/endpoints/getInventory.ts")),
  ).toBe(false);

  writeFileSync(
    join(project, "apiloom.config.json"),
    JSON.stringify({ inputs: ["specs/pets.yaml", "more/*.json"], out: "out" }),
  );
  await waitFor(
    () => count(run.output(), watching) === 2,
    "a run after the config change",
  );
  expect(run.output()).toContain("apiloom: changed apiloom.config.json");
  expect(
    existsSync(join(project, "out/client/endpoints/getInventory.ts")),
  ).toBe(true);

  const store = join(project, "more/store.json");
  writeFileSync(
    store,
    readFileSync(store, "utf8").replace("/store/inventory", "/store/stock"),
  );
  await waitFor(
    () => count(run.output(), watching) === 3,
    "a run after the new input changed",
  );
  expect(run.output()).toContain("apiloom: changed more/store.json");
  expect(
    readFileSync(join(project, "out/client/endpoints/getInventory.ts"), "utf8"),
  ).toContain('path: "/store/stock"');

  run.child.kill("SIGINT");
  expect((await run.done).code).toBe(0);
});

it("--watch with the real stages re-reads and re-parses only the changed spec, writes only changed files, and makes what a one-shot run makes", async () => {
  const project = makeProject(
    ["pets.yaml", "store.json", "animals.yaml"],
    JSON.stringify({ inputs: ["specs/*"], out: "out" }),
  );
  extra.push(project);
  const run = startCli(cli, ["generate", "--watch"], {
    cwd: project,
    fake: false,
  });
  const watching = "apiloom: watching for changes";
  await waitFor(() => count(run.output(), watching) === 1, "the first run");
  expect(run.output()).toMatch(
    /apiloom: built in \d+\.\d+ s: 3 files read, 0 unchanged; 3 parsed, 0 from the cache/,
  );
  const files = Object.keys(snapshotTree(join(project, "out")));
  const before = mtimes(join(project, "out"), files);

  const store = join(project, "specs/store.json");
  writeFileSync(
    store,
    readFileSync(store, "utf8").replace("/store/inventory", "/store/stock"),
  );
  await waitFor(
    () => count(run.output(), watching) === 2,
    "a run after the spec change",
  );
  const second = run
    .output()
    .slice(run.output().lastIndexOf("apiloom: changed"));
  expect(second).toMatch(
    /apiloom: rebuilt in \d+\.\d+ s: 1 file read, 2 unchanged; 1 parsed, 2 from the cache/,
  );
  // the path is in the client, the server's routes and contracts, the docs and openapi.json;
  // the runtime files and the other docs pages stay as they were
  const written = Number(/→ out\/: (\d+) written/.exec(second)?.[1]);
  expect(written).toBeGreaterThan(0);
  expect(written).toBeLessThan(files.length - 1);
  const after = mtimes(join(project, "out"), files);
  const touched = files.filter((_, i) => after[i] !== before[i]);
  expect(touched).toContain("openapi.json");
  expect(touched).not.toContain("server/runtime.ts");
  expect(touched.length).toBe(written + 1); // and the manifest

  run.child.kill("SIGINT");
  expect((await run.done).code).toBe(0);

  // the oracle: a one-shot run of the same project in a fresh copy makes the same files
  const fresh = makeProject(
    [],
    JSON.stringify({ inputs: ["specs/*"], out: "out" }),
  );
  extra.push(fresh);
  cpSync(join(project, "specs"), join(fresh, "specs"), { recursive: true });
  const once = await runCli(cli, ["generate"], { cwd: fresh, fake: false });
  expect(once.code).toBe(0);
  // (but for the fingerprint: the watch's last run read the lock its previous run left; and for
  // the docs' changelog page, which tells what changed since the folder's last run: the watched
  // folder had one, the fresh copy none)
  const withoutFingerprint = (dir: string) => {
    const tree = snapshotTree(join(dir, "out"));
    const manifest = JSON.parse(tree[".apiloom-manifest.json"]!);
    delete manifest.fingerprint;
    delete manifest.files["docs/changes.md"];
    delete tree["docs/changes.md"];
    tree[".apiloom-manifest.json"] = JSON.stringify(manifest);
    return tree;
  };
  expect(withoutFingerprint(fresh)).toEqual(withoutFingerprint(project));
});

it("--watch rebuilds for the files that matter only: not for its own log beside the input, nor a stray file; yes for a $ref'd file elsewhere and a new file an input glob matches", async () => {
  const project = mkdtempSync(join(tmpdir(), "apiloom-watch-"));
  extra.push(project);
  writeFileSync(join(project, "package.json"), "{}\n");
  writeFileSync(
    join(project, "apiloom.config.yaml"),
    'inputs: [api.yaml, "more/*.yaml"]\nout: gen\nserver: { handlers: src/handlers.ts }\n',
  );
  mkdirSync(join(project, "shared"));
  writeFileSync(
    join(project, "shared/owner.json"),
    JSON.stringify({
      type: "object",
      properties: { name: { type: "string" } },
    }),
  );
  writeFileSync(
    join(project, "api.yaml"),
    `openapi: 3.0.3
info: { title: Owners, version: 1.0.0 }
paths:
  /owners:
    get:
      operationId: listOwners
      responses:
        "200":
          description: the owners
          content:
            application/json:
              schema:
                $ref: "./shared/owner.json"
`,
  );
  mkdirSync(join(project, "more"));
  cpSync(join(FIXTURES, "pets.yaml"), join(project, "more/pets.yaml"));
  // the QA's command: `apiloom generate --watch > watch.log 2>&1`, the log beside the input
  const logFile = join(project, "watch.log");
  const log = openSync(logFile, "a");
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  delete env.APILOOM_TEST_FAKE_STAGES; // the real stages
  const child = spawn(process.execPath, [cli, "generate", "--watch"], {
    cwd: project,
    env,
    stdio: ["ignore", log, log],
  });
  closeSync(log);
  const done = new Promise<number | null>((r) => child.on("close", r));
  const output = () => readFileSync(logFile, "utf8");
  const watching = "apiloom: watching for changes";
  try {
    await waitFor(() => count(output(), watching) === 1, "the first run");
    expect(output()).toMatch(/5 endpoints → gen\/: \d+ written/);
    // an editor's temp file and a note beside the input, a file the glob does not match
    writeFileSync(join(project, "api.yaml.tmp-1234"), "half a save\n");
    writeFileSync(join(project, "NOTES.md"), "mine\n");
    writeFileSync(join(project, "more/readme.txt"), "mine\n");
    await new Promise((r) => setTimeout(r, 1500));
    expect(output()).not.toContain("apiloom: changed");
    expect(count(output(), watching)).toBe(1);

    const owner = join(project, "shared/owner.json");
    writeFileSync(
      owner,
      readFileSync(owner, "utf8").replace('"name"', '"nickname"'),
    );
    await waitFor(
      () => count(output(), watching) === 2,
      "a run after the $ref'd file changed",
    );
    expect(output()).toContain("apiloom: changed shared/owner.json");
    expect(readFileSync(join(project, "gen/types.ts"), "utf8")).toContain(
      "nickname",
    );

    cpSync(join(FIXTURES, "animals.yaml"), join(project, "more/animals.yaml"));
    await waitFor(
      () => count(output(), watching) === 3,
      "a run after a new input matched the glob",
    );
    expect(output()).toContain("apiloom: changed more/animals.yaml");
    await new Promise((r) => setTimeout(r, 1000));
    expect(count(output(), "apiloom: changed")).toBe(2);

    // the handlers file (its folder made by the first run) is the user's: an edit is seen
    const handlers = join(project, "src/handlers.ts");
    writeFileSync(handlers, readFileSync(handlers, "utf8") + "// mine\n");
    await waitFor(
      () => count(output(), watching) === 4,
      "a run after the handlers file changed",
    );
    expect(output()).toContain("apiloom: changed src/handlers.ts");
    expect(count(output(), "apiloom: changed")).toBe(3);
  } finally {
    child.kill("SIGINT");
  }
  expect(await done).toBe(0);
});

it("--watch started on an up-to-date folder rebuilds for a $ref'd file in another folder", async () => {
  // the first run is skipped (nothing changed): it read no file, so the watch took its list of
  // files reached through $ref from the manifest's record of the run before it, not from the
  // run (held-out incremental hunt: the edit was never seen and --check failed after)
  const project = mkdtempSync(join(tmpdir(), "apiloom-watch-skipped-"));
  extra.push(project);
  writeFileSync(join(project, "package.json"), "{}\n");
  writeFileSync(
    join(project, "apiloom.config.json"),
    '{ "inputs": ["specs/*.json"], "out": "gen" }\n',
  );
  mkdirSync(join(project, "specs/parts"), { recursive: true });
  const owner = join(project, "specs/parts/owner.json");
  writeFileSync(owner, '{ "properties": { "name": { "type": "string" } } }');
  const ok = { description: "ok", content: { "application/json": {} } };
  writeFileSync(
    join(project, "specs/api.json"),
    JSON.stringify({
      openapi: "3.0.3",
      info: { title: "Owners", version: "1" },
      paths: {
        "/owners": {
          get: {
            responses: {
              "200": {
                ...ok,
                content: {
                  "application/json": { schema: { $ref: "parts/owner.json" } },
                },
              },
            },
          },
        },
      },
    }),
  );
  const opts = { cwd: project, fake: false };
  expect((await runCli(cli, ["generate", "-q"], opts)).code).toBe(0);
  const run = startCli(cli, ["generate", "--watch"], opts);
  try {
    await waitFor(() => run.output().includes("watching for"), "the watch");
    expect(run.output()).toContain("nothing changed since the last run");
    writeFileSync(owner, readFileSync(owner, "utf8").replace("name", "nick"));
    await waitFor(
      () => count(run.output(), "watching for") === 2,
      `a run after the $ref'd file changed:\n${run.output()}`,
    );
    expect(run.output()).toContain("apiloom: changed specs/parts/owner.json");
    expect(readFileSync(join(project, "gen/types.ts"), "utf8")).toContain(
      "nick",
    );
  } finally {
    run.child.kill("SIGINT");
  }
  expect((await run.done).code).toBe(0);
});
