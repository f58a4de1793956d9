import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { apiloom, REPO } from "../cli/run.js";
import { typeCheckCell } from "../compat/matrix.js";

/*
 * The validators with `int64: "bigint"` and `dates: "Date"` (issue 43 item 3): they check values
 * as JSON carries them, which is what the lossless JSON reader yields (a bigint past Number's
 * safe range), so an integer may be a bigint and is checked exactly; a date is its text (a Date
 * object is no JSON value). Their types say so (`Wire<T>`), compiled under the strictest
 * tsconfig. Without the options, the same description gives validators without a bigint.
 */
const API = join(REPO, "test/dates/consumers-api.yaml");
const ROOT = join(REPO, "test/dates/out/consumers-validators");
const ON = join(ROOT, "on");
const OFF = join(ROOT, "off");

interface Violation {
  path: string;
  keyword: string;
  message: string;
}
interface Checker {
  check(value: unknown): Violation[];
}

let schemas: Record<string, Checker>;
let endpoints: Record<string, Record<string, Checker>>;

beforeAll(async () => {
  rmSync(ROOT, { recursive: true, force: true });
  for (const [out, flags] of [
    [ON, ["--dates", "Date", "--int64", "bigint"]],
    [OFF, []],
  ] as const) {
    const run = apiloom([
      "generate",
      API,
      "-o",
      out,
      "-a",
      "validators",
      "--no-lock",
      ...flags,
    ]);
    expect(run.code, run.stderr).toBe(0);
  }
  // what the types say a validator narrows to: the wire's types, not the revived ones
  writeFileSync(
    join(ON, "usage.ts"),
    `import type { Wire } from "./validators/schemas.js";
import { schemas } from "./validators/schemas.js";
import { endpoints } from "./validators/endpoints.js";

export function read(value: unknown): string | undefined {
  if (!schemas.Entry.is(value)) return undefined;
  const at: string = value.at;
  const id: number | bigint = value.id;
  const shares: (number | bigint)[] | undefined = value.shares;
  // @ts-expect-error: a date's text, never a Date
  const wrong: Date = value.at;
  return \`\${at} \${id} \${shares?.length ?? 0} \${String(wrong)}\`;
}

export const query: Wire<{ asOf?: Date; day?: Date }> | undefined =
  endpoints.getEntry.query.is({}) ? { asOf: "2024-01-01T00:00:00Z" } : undefined;
`,
  );
  ({ schemas } = (await import(join(ON, "validators/schemas.ts"))) as {
    schemas: Record<string, Checker>;
  });
  ({ endpoints } = (await import(join(ON, "validators/endpoints.ts"))) as {
    endpoints: Record<string, Record<string, Checker>>;
  });
}, 120_000);

const MAX = 2n ** 63n - 1n;
const valid = {
  id: MAX,
  at: "2024-05-01T10:00:00Z",
  day: "2024-05-01",
  amount: 2n ** 62n,
  parent: null,
  shares: [1, 2n ** 60n, -(2n ** 63n)],
};

const keywords = (value: unknown) =>
  schemas["Entry"]!.check(value).map((v) => `${v.path} ${v.keyword}`);

describe("validators with int64: bigint and dates: Date", () => {
  it("compile under the strictest tsconfig, narrowing to the wire's types", async () => {
    const result = await typeCheckCell(ROOT, "strictest", "TypeScript 7");
    expect(result.output).toBe("");
  }, 240_000);

  it("accept bigints where JSON has integers, and check them exactly", () => {
    expect(keywords(valid)).toEqual([]);
    expect(keywords({ ...valid, id: 7, amount: 10, parent: 3n })).toEqual([]);
    // 2^62 + 1 is odd; as the nearest Number (2^62) it would be a multiple of 2
    expect(keywords({ ...valid, amount: 2n ** 62n + 1n })).toEqual([
      "/amount multipleOf",
    ]);
    expect(keywords({ ...valid, amount: 3 })).toEqual(["/amount multipleOf"]);
    expect(keywords({ ...valid, id: 0n })).toEqual(["/id minimum"]);
    expect(keywords({ ...valid, id: -MAX })).toEqual(["/id minimum"]);
    expect(keywords({ ...valid, id: "1", parent: 1.5 })).toEqual([
      "/id type",
      "/parent type",
    ]);
    expect(keywords({ ...valid, shares: [1n, "2"] })).toEqual([
      "/shares/1 type",
    ]);
  });

  it("check dates as text: a Date object is no JSON value", () => {
    expect(keywords({ ...valid, at: new Date(0) })).toEqual(["/at type"]);
    expect(keywords({ ...valid, day: "2024-13-01" })).toEqual(["/day format"]);
  });

  it("check parameters as the server decodes them: an int64 path parameter may be a bigint", () => {
    expect(endpoints["getEntry"]!["path"]!.check({ id: MAX })).toEqual([]);
    expect(
      endpoints["getEntry"]!["path"]!.check({ id: 1.5 }).map((v) => v.keyword),
    ).toEqual(["type"]);
  });

  it("are what they were without the options: no bigint, the types' own", () => {
    for (const file of ["schemas.ts", "endpoints.ts"]) {
      const text = readFileSync(join(OFF, "validators", file), "utf8");
      expect(text).not.toMatch(/bigint|Wire/);
    }
  });
});
