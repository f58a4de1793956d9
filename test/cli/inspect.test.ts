import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

function apiloom(...args: string[]) {
  const result = spawnSync(process.execPath, ["bin/apiloom.js", ...args], {
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const SEEDS = [
  "specs/stride-full.postman.json",
  "specs/stride-subset.postman.json",
  "specs/stride-messaging.swagger.yaml",
  "specs/stride-conversations.swagger.yaml",
  "specs/stride-messages.swagger.yaml",
];

describe("apiloom inspect", () => {
  it("prints the model as JSON in the documented shape, the same for any input order", () => {
    const forward = apiloom("inspect", "--json", ...SEEDS);
    expect(forward.code).toBe(0);
    const model = JSON.parse(forward.stdout);
    expect(model.endpoints).toHaveLength(49);
    const e = model.endpoints[0];
    expect(Object.keys(e)).toEqual(
      expect.arrayContaining([
        "method",
        "path",
        "name",
        "parameters",
        "tags",
        "scopes",
        "sources",
      ]),
    );
    expect(
      Object.keys(e.parameters[0] ?? { name: 1, in: 1, required: 1 }),
    ).toEqual(expect.arrayContaining(["name", "in", "required"]));
    expect(Object.keys(e.sources[0])).toEqual(
      expect.arrayContaining(["file", "line"]),
    );
    expect(Object.keys(model.diagnostics[0])).toEqual([
      "severity",
      "code",
      "message",
      "file",
      "line",
      "column",
      ...(model.diagnostics[0].related ? ["related"] : []),
    ]);
    const backward = apiloom("inspect", "--json", ...[...SEEDS].reverse());
    expect(backward.stdout).toBe(forward.stdout);
  });

  it("lets --prefer choose the winner of a disagreement, here the base URL", () => {
    const plain = JSON.parse(apiloom("inspect", "--json", ...SEEDS).stdout);
    expect(plain.servers[0]).toBe("http://api.atlassian.com");
    const preferred = JSON.parse(
      apiloom(
        "inspect",
        "--json",
        "--prefer",
        "specs/stride-full.postman.json",
        ...SEEDS,
      ).stdout,
    );
    expect(preferred.servers[0]).toBe("http://www.example.com");
    const byFolder = JSON.parse(
      apiloom(
        "inspect",
        "--json",
        "--prefer",
        "./specs/stride-full.postman.json",
        ...[...SEEDS].reverse(),
      ).stdout,
    );
    expect(byFolder).toEqual(preferred);
  });

  it("prints a readable table with the diagnostics", () => {
    const { code, stdout } = apiloom("inspect", ...SEEDS);
    expect(code).toBe(0);
    expect(stdout).toMatch(/49 endpoints/);
    expect(stdout).toMatch(
      /^GET\s+\/site\/\{cloudId\}\/conversation\s+conversationGetAllHandler/m,
    );
    expect(stdout).toMatch(
      /specs\/stride-[a-z]+\.swagger\.yaml:\d+:\d+: warning merge\/operation-id-conflict GET \/site\/\{cloudId\}\/conversation has 2 operationIds/,
    );
    // each warning with its code frame (the line marked `>`, a caret under the column), as
    // `generate --verbose` shows it; an info stays one line
    const lines = stdout.split("\n");
    const at = lines.findIndex((l) =>
      /: warning model\/untyped-parameter /.test(l),
    );
    const line = Number(/:(\d+):\d+: warning/.exec(lines[at]!)![1]);
    const frame = lines.slice(at + 1, at + 7).join("\n");
    expect(frame).toMatch(new RegExp(`^> ${line} \\| `, "m"));
    expect(frame).toMatch(/^\s+\|\s+\^$/m);
    const info = lines.findIndex((l) => /: info /.test(l));
    expect(lines[info + 1] ?? "").not.toMatch(/^[> ] +\d+ \|/);
  });

  it('says "1 diagnostic", not "1 diagnostics"', () => {
    const { stdout } = apiloom(
      "inspect",
      "test/fixtures/cli/trailing-comma.json",
    );
    expect(stdout).toMatch(/: 0 endpoints\n/);
    expect(stdout).toMatch(/\n1 diagnostic\n/);
  });

  it.each([
    [
      "test/fixtures/cli/trailing-comma.json",
      "test/fixtures/cli/trailing-comma.json:5:73",
      /invalid JSON: trailing comma/,
    ],
    [
      "test/fixtures/cli/unclosed.yaml",
      "test/fixtures/cli/unclosed.yaml:",
      /invalid YAML/,
    ],
    [
      "test/fixtures/cli/empty.json",
      "test/fixtures/cli/empty.json:1:1",
      /empty/,
    ],
    [
      "test/fixtures/cli/not-an-api.yaml",
      "test/fixtures/cli/not-an-api.yaml:1:1",
      /not an API description/,
    ],
    [
      "test/fixtures/cli/missing.yaml",
      "test/fixtures/cli/missing.yaml:1:1",
      /no such file/,
    ],
  ])(
    "rejects %s with file:line:column and exit 1, no stack trace",
    (file, place, message) => {
      const { code, stdout, stderr } = apiloom("inspect", file);
      expect(code).toBe(1);
      const output = stdout + stderr;
      expect(output).toContain(place);
      expect(output).toMatch(message);
      expect(output).not.toMatch(/\n\s+at .+\(.+:\d+:\d+\)/);
    },
  );
});

describe("apiloom inspect --json on servers", () => {
  it("shows an endpoint's own servers beside the document's", () => {
    const dir = mkdtempSync(join(tmpdir(), "inspect-servers-"));
    const file = join(dir, "servers.json");
    const ok = { responses: { "200": { description: "ok" } } };
    writeFileSync(
      file,
      JSON.stringify({
        openapi: "3.1.0",
        info: { title: "t", version: "1" },
        servers: [{ url: "https://api.example.com/v1" }],
        paths: {
          "/users": { get: ok },
          "/blobs": {
            servers: [{ url: "https://files.example.net" }],
            get: ok,
          },
        },
      }),
    );
    const run = apiloom("inspect", "--json", file);
    expect(run.code).toBe(0);
    const model = JSON.parse(run.stdout);
    expect(model.servers).toEqual(["https://api.example.com/v1"]);
    const servers = Object.fromEntries(
      model.endpoints.map((e: { path: string; servers?: string[] }) => [
        e.path,
        e.servers,
      ]),
    );
    expect(servers).toEqual({
      "/users": undefined,
      "/blobs": ["https://files.example.net"],
    });
  });
});

describe("apiloom inspect on a spec's control characters", () => {
  it("prints them escaped: a spec's bytes never drive the terminal", () => {
    const dir = mkdtempSync(join(tmpdir(), "inspect-escape-"));
    const file = join(dir, "esc.json");
    const esc = "\u001b]0;owned\u0007\u001b[2J";
    writeFileSync(
      file,
      JSON.stringify({
        openapi: "3.1.0",
        info: { title: `t${esc}`, version: "1" },
        paths: {
          [`/a${esc}`]: {
            get: {
              operationId: `op${esc}`,
              parameters: [{ name: `q${esc}`, in: "query" }],
              responses: { "200": { description: "ok" } },
            },
          },
        },
      }),
    );
    const run = apiloom("inspect", file);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("/a");
    expect(run.stdout + run.stderr).not.toMatch(
      /[\u0000-\u0008\u000b-\u001f\u007f]/,
    );
    expect(run.stdout).toContain("\\u001b");
  });
});
