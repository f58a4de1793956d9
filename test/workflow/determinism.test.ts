import { mkdtempSync, readdirSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  buildCli,
  makeProject,
  removeDir,
  runCli,
  snapshotTree,
} from "./harness.js";

let cli: string;
const projects: string[] = [];
const SPECS = ["pets.yaml", "store.json", "animals.yaml"];
const CONFIG = JSON.stringify({ inputs: ["specs/*"], out: "out" });

beforeAll(async () => {
  cli = await buildCli();
});
afterAll(() => {
  projects.forEach(removeDir);
  removeDir(dirname(cli));
});

async function generateIn(
  subdir: string | ((dir: string) => string),
  args: string[] | ((dir: string) => string[]),
  env: Record<string, string>,
  fake: boolean,
  config: string | undefined = CONFIG,
): Promise<Record<string, string>> {
  const dir = makeProject(SPECS, config);
  projects.push(dir);
  const run = await runCli(
    cli,
    ["generate", ...(typeof args === "function" ? args(dir) : args)],
    {
      cwd: typeof subdir === "function" ? subdir(dir) : join(dir, subdir),
      env,
      fake,
    },
  );
  expect(run.stderr).not.toContain("internal error");
  expect(run.code).toBe(0);
  const tree = snapshotTree(join(dir, "out"));
  // the manifest's fingerprint records how the run was set up (here: with a name lock or
  // without), which differs between these runs on purpose; fingerprint.test.ts covers it
  const manifest = JSON.parse(tree[".apiloom-manifest.json"]!);
  expect(JSON.stringify(manifest.fingerprint ?? {})).not.toContain(dir);
  for (const input of manifest.fingerprint?.inputs ?? [])
    expect(input).toMatch(/^\.\.\/specs\/[a-z]+\.[a-z]+$/);
  delete manifest.fingerprint;
  tree[".apiloom-manifest.json"] = JSON.stringify(manifest);
  return tree;
}

const C = { TZ: "UTC", LANG: "C", LC_ALL: "C" };
const TURKISH = {
  TZ: "Pacific/Kiritimati",
  LANG: "tr_TR.UTF-8",
  LC_ALL: "tr_TR.UTF-8",
};

describe.each([
  ["stand-in emitters", true],
  ["the real emitters", false],
])("the same inputs give byte-identical output (%s)", (_label, fake) => {
  it("whatever the input order, working folder, TZ or LANG", async () => {
    const reference = await generateIn("", [], C, fake);
    expect(Object.keys(reference).length).toBeGreaterThan(1);
    const reordered = await generateIn(
      "specs",
      ["store.json", "animals.yaml", "pets.yaml"],
      TURKISH,
      fake,
    );
    expect(reordered).toEqual(reference);
    const flagsOnly = await generateIn(
      "",
      [
        "--no-config",
        "-o",
        "out",
        "specs/pets.yaml",
        "specs/store.json",
        "specs/animals.yaml",
      ],
      TURKISH,
      fake,
    );
    expect(flagsOnly).toEqual(reference);
    // the config found from a folder reached through a link, --out named by that link's path
    const links = mkdtempSync(join(tmpdir(), "apiloom-links-"));
    projects.push(links);
    const linkedOut = await generateIn(
      (dir) => {
        symlinkSync(dir, join(links, "project"));
        return join(links, "project");
      },
      ["--out", join(links, "project/out")],
      TURKISH,
      fake,
    );
    expect(linkedOut).toEqual(reference);
  });

  it("without a config, whatever the working folder: paths are relative to the output folder's project", async () => {
    const specs = (prefix: string) => SPECS.map((s) => `${prefix}${s}`);
    const noConfig = (
      cwd: (dir: string) => string,
      args: (dir: string) => string[],
    ) => generateIn(cwd, args, C, fake, undefined);
    const fromRoot = await noConfig(
      (dir) => dir,
      () => [...specs("specs/"), "-o", "out"],
    );
    // the docs say where each endpoint came from (the stand-ins make no docs)
    if (!fake)
      expect(
        Object.values(fromRoot).filter((text) =>
          text.includes("<code>specs/pets.yaml:"),
        ),
      ).not.toEqual([]);
    const fromSpecs = await noConfig(
      (dir) => join(dir, "specs"),
      () => [...specs(""), "-o", "../out"],
    );
    expect(fromSpecs).toEqual(fromRoot);
    const elsewhere = mkdtempSync(join(tmpdir(), "apiloom-elsewhere-"));
    projects.push(elsewhere);
    const fromElsewhere = await noConfig(
      () => elsewhere,
      (dir) => [...specs(`${dir}/specs/`), "-o", join(dir, "out")],
    );
    expect(fromElsewhere).toEqual(fromRoot);
    // a shell in a folder reached through a link: $PWD names the link, Node's cwd its target
    const fromLinked = await noConfig(
      (dir) => {
        symlinkSync(dir, join(elsewhere, "linked"));
        return join(elsewhere, "linked/specs");
      },
      () => [...specs(`${elsewhere}/linked/specs/`), "-o", "../out"],
    );
    expect(fromLinked).toEqual(fromRoot);
    // the name lock is the project's too, not the working folder's
    expect(readdirSync(elsewhere)).toEqual(["linked"]);
  });
});
