import { rmSync } from "node:fs";
import { join } from "node:path";
import { getResponse, type RequestHandler } from "msw";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO, apiloom } from "../cli/run.js";

/*
 * Held-out hunt on APIs.guru (msw's getResponse over the generated handlers, ajv and the
 * generated validators as oracles): a schema sample whose node budget ran out answered a
 * reference to an enum or an array with `{}`.
 */
const OUT = join(REPO, "test/mocks/out/samples");
type Check = (value: unknown) => { path: string; message: string }[];
let handlers: RequestHandler[];
let check: Check;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  const result = apiloom([
    "generate",
    "test/mocks/fixtures/budget-action.yaml",
    "-o",
    OUT,
    "-a",
    "client,mocks,validators",
    "--no-lock",
  ]);
  expect(result.code, result.stderr).toBe(0);
  ({ handlers } = (await import(join(OUT, "mocks/index.ts"))) as {
    handlers: RequestHandler[];
  });
  const { endpoints } = (await import(
    join(OUT, "validators/endpoints.ts")
  )) as {
    endpoints: Record<string, { responses: Record<string, { check: Check }> }>;
  };
  check = endpoints["describeBudgetAction"]!.responses["200"]!.check;
});

describe("mocks/: schema samples past the sample maker's budget", () => {
  it("answers a reference the budget did not reach with a value of its type", async () => {
    const response = await getResponse(
      handlers,
      new Request("http://mocks.test/", { method: "POST" }),
    );
    const body = (await response!.json()) as {
      Action: Record<string, unknown>;
    };
    // the enum's first value and an array, not `{}`
    expect([body.Action["Status"], body.Action["Subscribers"]]).toEqual([
      "STANDBY",
      [],
    ]);
    // what the validators still refuse: Subscribers' minItems, which a sample past its budget
    // leaves for the description's example to meet
    expect(check(body).map((v) => v.path)).toEqual(["/Action/Subscribers"]);
  });
});
