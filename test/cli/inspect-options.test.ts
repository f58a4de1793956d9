import { describe, expect, it } from "vitest";
import { PETSTORE, apiloom, expectNoCrash } from "./run.js";

describe("apiloom inspect parses its options the way generate does", () => {
  it("takes --no-color and --color, and --name like generate", () => {
    for (const flag of ["--no-color", "--color"]) {
      const run = apiloom(["inspect", flag, "--json", PETSTORE]);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).endpoints).toHaveLength(14);
    }
    const named = apiloom([
      "inspect",
      "--json",
      PETSTORE,
      "--name",
      "get /pet/:id=fetchPet",
      "--name=GET /nope=x",
    ]);
    expect(named.code, named.stderr).toBe(0);
    const model = JSON.parse(named.stdout);
    expect(
      model.endpoints.find(
        (e: { method: string; path: string }) =>
          e.method === "GET" && e.path === "/pet/{petId}",
      ).name,
    ).toBe("fetchPet");
    expect(model.diagnostics).toContainEqual(
      expect.objectContaining({ code: "naming/unmatched-override" }),
    );
  });

  it("bad usage is one line in generate's words, exit 2, no Node parseArgs message", () => {
    const cases: [string[], string][] = [
      [
        ["--bogus", PETSTORE],
        "apiloom inspect: unknown option --bogus (see --help)",
      ],
      [
        [PETSTORE, "--prefer"],
        "apiloom inspect: --prefer needs a value: --prefer <file>",
      ],
      [["--json=yes", PETSTORE], "apiloom inspect: --json takes no value"],
      [
        [PETSTORE, "--name", "oops"],
        'apiloom inspect: --name expects "METHOD /path=name", got "oops"',
      ],
    ];
    for (const [args, message] of cases) {
      const run = apiloom(["inspect", ...args]);
      expectNoCrash(run);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toBe(message + "\n");
      expect(run.stderr).not.toMatch(/ERR_PARSE_ARGS|Unknown option '/);
    }
  });

  it("--help lists every option it takes", () => {
    const run = apiloom(["inspect", "--help"]);
    expect(run.code).toBe(0);
    for (const flag of [
      "--json",
      "--allow-external-refs",
      "--prefer",
      "--name",
      "--color",
      "--no-color",
      "--help",
    ])
      expect(run.stdout).toContain(flag);
  });
});
