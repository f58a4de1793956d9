import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PETSTORE, apiloom, expectNoCrash, outDir } from "./run.js";

/** A templates folder holding one client/endpoint.js with `text`; returns the folder. */
function templates(name: string, text: string): string {
  const dir = outDir(`templates-${name}`);
  mkdirSync(join(dir, "client"), { recursive: true });
  writeFileSync(join(dir, "client/endpoint.js"), text);
  return dir;
}

function generateWith(dir: string) {
  const out = outDir(`templates-out-${dir.split("/").pop()}`);
  const run = apiloom([
    "generate",
    "--no-config",
    "--no-lock",
    "-a",
    "client",
    "--templates",
    dir,
    "-o",
    out,
    PETSTORE,
  ]);
  return { run, out };
}

describe("a broken user template", () => {
  const cases: [string, string, RegExp][] = [
    [
      "syntax",
      "export function renderEndpoint(view) { return (; }\n",
      /does not load: SyntaxError/,
    ],
    [
      "top-level-throw",
      'throw new Error("not ready");\n',
      /does not load: Error: not ready/,
    ],
    [
      "missing-export",
      "export const contract = 1;\nexport function renderEndpoints(view) { return ''; }\n",
      /exports no `renderEndpoint`, which apiloom calls/,
    ],
    [
      "throws",
      "export const contract = 1;\nexport function renderEndpoint(view) { return view.nope.deeper; }\n",
      /threw in `renderEndpoint`: TypeError: Cannot read properties of undefined/,
    ],
    [
      "no-text",
      "export const contract = 1;\nexport function renderEndpoint(view) { view.name; }\n",
      /`renderEndpoint` returned undefined, not text/,
    ],
    [
      "no-contract",
      'export function renderEndpoint(view) { return "// " + view.name + "\\n"; }\n',
      /declares no template contract \(it exports no `contract`\), and apiloom speaks template contract 1 /,
    ],
    [
      "other-contract",
      'export const contract = 2;\nexport function renderEndpoint(view) { return "// " + view.name + "\\n"; }\n',
      /is written for template contract 2, and apiloom speaks template contract 1 /,
    ],
    [
      "contract-as-text",
      'export const contract = "1";\nexport function renderEndpoint(view) { return "// " + view.name + "\\n"; }\n',
      /is written for template contract "1", and apiloom speaks template contract 1 /,
    ],
  ];
  for (const [name, text, cause] of cases)
    it(`${name}: exit 2, the file and the cause named, no stack trace, nothing written`, () => {
      const dir = templates(name, text);
      const { run, out } = generateWith(dir);
      expectNoCrash(run);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(
        `apiloom generate: the template ${join(dir, "client/endpoint.js")}`,
      );
      expect(run.stderr).toMatch(cause);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
      expect(readdirSync(out)).toEqual([]);
    });

  it("a working user template is used", () => {
    const dir = templates(
      "working",
      'export const contract = 1;\nexport function renderEndpoint(view) { return "// custom " + view.name + "\\n"; }\n',
    );
    const { run, out } = generateWith(dir);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(out, "client/index.ts"), "utf8")).toContain(
      "// custom getPetById\n",
    );
  });
});

describe("a retired template", () => {
  it("client/runtime.js is refused, naming the file and the runtime file that replaced it", () => {
    const dir = outDir("templates-retired-runtime");
    mkdirSync(join(dir, "client"), { recursive: true });
    writeFileSync(
      join(dir, "client/runtime.js"),
      "export function renderRuntime() { return '// mine\\n'; }\n",
    );
    const { run, out } = generateWith(dir);
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(
      `apiloom generate: the template ${join(dir, "client/runtime.js")} is no longer read: client/runtime.ts is a runtime file of real TypeScript`,
    );
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(readdirSync(out)).toEqual([]);
  });
});
