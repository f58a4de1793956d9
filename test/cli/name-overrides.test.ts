import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { typeCheck } from "../client/compile.js";
import { RESERVED_ENDPOINT_NAMES } from "../../src/model/merge/naming.js";
import { PETSTORE, apiloom, expectNoCrash, outDir } from "./run.js";

const generate = (out: string, ...names: string[]) =>
  apiloom([
    "generate",
    "--verbose",
    "--no-config",
    "--no-lock",
    "-a",
    "client",
    "-o",
    out,
    PETSTORE,
    ...names.flatMap((n) => ["--name", n]),
  ]);

/** The client module's functions: createClient and each endpoint's constant, typed by lookup. */
const functions = (out: string) =>
  [
    ...readFileSync(join(out, "client/index.ts"), "utf8").matchAll(
      /^export (?:function (\w+)[<(]|const (\w+): EndpointFunctions\[)/gm,
    ),
  ].map((m) => (m[1] ?? m[2])!);

describe("--name overrides", () => {
  it("two overrides to one name: the later endpoint gets its derived name, with a warning, and the client compiles", async () => {
    const out = outDir("names-dup");
    const run = generate(
      out,
      "GET /pet/{petId}=dup",
      "GET /store/inventory=dup",
      // differs only in the first letter: the per-endpoint types (DupRequest) would clash
      "DELETE /pet/{petId}=Dup",
    );
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /warning naming\/override-taken the name override "dup" for GET \/store\/inventory clashes with the override for GET \/pet\/\{petId\}/,
    );
    expect(run.stderr).toMatch(/"Dup" for DELETE \/pet\/\{petId\} clashes/);
    const names = functions(out);
    expect(names.filter((n) => n.toLowerCase() === "dup")).toEqual(["dup"]);
    expect(names).toContain("getInventory");
    expect(names).toContain("deletePet");
    expect(new Set(names).size).toBe(names.length);
    expect(await typeCheck(out)).toBe("");
  });

  it("a name the client declares itself (createClient, DEFAULT_BASE_URL) is refused, from an override or an operationId", async () => {
    const out = outDir("names-reserved");
    const run = generate(
      out,
      "GET /pet/{petId}=createClient",
      "GET /store/inventory=DEFAULT_BASE_URL",
      "POST /pet/{petId}=__proto__",
    );
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    expect(
      run.stderr.match(/warning naming\/override-taken/g)?.length,
      run.stderr,
    ).toBe(3);
    expect(run.stderr).toMatch(
      /"createClient" for GET \/pet\/\{petId\} is a name the generated client declares itself/,
    );
    const names = functions(out);
    expect(names.filter((n) => n === "createClient")).toEqual(["createClient"]);
    expect(names).toContain("getPetById");
    expect(await typeCheck(out)).toBe("");
  });

  it("the reserved names are every top-level value the client module declares besides the endpoints", async () => {
    const out = outDir("names-top-level");
    expect(generate(out).code).toBe(0);
    const text = readFileSync(join(out, "client/index.ts"), "utf8");
    const exported = [
      ...text.matchAll(/^export (?:function|const|let|class) (\w+)/gm),
    ].map((m) => m[1]!);
    const endpoints = new Set(
      functions(out).filter((n) => n !== "createClient"),
    );
    const own = exported.filter((n) => !endpoints.has(n));
    expect(own.length).toBeGreaterThan(0);
    for (const name of own) expect(RESERVED_ENDPOINT_NAMES).toContain(name);
  });

  it("keys match endpoints the way the merge does, and a key that matches nothing is a warning naming it", () => {
    const out = outDir("names-keys");
    const run = generate(
      out,
      "get /user/{username}=byLowerMethod",
      "PUT /user/{id}=byOtherVariable",
      "DELETE /user/:name=byColonVariable",
      "GET /nope=foo",
    );
    expectNoCrash(run);
    expect(run.code, run.stderr).toBe(0);
    const names = functions(out);
    for (const name of ["byLowerMethod", "byOtherVariable", "byColonVariable"])
      expect(names).toContain(name);
    expect(run.stderr).toMatch(
      /GET \/nope:1:1: warning naming\/unmatched-override the name override for "GET \/nope" matches no endpoint/,
    );
    expect(run.stderr.match(/naming\/unmatched-override/g)?.length).toBe(1);
  });

  it("--strict makes an unmatched key fail the run", () => {
    const out = outDir("names-strict");
    const run = apiloom([
      "generate",
      "--no-config",
      "--no-lock",
      "--strict",
      "-a",
      "client",
      "-o",
      out,
      PETSTORE,
      "--name",
      "GET /pet/{id}/nope=x",
    ]);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/"GET \/pet\/\{id\}\/nope" matches no endpoint/);
  });
});
