import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, apiloom, expectNoCrash, outDir } from "./cli.js";

/**
 * Issue 41 item 7: the output folders, the handlers file and the name lock are compared by real
 * path. Each refusal below has a plain-path form that was already refused (test/cli/flag-values,
 * test/workflow/several-apis); here a symbolic link hides the clash, and the run must still end
 * with exit 2 and nothing written.
 */
const TWO_APIS = join(REPO, "test/fixtures/two-apis");
const PETSTORE = join(REPO, "test/fixtures/pet-store-cli/pets.swagger.json");

/** A copy of the two-API project with `apis` as its config's list. */
function twoApis(name: string, apis: Record<string, unknown>[]): string {
  const dir = outDir(`real-paths-${name}`);
  cpSync(join(TWO_APIS, "specs"), join(dir, "specs"), { recursive: true });
  writeFileSync(join(dir, "package.json"), "{}\n");
  writeFileSync(
    join(dir, "apiloom.config.json"),
    JSON.stringify({ artifacts: ["client", "server"], apis }, null, 2),
  );
  return dir;
}

const pets = {
  name: "pets",
  inputs: ["specs/pets.swagger.json"],
  out: "out/pets",
};
const notes = {
  name: "notes",
  inputs: ["specs/notes.postman.json"],
  out: "out/notes",
};

function expectRefused(run: ReturnType<typeof apiloom>, message: RegExp) {
  expectNoCrash(run);
  expect(run.code, run.stderr).toBe(2);
  expect(run.stderr).toMatch(message);
}

describe("output folders compared by real path", () => {
  it("an API's out inside another API's out through a link is refused", () => {
    const dir = twoApis("nested-out", [
      pets,
      { ...notes, out: "pets-link/notes" },
    ]);
    mkdirSync(join(dir, "out/pets"), { recursive: true });
    // pets-link/notes does not exist yet: its parent is the link, so it would be made in out/pets/
    symlinkSync(join(dir, "out/pets"), join(dir, "pets-link"));
    const run = apiloom(["generate"], dir);
    expectRefused(run, /one's output folder is inside the other's/);
    expect(existsSync(join(dir, "out/pets/notes"))).toBe(false);
    expect(existsSync(join(dir, "out/pets/client"))).toBe(false);
  });

  it("two APIs whose outs are one folder through a link are refused", () => {
    const dir = twoApis("same-out", [pets, { ...notes, out: "notes-out" }]);
    mkdirSync(join(dir, "out/pets"), { recursive: true });
    symlinkSync(join(dir, "out/pets"), join(dir, "notes-out"));
    const run = apiloom(["generate"], dir);
    expectRefused(run, /share the output folder/);
    expect(existsSync(join(dir, "out/pets/client"))).toBe(false);
  });

  it("one API's lock inside another's out through a link is refused", () => {
    const dir = twoApis("lock-in-other", [
      pets,
      { ...notes, lock: "locks/notes.lock.json" },
    ]);
    mkdirSync(join(dir, "out/pets"), { recursive: true });
    symlinkSync(join(dir, "out/pets"), join(dir, "locks"));
    const run = apiloom(["generate"], dir);
    expectRefused(
      run,
      /the lock of API "notes", .*locks\/notes\.lock\.json, is inside the output folder of API "pets"/,
    );
    expect(existsSync(join(dir, "out/pets/notes.lock.json"))).toBe(false);
  });
});

describe("the handlers file compared by real path", () => {
  it("a handlers file whose folder is a link into --out is refused, nothing created", () => {
    const dir = outDir("real-paths-handlers");
    const out = join(dir, "gen");
    mkdirSync(join(out, "server"), { recursive: true });
    symlinkSync(join(out, "server"), join(dir, "src"));
    const run = apiloom(
      [
        "generate",
        "--no-config",
        "--no-lock",
        "-a",
        "server",
        "-o",
        out,
        "--server-handlers",
        join(dir, "src/handlers.ts"),
        PETSTORE,
      ],
      dir,
    );
    expectRefused(
      run,
      /--server-handlers: .*src\/handlers\.ts is inside the output folder .*gen, which apiloom owns/,
    );
    expect(existsSync(join(out, "server/handlers.ts"))).toBe(false);
    expect(existsSync(join(out, "server/index.ts"))).toBe(false);
  });

  it("a handlers file that is a dangling link into --out is refused", () => {
    const dir = outDir("real-paths-handlers-link");
    const out = join(dir, "gen");
    mkdirSync(join(dir, "src"));
    symlinkSync(join(out, "server/handlers.ts"), join(dir, "src/handlers.ts"));
    const run = apiloom(
      [
        "generate",
        "--no-config",
        "--no-lock",
        "-a",
        "server",
        "-o",
        out,
        "--server-handlers",
        "src/handlers.ts",
        PETSTORE,
      ],
      dir,
    );
    expectRefused(run, /--server-handlers: .* is inside the output folder/);
    expect(existsSync(out)).toBe(false);
  });
});

describe("the name lock never lands on a path apiloom generates", () => {
  const generate = (dir: string, lock: string) =>
    apiloom(
      [
        "generate",
        "--no-config",
        "-a",
        "client,openapi",
        "-o",
        "gen",
        "--lock",
        lock,
        PETSTORE,
      ],
      dir,
    );

  it("--lock naming a generated file is refused, nothing written", () => {
    const dir = outDir("real-paths-lock-plain");
    const run = generate(dir, "gen/openapi.json");
    expectRefused(
      run,
      /the name lock .*gen\/openapi\.json is openapi\.json of the output folder .*gen, which apiloom generates/,
    );
    expect(existsSync(join(dir, "gen"))).toBe(false);
  });

  it("--lock reaching a generated file through a linked folder is refused, the output kept", () => {
    const dir = outDir("real-paths-lock-link");
    // before the first run the link dangles: the lock would be created through it, in gen/
    symlinkSync(join(dir, "gen"), join(dir, "locks"));
    for (const lock of ["locks/openapi.json", "locks/client/index.ts"])
      expectRefused(
        generate(dir, lock),
        /the name lock .*locks\/.* \(really .*gen\/.*\) is .* of the output folder .*gen, which apiloom generates; keep the lock outside/,
      );
    expect(existsSync(join(dir, "gen"))).toBe(false);
    expect(
      apiloom(
        [
          "generate",
          "--no-config",
          "--no-lock",
          "-a",
          "client,openapi",
          "-o",
          "gen",
          PETSTORE,
        ],
        dir,
      ).code,
    ).toBe(0);
    const before = readFileSync(join(dir, "gen/openapi.json"));
    for (const lock of [
      "locks/openapi.json",
      "locks/client",
      "locks/.apiloom-manifest.json",
      "locks",
    ]) {
      const run = generate(dir, lock);
      // a generated file that exists is refused as it is read (it is no lock); else by place
      expectRefused(
        run,
        /which apiloom generates; keep the lock outside|is not an apiloom name lock|is a folder/,
      );
      expect(readFileSync(join(dir, "gen/openapi.json"))).toEqual(before);
    }
  });

  it("apis[].lock at another path apiloom generates, through a link, is refused", () => {
    const dir = twoApis("lock-generated", [
      { ...pets, lock: "pets-out/client/index.ts" },
    ]);
    mkdirSync(join(dir, "out/pets"), { recursive: true });
    symlinkSync(join(dir, "out/pets"), join(dir, "pets-out"));
    const run = apiloom(["generate"], dir);
    expectRefused(run, /which apiloom generates/);
    expect(existsSync(join(dir, "out/pets/client"))).toBe(false);
  });

  it("a lock elsewhere in the output folder, or beside it, is still written", () => {
    const dir = outDir("real-paths-lock-beside");
    const run = generate(dir, "gen/names.lock.json");
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(dir, "gen/names.lock.json"), "utf8")).toContain(
      '"lockfileVersion": 1',
    );
  });
});
