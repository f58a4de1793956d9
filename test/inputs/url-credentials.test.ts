import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shownUrl } from "../../src/model/source-url.js";
import {
  apiloomAsync,
  documentRoute,
  PETS,
  REPO,
  TestServer,
} from "./url-server.js";

// Issue 60 item 4: no credential in any output. A URL's user info (`http://user:pass@host/x`) is
// written `http://***@host/x` where the URL becomes a display name (shownUrl): a diagnostic's
// place, its message, every report format of generate, inspect and diff, and the refusal of a
// redirect to such a URL. Each secret below holds SECRET, so a leak shows wherever it lands.

const SECRET = "pw-SECRET-4c1e";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function project(config?: object): string {
  const dir = mkdtempSync(join(tmpdir(), "apiloom-credentials-"));
  dirs.push(dir);
  writeFileSync(join(dir, "package.json"), '{ "name": "p" }\n');
  mkdirSync(join(dir, "node_modules"));
  copyFileSync(
    join(REPO, "test/fixtures/workflow/pets.yaml"),
    join(dir, "pets.yaml"),
  );
  if (config)
    writeFileSync(join(dir, "apiloom.config.json"), JSON.stringify(config));
  return dir;
}

describe("shownUrl", () => {
  it.each([
    ["https://user:pass@host/x.yaml", "https://***@host/x.yaml"],
    ["HTTP://user@host:8080/x", "HTTP://***@host:8080/x"],
    ["http://a@b@host/x", "http://***@host/x"],
    ["https://host/x@y.yaml", "https://host/x@y.yaml"],
    ["https://host?to=a@b", "https://host?to=a@b"],
    ["https://host#a@b", "https://host#a@b"],
    ["specs/a@b.yaml", "specs/a@b.yaml"],
  ])("%s is shown as %s", (url, shown) => {
    expect(shownUrl(url)).toBe(shown);
  });
});

describe("a URL's user info is in no output", () => {
  const server = new TestServer();
  let url: string;
  let shown: string;
  beforeAll(async () => {
    await server.start();
    server.routes.set("/pets.yaml", documentRoute({ body: PETS }));
    server.routes.set("/hop", (_req, res) =>
      res
        .writeHead(302, {
          location: server.url("/gone").replace("//", `//robot:${SECRET}@`),
        })
        .end(),
    );
    url = server.url("/pets.yaml").replace("//", `//user:${SECRET}@`);
    shown = server.url("/pets.yaml").replace("//", "//***@");
  });
  afterAll(() => server.stop());

  const clean = (run: { stdout: string; stderr: string }) => {
    expect(run.stdout + run.stderr).not.toContain("SECRET");
    expect(run.stdout + run.stderr).not.toContain("user:");
  };

  it("generate: the refusal's place and message show ***@", async () => {
    const run = await apiloomAsync(["generate", url, "--out", "g"], project());
    expect(run.code).toBe(1);
    clean(run);
    expect(run.stderr).toContain(`${shown}:1:1: error input/fetch-failed`);
  });

  it("generate --check, and a config whose inputs and pins hold the URL", async () => {
    const dir = project({
      inputs: [url],
      out: "g",
      remote: { sha256: { [url]: "0".repeat(64) } },
    });
    const config = await apiloomAsync(["generate", "--check"], dir);
    expect(config.code).toBe(2);
    clean(config);
    expect(config.stderr).toContain(`remote.sha256["${shown}"]`);
    const inputsOnly = project({ inputs: [url], out: "g" });
    const check = await apiloomAsync(["generate", "--check"], inputsOnly);
    expect(check.code).not.toBe(0);
    clean(check);
    expect(check.stderr).toContain(shown);
  });

  it("inspect, as text and as --json", async () => {
    for (const json of [false, true]) {
      const run = await apiloomAsync(
        ["inspect", url, ...(json ? ["--json"] : [])],
        project(),
      );
      expect(run.code).toBe(1);
      clean(run);
      expect(run.stdout + run.stderr).toContain(shown);
    }
  });

  it.each(["text", "markdown", "json", "github"])(
    "diff --format %s",
    async (format) => {
      const run = await apiloomAsync(
        ["diff", "pets.yaml", "--to", url, "--format", format],
        project(),
      );
      clean(run);
      expect(run.stdout + run.stderr).toContain(shown);
    },
  );

  it("a $ref to a URL with user info, followed or not", async () => {
    const dir = project();
    writeFileSync(
      join(dir, "ref.yaml"),
      [
        "openapi: 3.1.0",
        "info: { title: ref, version: '1' }",
        "paths:",
        "  /a:",
        "    get:",
        "      responses:",
        "        '200':",
        "          description: ok",
        "          content:",
        "            application/json:",
        `              schema: { $ref: "${url}#/components/schemas/Pet" }`,
        "",
      ].join("\n"),
    );
    for (const follow of [false, true]) {
      const run = await apiloomAsync(
        [
          "generate",
          "ref.yaml",
          "--out",
          "g",
          ...(follow ? ["--allow-external-refs"] : []),
        ],
        dir,
      );
      // the code frame quotes the user's own file as it is; the diagnostic's words do not
      const words = run.stderr
        .split("\n")
        .filter((line) => !/^\s*>?\s*\d* \|/.test(line))
        .join("\n");
      clean({ stdout: run.stdout, stderr: words });
      expect(words).toContain(shown);
    }
  });

  it("a redirect to a URL with user info: the 404 it ends at shows ***@", async () => {
    const run = await apiloomAsync(
      ["generate", server.url("/hop"), "--out", "g"],
      project(),
    );
    expect(run.code).toBe(1);
    clean(run);
    expect(run.stderr).toContain(
      `the server answered 404 Not Found (at ${server.url("/gone").replace("//", "//***@")})`,
    );
  });
});
