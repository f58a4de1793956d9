import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { typeCheck, writeTree } from "../client/compile.js";

const REPO = resolve(import.meta.dirname, "../..");
const read = (path: string) => readFileSync(resolve(REPO, path), "utf8");

// same-route-spec-types.ts is also part of the repo's `tsc --noEmit`; here it is compiled on
// its own, against the two declarations as they are and as they would be after a one-sided edit
describe("the route data types: one declaration in src/, the runtime's copy proven the same", () => {
  const BUILT = "src/emit/server/route-spec-types.ts";
  const RUNTIME = "templates/server/runtime.ts";
  const PROOF = "test/templates/same-route-spec-types.ts";
  const project = (built: string, runtime: string) =>
    typeCheck(
      writeTree(
        { [BUILT]: built, [RUNTIME]: runtime, [PROOF]: read(PROOF) },
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
