import { execFile } from "node:child_process";
import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { typeCheck, writeTree } from "../client/compile.js";

const REPO = resolve(import.meta.dirname, "../..");
const TSC = resolve(REPO, "node_modules/.bin/tsc");
const run = promisify(execFile);
const read = (path: string) => readFileSync(resolve(REPO, path), "utf8");

// same-route-spec-types.ts is also part of the repo's `tsc --noEmit`; here it is compiled on
// its own, against the two declarations as they are and as they would be after a one-sided edit
describe("the route data types: one declaration in src/, the runtime's copy proven the same", () => {
  const BUILT = "src/emit/server/route-spec-types.ts";
  const RUNTIME = "templates/server/runtime.ts";
  const PROOF = "test/templates/same-route-spec-types.ts";
  // runtime.ts imports its folder's environment.ts for types only: what that names (node:http)
  // is not what this proof is about, and its project has no @types/node
  const ENVIRONMENT = "templates/server/environment.ts";
  const project = (built: string, runtime: string) =>
    typeCheck(
      writeTree(
        {
          [BUILT]: built,
          [RUNTIME]: runtime,
          [ENVIRONMENT]: "export {};\n",
          [PROOF]: read(PROOF),
        },
        "apiloom-spec-types-",
      ),
    );

  it("agree as committed", async () => {
    expect(await project(read(BUILT), read(RUNTIME))).toBe("");
  });

  it("a field changed in the runtime's copy only is a tsc error", async () => {
    const runtime = read(RUNTIME);
    const edited = runtime.replace(
      "  delimiter?: string;",
      "  delimiter?: number;",
    );
    expect(edited).not.toBe(runtime);
    expect(await project(read(BUILT), edited)).toMatch(
      /same-route-spec-types\.ts.*error TS2322/,
    );
  });

  it("readonly dropped in src/ only is a tsc error (the other direction)", async () => {
    const built = read(BUILT);
    const edited = built.replace(
      "params: readonly ParamSpec[];",
      "params: ParamSpec[];",
    );
    expect(edited).not.toBe(built);
    expect(await project(edited, read(RUNTIME))).toMatch(
      /same-route-spec-types\.ts.*error TS2322/,
    );
  });
});

describe("apiloom's own render templates", () => {
  it("each declares the contract apiloom speaks", async () => {
    const { TEMPLATE_CONTRACT } = await import("../../src/templates.js");
    for (const file of [
      "client/endpoint.js",
      "client/index.js",
      "docs/markdown.js",
      "docs/html.js",
      "docs/html-assets.js",
    ]) {
      const module = (await import(
        pathToFileURL(resolve(REPO, "templates", file)).href
      )) as { contract?: unknown };
      expect(module.contract, file).toBe(TEMPLATE_CONTRACT);
    }
  });
});

// A user's template is type-checked: a project of its own that imports the view and helper types
// from the built package (`apiloom-gen/templates`, through package.json "exports", as a user's
// project resolves it) and runs the repo's tsc over a copy of apiloom's template.
describe("a user's template, type-checked against apiloom-gen/templates", () => {
  const project = (files: Record<string, string>) => {
    const dir = writeTree(
      { "package.json": '{ "type": "module" }', ...files },
      "apiloom-user-templates-",
    );
    symlinkSync(REPO, join(dir, "node_modules/apiloom-gen"), "dir");
    writeFileSync(
      join(dir, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "es2022",
          module: "nodenext",
          moduleResolution: "nodenext",
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          allowJs: true,
          checkJs: true,
          types: [],
        },
        include: ["templates"],
      }),
    );
    return tsc(dir);
  };
  const endpoint = read("templates/client/endpoint.js");
  const markdown = read("templates/docs/markdown.js");

  it("apiloom's own templates, copied as they are, check clean", async () => {
    expect(
      await project({
        "node_modules/.keep": "",
        "templates/client/endpoint.js": endpoint,
        "templates/client/index.js": read("templates/client/index.js"),
        "templates/docs/markdown.js": markdown,
        "templates/docs/html.js": read("templates/docs/html.js"),
      }),
    ).toBe("");
  });

  it("a wrong field of the view is a tsc error", async () => {
    const edited = endpoint.replace(
      "export const ${view.name}",
      "export const ${view.nmae}",
    );
    expect(edited).not.toBe(endpoint);
    expect(
      await project({
        "node_modules/.keep": "",
        "templates/client/endpoint.js": edited,
      }),
    ).toMatch(
      /templates\/client\/endpoint\.js\(\d+,\d+\): error TS\d+: Property 'nmae' does not exist on type 'ClientEndpointView'/,
    );
  });

  it("a helper that does not exist is a tsc error", async () => {
    const edited = markdown.replace(
      "h.markdownInline(view.title)",
      "h.markdownEscape(view.title)",
    );
    expect(edited).not.toBe(markdown);
    expect(
      await project({
        "node_modules/.keep": "",
        "templates/docs/markdown.js": edited,
      }),
    ).toMatch(
      /templates\/docs\/markdown\.js\(\d+,\d+\): error TS\d+: Property 'markdownEscape' does not exist/,
    );
  });
});

/** Runs the repo's tsc on the project in `dir`; its diagnostics, "" when clean. */
async function tsc(dir: string): Promise<string> {
  try {
    await run(TSC, ["-p", join(dir, "tsconfig.json")]);
    return "";
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    return (e.stdout || "") + (e.stderr || "") || e.message;
  }
}
