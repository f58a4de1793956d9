import { copyFileSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO, apiloom } from "../cli/run.js";
import { typeCheckCell } from "../compat/matrix.js";

/*
 * The `mocks` artifact (issue 23, item 7), with msw as the oracle: the real CLI generates a small
 * fixture and the Stride seeds with `-a client,mocks`; tsc checks both, with a user's program
 * (program.ts.txt) on msw/node's setupServer, under the strictest tsconfig; the program then calls
 * the generated client's endpoint functions against the generated handlers, in this process.
 */
const ROOT = join(REPO, "test/mocks/out");
const PETS = join(ROOT, "pets");
const STRIDE = join(ROOT, "stride");

function generate(inputs: readonly string[], out: string): void {
  const result = apiloom([
    "generate",
    ...inputs,
    "-o",
    out,
    "-a",
    // the validators for the program's response validation (client/validate.ts)
    "client,mocks,validators",
    "--no-lock",
  ]);
  expect(result.code, result.stderr).toBe(0);
}

beforeAll(() => {
  rmSync(ROOT, { recursive: true, force: true });
  generate(["test/mocks/fixtures/pets.yaml"], PETS);
  generate(["specs/*"], STRIDE);
  copyFileSync(
    join(REPO, "test/mocks/program.ts.txt"),
    join(PETS, "program.ts"),
  );
});

describe("mocks/: MSW handlers per endpoint", () => {
  it("compiles with a setupServer program under the strictest tsconfig", async () => {
    const result = await typeCheckCell(ROOT, "strictest", "TypeScript 7");
    expect(result.output).toBe("");
  });

  it("imports msw and nothing else; a handler per endpoint but TRACE", () => {
    const text = readFileSync(join(PETS, "mocks/index.ts"), "utf8");
    expect(text.match(/^import .*/gm)).toEqual([
      'import { http, HttpResponse, type HttpHandler } from "msw";',
    ]);
    const stride = readFileSync(join(STRIDE, "mocks/index.ts"), "utf8");
    const types = readFileSync(join(STRIDE, "types.ts"), "utf8");
    // the seeds: every endpoint has its handler, and handlers lists each once
    const endpoints = types.match(/^export interface \w+Request\b/gm)!.length;
    expect(stride.match(/^export const \w+Handler: /gm)!.length).toBe(
      endpoints,
    );
    const list = stride.slice(stride.indexOf("export const handlers"));
    expect(list.match(/^ {2}\w+Handler,$/gm)!.length).toBe(endpoints);
    // an endpoint named `…Handler` (Stride's operationIds) keeps its name: `getAllHandler`, not
    // `getAllHandlerHandler` (issue 46)
    expect(stride).not.toMatch(/HandlerHandler/);
    expect(stride).toMatch(/^export const getAllHandler: HttpHandler = /m);
  });

  it("is deterministic: the same description gives the same bytes", () => {
    const again = join(ROOT, "again");
    generate(["test/mocks/fixtures/pets.yaml"], again);
    expect(readFileSync(join(again, "mocks/index.ts"), "utf8")).toBe(
      readFileSync(join(PETS, "mocks/index.ts"), "utf8"),
    );
  });

  it("answers the client with the examples, and schema samples its validators accept", async () => {
    const { run } = (await import(join(PETS, "program.ts"))) as {
      run: () => Promise<Record<string, unknown>>;
    };
    expect(await run()).toEqual({
      // the fixture's examples, strings and keys as data
      list: [
        { id: 1, name: 'Tom "the cat" */ ${x}', tag: null },
        { id: 2, name: "Rex", ["__proto__"]: "kept as data" },
      ],
      one: { id: 7, name: "Kit", tag: "cat" },
      // no example: a sample of the schema, which the generated validator accepts
      created: { status: 201, violations: [], data: { id: 1, name: "string" } },
      mine: {
        type: "application/problem+json",
        violations: [],
        data: { count: 3, owner: "user@example.com" },
      },
      gone: 204,
      health: "ok: all good",
      // image/png is not mocked: the status, no body
      photo: 200,
    });
  });
});
