import { execFileSync } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, type GenerateOptions } from "../../src/generate.js";
import {
  apiloomAsync,
  documentRoute,
  startApiloom,
  TestServer,
} from "./url-server.js";

// Every kind of input (a file, a glob, a URL on 127.0.0.1, an overlay, a remote $ref) through
// every command that reads inputs: generate, generate --check, generate --watch, inspect, diff (as
// the old side and as the new one), diff --base and overlay (as either document: it reads one document each, as
// written, so a kind that is one document: a file, a glob, a URL). Each command resolves its
// inputs in one place (src/workflow/sources/resolve-inputs.ts), so each kind reads the same everywhere.

const spec = (op: string, path: string) => `openapi: 3.0.3
info: { title: T, version: "1" }
paths:
  ${path}:
    get:
      operationId: ${op}
      responses:
        "200": { description: ok }
`;

const server = new TestServer();
let dir: string;

/** Each kind: its inputs, its flags, and the endpoint only it brings. */
const KINDS: Record<
  string,
  () => {
    inputs: string[];
    flags: string[];
    marker: string;
    /** The flags as the programmatic generate()'s options. */
    options?: GenerateOptions;
    /** The path only its document has, when the kind is one document (`apiloom overlay`'s). */
    path?: string;
  }
> = {
  file: () => ({
    inputs: ["specs/file.yaml"],
    flags: [],
    marker: "fromFile",
    path: "/file",
  }),
  glob: () => ({
    inputs: ["specs/glob/*.yaml"],
    flags: [],
    marker: "fromGlob",
    path: "/glob",
  }),
  url: () => ({
    inputs: [server.url("/remote.yaml")],
    flags: [],
    marker: "fromUrl",
    path: "/url",
  }),
  // the overlay extends base.yaml alone: laid over it on whichever side reads it
  overlay: () => ({
    inputs: ["specs/base.yaml"],
    flags: ["--overlay", "overlays/add.yaml"],
    marker: "fromOverlay",
    options: { overlays: ["overlays/add.yaml"] },
  }),
  "remote $ref": () => ({
    inputs: ["specs/ref.yaml"],
    flags: ["--allow-external-refs"],
    marker: "fromRef",
    options: { merge: { allowExternalRefs: true } },
  }),
};

beforeAll(async () => {
  await server.start();
  dir = mkdtempSync(join(tmpdir(), "apiloom-every-command-"));
  writeFileSync(join(dir, "package.json"), '{ "name": "p" }\n');
  mkdirSync(join(dir, "node_modules"));
  mkdirSync(join(dir, "specs/glob"), { recursive: true });
  mkdirSync(join(dir, "overlays"));
  writeFileSync(join(dir, "specs/base.yaml"), spec("ping", "/ping"));
  writeFileSync(join(dir, "specs/other.yaml"), spec("other", "/other"));
  writeFileSync(join(dir, "specs/file.yaml"), spec("fromFile", "/file"));
  writeFileSync(join(dir, "specs/glob/a.yaml"), spec("fromGlob", "/glob"));
  server.routes.set(
    "/remote.yaml",
    documentRoute({ body: spec("fromUrl", "/url"), type: "application/yaml" }),
  );
  server.routes.set(
    "/paths.yaml",
    documentRoute({
      body: 'get: { operationId: fromRef, responses: { "200": { description: ok } } }\n',
      type: "application/yaml",
    }),
  );
  writeFileSync(
    join(dir, "specs/ref.yaml"),
    `openapi: 3.0.3
info: { title: T, version: "1" }
paths:
  /ref: { $ref: "${server.url("/paths.yaml")}" }
`,
  );
  writeFileSync(
    join(dir, "overlays/add.yaml"),
    `overlay: 1.0.0
info: { title: add, version: "1" }
extends: ../specs/base.yaml
actions:
  - target: $.paths
    update:
      /overlaid:
        get:
          operationId: fromOverlay
          responses: { "200": { description: ok } }
`,
  );
});

afterAll(async () => {
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

const run = (args: string[]) => apiloomAsync(args, dir);

describe.each(Object.keys(KINDS))("an input of kind %s", (kind) => {
  it("the programmatic generate() reads it", async () => {
    const { inputs, marker, options } = KINDS[kind]!();
    const { model, diagnostics } = await generate(inputs, {
      ...options,
      cwd: dir,
      artifacts: ["types"],
    });
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(model.endpoints.map((e) => e.name)).toContain(marker);
  });

  it("generate, --check, inspect and diff (both sides) read it", async () => {
    const { inputs, flags, marker } = KINDS[kind]!();
    const args = [...inputs, ...flags];
    const out = `out-${kind.replace(/\W/g, "")}`;
    // each kind is another API: a lock of its own (the project's would refuse a second folder)
    const lock = ["--lock", `${out}.lock.json`];
    const generate = [
      "generate",
      ...args,
      "--out",
      out,
      ...lock,
      "-a",
      "types",
    ];
    const generated = await run(generate);
    expect(generated.stderr).not.toMatch(/error input\//);
    expect(generated.code).toBe(0);
    expect(readFileSync(join(dir, out, "types.ts"), "utf8")).toMatch(
      new RegExp(marker, "i"),
    );
    const check = await run([...generate, "--check"]);
    expect(check.code).toBe(0);

    const inspect = await run(["inspect", ...args, "--json"]);
    expect(inspect.stderr).toBe("");
    const names = (
      JSON.parse(inspect.stdout) as { endpoints: { name: string }[] }
    ).endpoints.map((e) => e.name);
    expect(names).toContain(marker);
    expect(inspect.code).toBe(0);

    // the kind as the new side, then as the old one: its endpoint added, then removed
    for (const [before, after] of [
      [["specs/other.yaml"], inputs],
      [inputs, ["specs/other.yaml"]],
    ]) {
      const diff = await run([
        "diff",
        ...before!,
        "--to",
        ...after!,
        ...flags,
        "--format",
        "json",
      ]);
      expect(diff.stderr).not.toMatch(/input\//);
      expect(diff.code).toBe(0);
      expect(diff.stdout).toContain(marker);
    }
    // a change found in a URL input is placed at its URL, as it was given
    if (kind === "url") {
      const text = await run(["diff", "specs/other.yaml", "--to", ...inputs]);
      expect(text.stdout).toMatch(new RegExp(`^${inputs[0]}:\\d+:\\d+: `, "m"));
    }
  });

  it.runIf(KINDS[kind]!().path)(
    "overlay reads it as the edited document and as the original",
    async () => {
      const { inputs, path } = KINDS[kind]!();
      for (const [original, edited] of [
        ["specs/other.yaml", inputs[0]!],
        [inputs[0]!, "specs/other.yaml"],
      ]) {
        const overlay = await run(["overlay", original!, edited!]);
        expect(overlay.stderr).toBe("");
        expect(overlay.code).toBe(0);
        // its path added (a `paths` update), or removed (a target naming it)
        expect(overlay.stdout).toContain(path);
        expect(overlay.stdout).toContain(
          `extends: ${original === inputs[0] && kind === "url" ? server.url("/remote.yaml") : original}`,
        );
      }
    },
  );
});

/** A copy of the project with this config, in a folder of its own. */
function copyOf(name: string, config: object): string {
  const copy = mkdtempSync(join(tmpdir(), `apiloom-every-${name}-`));
  execFileSync("cp", ["-r", `${dir}/.`, copy]);
  writeFileSync(join(copy, "apiloom.config.json"), JSON.stringify(config));
  return copy;
}

/** A config that lists every kind of input at once. */
const EVERY_KIND = () => ({
  inputs: [
    "specs/file.yaml",
    "specs/glob/*.yaml",
    server.url("/remote.yaml"),
    "specs/ref.yaml",
    "specs/base.yaml",
  ],
  overlays: ["overlays/add.yaml"],
  merge: { allowExternalRefs: true },
});

it("diff --base reads every kind at the revision, and the URLs as they are now", async () => {
  const repo = copyOf("base", EVERY_KIND());
  try {
    rmSync(join(repo, "node_modules/.cache"), { recursive: true, force: true });
    const git = (...args: string[]) =>
      execFileSync("git", args, { cwd: repo, stdio: "pipe" });
    git("init", "-q");
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "one");
    writeFileSync(
      join(repo, "specs/glob/a.yaml"),
      spec("fromGlob", "/glob").replace("/glob", "/glob/moved"),
    );
    const diff = await apiloomAsync(
      ["diff", "--base", "HEAD", "--format", "json"],
      repo,
    );
    expect(diff.stderr).toBe("");
    expect(diff.code).toBe(0);
    const report = diff.stdout;
    expect(report).toContain("/glob/moved");
    for (const same of ["fromFile", "fromUrl", "fromRef", "fromOverlay"])
      expect(report).not.toContain(same);
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});

it("--watch started on up-to-date output follows an overlay from the start", async () => {
  const project = copyOf("watch", {
    inputs: ["specs/base.yaml"],
    overlays: ["overlays/add.yaml"],
    artifacts: ["types"],
  });
  try {
    // the first run writes the lock, which the second reads: the third finds nothing changed
    for (const _ of [1, 2])
      expect((await apiloomAsync(["generate"], project)).code).toBe(0);
    const watch = startApiloom(["generate", "--watch"], project);
    try {
      await watch.until(
        (o) => o.includes("watching for changes"),
        "the watch to start",
      );
      expect(watch.output()).toContain("up to date");
      const overlay = join(project, "overlays/add.yaml");
      writeFileSync(
        overlay,
        readFileSync(overlay, "utf8")
          .replace("/overlaid", "/moved")
          .replace("fromOverlay", "movedOverlay"),
      );
      await watch.until(
        (o) => o.includes("changed overlays/add.yaml"),
        "the overlay's change",
      );
      await watch.until(
        (o) => o.split("watching for changes").length === 3,
        "the run after it",
      );
      expect(readFileSync(join(project, "generated/types.ts"), "utf8")).toMatch(
        /movedOverlay/i,
      );
    } finally {
      await watch.stop();
    }
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});

it("--watch reads every kind from its first run, and rebuilds when one changes", async () => {
  const project = copyOf("watch-all", {
    ...EVERY_KIND(),
    artifacts: ["types"],
  });
  try {
    const types = () =>
      readFileSync(join(project, "generated/types.ts"), "utf8");
    const watch = startApiloom(["generate", "--watch"], project);
    try {
      await watch.until(
        (o) => o.includes("watching for changes"),
        "the watch to start",
      );
      expect(watch.output()).not.toMatch(/error input\//);
      for (const marker of Object.keys(KINDS).map((k) => KINDS[k]!().marker))
        expect(types()).toMatch(new RegExp(marker, "i"));
      writeFileSync(
        join(project, "specs/glob/a.yaml"),
        spec("movedGlob", "/glob/moved"),
      );
      await watch.until(
        (o) => o.split("watching for changes").length === 3,
        "the run after the glob's file changed",
      );
      expect(types()).toMatch(/movedGlob/i);
      expect(types()).toMatch(/fromUrl/i);
    } finally {
      await watch.stop();
    }
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
});
