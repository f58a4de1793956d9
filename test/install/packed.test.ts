import { execFile, spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { installByReadme } from "./readme-route.js";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../cli/run.js";

// What a new user does, on the tarball `npm pack` makes: an empty project installs it (its
// dependencies come from the npm registry, through npm's cache when it has them), `npx apiloom
// init` finds the spec and writes the config and the npm script, `npm run generate:api` writes the
// client, the repo's tsc compiles it with a program that calls it under strict, and the program
// runs against a server on 127.0.0.1.

const SPEC = `openapi: 3.0.3
info: { title: Pets, version: "1.0" }
servers: [{ url: "https://pets.example.test" }]
paths:
  /pets/{id}:
    get:
      operationId: getPet
      parameters: [{ name: id, in: path, required: true, schema: { type: integer } }]
      responses:
        "200":
          description: the pet
          content:
            application/json:
              schema: { $ref: "#/components/schemas/Pet" }
components:
  schemas:
    Pet:
      type: object
      required: [id, name]
      properties: { id: { type: integer }, name: { type: string } }
`;

const MAIN = `import { getPet } from "./api/client/index.js";

const result = await getPet({ path: { id: 7 } }, { baseUrl: process.env.BASE_URL! });
if (!result.ok) throw new Error("status " + result.status);
const name: string = result.data.name;
console.log(JSON.stringify({ id: result.data.id, name }));
`;

const TSC = join(REPO, "node_modules/typescript/bin/tsc");
let dir: string;
let project: string;
let tarball: string;

function run(cmd: string, args: string[], cwd = project) {
  const result = spawnSync(cmd, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", APILOOM_PACK_NO_BUILD: "1" },
  });
  return {
    code: result.status,
    out: `${result.stdout}${result.stderr}`,
    stdout: result.stdout,
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "apiloom-packed-"));
  project = join(dir, "my-project");
  mkdirSync(join(project, "spec"), { recursive: true });
  mkdirSync(join(project, "src"));
  writeFileSync(
    join(project, "package.json"),
    '{\n  "name": "app",\n  "private": true,\n  "type": "module"\n}\n',
  );
  writeFileSync(join(project, "spec/pets.yaml"), SPEC);
  writeFileSync(join(project, "src/main.ts"), MAIN);
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "es2022",
        module: "nodenext",
        moduleResolution: "nodenext",
        strict: true,
        lib: ["es2022", "dom"],
        // a Node project has @types/node (the server stubs use node:http): the repo's
        typeRoots: [join(REPO, "node_modules/@types")],
        types: ["node"],
        outDir: "build",
        rootDir: "src",
        skipLibCheck: true,
      },
      include: ["src"],
    }),
  );
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the packed tarball, installed into an empty project", () => {
  it("packs without the repository's dev-only fields, by the README's route", () => {
    // npm pack runs in a copy of what the tarball holds, not in the repository: its prepack
    // rewrites package.json for a moment, and other test files read the repository's; the
    // README's `npm i -D ../apiloom/apiloom-gen-<version>.tgz` installs it into the project
    tarball = installByReadme(dir);
    expect(basename(tarball)).toMatch(/^apiloom-gen-\d+\.\d+\.\d+\.tgz$/);
    const stage = join(dir, "apiloom");
    const manifest = JSON.parse(
      run("tar", ["-xOzf", tarball, "package/package.json"], dir).stdout,
    ) as Record<string, unknown>;
    expect(manifest.name).toBe("apiloom-gen");
    expect(manifest.bin).toEqual({ apiloom: "bin/apiloom.js" });
    for (const key of [
      "scripts",
      "devDependencies",
      "workspaces",
      "overrides",
      "allowScripts",
    ])
      expect(manifest, key).not.toHaveProperty(key);
    // the manifest is back as it was, byte for byte
    expect(readFileSync(join(stage, "package.json"), "utf8")).toBe(
      readFileSync(join(REPO, "package.json"), "utf8"),
    );
    const listing = run("tar", ["-tzf", tarball], dir).stdout;
    expect(listing).toMatch(/^package\/dist\/cli\/main\.js$/m);
    expect(listing).not.toMatch(/\.test\.(js|ts)$|^package\/src\//m);
  }, 300_000); // npm run pack:user installs the build's tools and builds: ~30 s, far more under load

  it("inits, generates, compiles under strict and calls a server", async () => {
    expect(tarball, "the pack step failed").toBeDefined();
    const init = run("npx", ["--no", "apiloom", "init"]);
    expect(init.code, init.out).toBe(0);
    expect(init.stdout).toMatch(/spec\/pets\.yaml \(openapi3\.0\)/);
    expect(init.stdout).toMatch(/^next: npm run generate:api$/m);
    const manifest = JSON.parse(
      readFileSync(join(project, "package.json"), "utf8"),
    );
    expect(manifest.scripts).toEqual({ "generate:api": "apiloom generate" });
    expect(manifest.devDependencies["apiloom-gen"]).toBe(
      `file:../apiloom/${basename(tarball)}`,
    );

    const generate = run("npm", ["run", "--silent", "generate:api"]);
    expect(generate.code, generate.out).toBe(0);
    expect(generate.out).toMatch(/1 endpoint → src\/api\//);

    const tsc = run(process.execPath, [TSC, "-p", "."]);
    expect(tsc.code, tsc.out).toBe(0);

    const server: Server = createServer((req, res) => {
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({ id: Number(req.url!.split("/").pop()), name: "Rex" }),
      );
    });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const { port } = server.address() as AddressInfo;
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [join(project, "build/main.js")],
        { env: { ...process.env, BASE_URL: `http://127.0.0.1:${port}` } },
      );
      expect(JSON.parse(stdout)).toEqual({ id: 7, name: "Rex" });
    } finally {
      server.close();
    }
  }, 300_000);
});
