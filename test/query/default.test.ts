import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO, apiloom } from "../cli/run.js";
import { typeCheckCell } from "../compat/matrix.js";

/*
 * A `default` response answers, in the client, for every status the description does not name,
 * 2XX ones included: its body is part of the client's success data. The query options type their
 * data as the client does (it once was the 2XX bodies alone, which tsc refused: TS2345 on four
 * corpus documents), and an endpoint that pages gets no infinite options then (a page answered
 * by default need not hold the next value), with a warning. Oracle: tsc under the strictest
 * tsconfig, with type equalities beside the output.
 */
mkdirSync(join(REPO, "test/client/out"), { recursive: true });
const ROOT = mkdtempSync(join(REPO, "test/client/out/query-default-"));
const OUT = join(ROOT, "api");
let output = "";

afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

beforeAll(() => {
  const result = apiloom([
    "generate",
    "test/query/fixtures/default.yaml",
    "-o",
    OUT,
    "-a",
    "query",
    "--no-lock",
  ]);
  expect(result.code, result.stderr).toBe(0);
  output = result.stderr + result.stdout;
  writeFileSync(
    join(OUT, "check.ts"),
    `import type { Problem, Thing } from "./types.js";
import type { createThingMutation, getThingOptions } from "./query/index.js";

type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2
    ? true
    : false;
type Resolved<F extends (...args: never) => Promise<unknown>> = Awaited<
  ReturnType<F>
>;
// the default body joins the 201 one; a 404 is an error, never data
export const created: Same<
  Resolved<ReturnType<typeof createThingMutation>["mutationFn"]>,
  Thing | Problem
> = true;
export const got: Same<
  Resolved<ReturnType<typeof getThingOptions>["queryFn"]>,
  Thing
> = true;
`,
  );
});

describe("query/: a default response", () => {
  it("compiles under the strictest tsconfig, the data typed as the client's", async () => {
    const result = await typeCheckCell(ROOT, "strictest", "TypeScript 7");
    expect(result.output).toBe("");
  });

  it("makes no infinite options for a paged endpoint, and says why", () => {
    const text = readFileSync(join(OUT, "query/index.ts"), "utf8");
    expect(text).toContain("export function listThingsOptions(");
    expect(text).not.toContain("listThingsInfinite");
    expect(output).toContain(
      "query: listThings answers a 2XX status it does not name with its default response, whose body need not hold next_cursor; it gets no infinite query options",
    );
  });
});
