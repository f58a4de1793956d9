import { cpSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { apiloom, expectNoCrash, outDir, PETSTORE } from "../cli/run.js";

// docs/plugins.md: a plugin's `description` is what `--help` lists it by; a plugin without a
// `version` is told so, not that its artifact is unknown.

const dir = outDir("plugin-help");
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const plugin = (version: string) => `export default {
  name: "notes",${version}
  description: "notes/: one line per endpoint",
  path: "notes",
  emit: ({ model }) => [
    { path: "notes/index.md", contents: model.endpoints.map((e) => e.name).join("\\n") + "\\n" },
  ],
};
`;

function project(version: string): void {
  cpSync(PETSTORE, join(dir, "pets.json"));
  writeFileSync(join(dir, "package.json"), '{ "type": "module" }\n');
  writeFileSync(join(dir, "notes.js"), plugin(version));
  writeFileSync(
    join(dir, "apiloom.config.js"),
    'import notes from "./notes.js";\nexport default { inputs: ["pets.json"], out: "out", plugins: [notes], artifacts: ["client", "notes"] };\n',
  );
}

describe("a plugin of the config", () => {
  it("is listed by --help with its description, beside apiloom's artifacts", () => {
    project('\n  version: "1.0.0",');
    const help = apiloom(["generate", "--help"], dir);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(
      /^ {2}client +client\/: a typed fetch function per endpoint/m,
    );
    expect(help.stdout).toMatch(/^ {2}notes +notes\/: one line per endpoint$/m);
  });

  it("without a version is told so, and its artifact is not called unknown", () => {
    project("");
    const run = apiloom(["generate"], dir);
    expectNoCrash(run);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /\(notes\) has no version: give definePlugin a `version`/,
    );
    expect(run.stderr).not.toMatch(/unknown artifact/);
  });
});
