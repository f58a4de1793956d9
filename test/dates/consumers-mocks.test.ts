import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO, apiloom } from "../cli/run.js";
import { typeCheckCell } from "../compat/matrix.js";
import { toDate } from "../../templates/shared/scalars.js";
import { isRevivableDate } from "../../src/emit/toolkit.js";

/*
 * MSW mocks with `dates: "Date"` and `int64: "bigint"` (issue 43 item 3): a handler answers JSON
 * that the generated client, which revives dates and int64s, reads as its types say. An example
 * the client could not revive ("yesterday" for a date-time, 1.5 for an int64) is not answered: a
 * sample of the schema is, with a warning. Checked by running the handlers (msw/node) under the
 * generated client and by the strictest tsc; the mocks' date rule is the runtime's (fast-check).
 */
const API = join(REPO, "test/dates/consumers-api.yaml");
const ROOT = join(REPO, "test/dates/out/consumers-mocks");
const ON = join(ROOT, "on");
const OFF = join(ROOT, "off");
let stderr = "";

beforeAll(() => {
  rmSync(ROOT, { recursive: true, force: true });
  for (const [out, flags] of [
    [ON, ["--dates", "Date", "--int64", "bigint", "--verbose"]],
    [OFF, []],
  ] as const) {
    const run = apiloom([
      "generate",
      API,
      "-o",
      out,
      "-a",
      "client,mocks",
      "--no-lock",
      ...flags,
    ]);
    expect(run.code, run.stderr).toBe(0);
    if (out === ON) stderr = run.stderr;
  }
  writeFileSync(
    join(ON, "program.ts"),
    `import { setupServer } from "msw/node";
import { createClient } from "./client/index.js";
import { handlers } from "./mocks/index.js";

export async function run(): Promise<unknown[]> {
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: "error" });
  try {
    const client = createClient({ baseUrl: "http://api.test", throwOnError: true });
    const entry = await client.getEntry({ path: { id: 1n } });
    const at: Date = entry.at;
    const id: bigint = entry.id;
    const list = await client.listEntries();
    const audit = await client.getAudit({ path: { id: 1n } });
    const page = await client.pageEntries();
    return [at, id, list, audit, page];
  } finally {
    server.close();
  }
}
`,
  );
}, 120_000);

describe("mocks/ with dates: Date and int64: bigint", () => {
  it("compiles with a program under the strictest tsconfig", async () => {
    const result = await typeCheckCell(ROOT, "strictest", "TypeScript 7");
    expect(result.output).toBe("");
  }, 240_000);

  it("answers what the client revives: Dates and bigints where the types say", async () => {
    const { run } = (await import(join(ON, "program.ts"))) as {
      run: () => Promise<unknown[]>;
    };
    const [at, id, list, audit, page] = await run();
    expect(at).toBeInstanceOf(Date);
    expect(typeof id).toBe("bigint");
    const [first] = list as { at: unknown; id: unknown }[];
    expect(first!.at).toBeInstanceOf(Date);
    expect(typeof first!.id).toBe("bigint");
    expect(audit).toEqual({
      id: 12n,
      at: new Date("2024-01-01T00:00:00Z"),
      by: 0n,
    });
    expect(page).toMatchObject({ items: [] });
  });

  it("answers a sample, with a warning, where the example would not revive", () => {
    expect(stderr).toContain(
      'mocks: getAudit\'s example is not what the client reads (dates, int64): /at: "yesterday" is no date-time; its handler answers a sample of the schema',
    );
    const on = readFileSync(join(ON, "mocks/index.ts"), "utf8");
    expect(on).toContain('{ id: 12, at: "2024-01-01T00:00:00Z", by: 0 }');
    // without the options the example is data, answered as it is
    const off = readFileSync(join(OFF, "mocks/index.ts"), "utf8");
    expect(off).toContain('{ id: 1, at: "yesterday", by: 7 }');
  });

  it("takes a date's text where the client's reviver does, and no other", () => {
    const revives = (text: string, kind: "t" | "d") => {
      try {
        toDate(text, kind, "");
        return true;
      } catch {
        return false;
      }
    };
    const known = [
      "2024-02-29",
      "2023-02-29",
      "2024-13-01",
      "0000-01-01",
      "2024-01-01T24:00:00Z",
      "2024-01-01T23:59:60Z",
      "2024-01-01t10:00:00.123456z",
      "2024-01-01 10:00:00+23:59",
      "2024-01-01T10:00:00+24:00",
      "2024-01-01T10:00:00",
      "2024-01-01T10:00Z",
      // fast-check's find: the years 0-99 were read as 1900-1999, so the year 0 was no leap year
      "0000-02-29",
      "0000-02-29T00:00:00Z",
      "0004-02-29",
      "0100-02-29",
    ];
    for (const kind of ["t", "d"] as const)
      for (const text of known)
        expect(isRevivableDate(text, kind), `${kind} ${text}`).toBe(
          revives(text, kind),
        );
    const digits = (n: number, max: number) =>
      fc.integer({ min: 0, max }).map((v) => String(v).padStart(n, "0"));
    const text = fc
      .tuple(
        digits(4, 9999),
        digits(2, 19),
        digits(2, 39),
        fc.constantFrom("T", "t", " ", "x"),
        digits(2, 29),
        digits(2, 69),
        digits(2, 69),
        fc.constantFrom("", ".5", ".123456"),
        fc.constantFrom("Z", "z", "+05:30", "-24:00", "+00:60", ""),
      )
      .map(([y, mo, d, sep, h, mi, s, f, z]) => [
        `${y}-${mo}-${d}`,
        `${y}-${mo}-${d}${sep}${h}:${mi}:${s}${f}${z}`,
      ]);
    fc.assert(
      fc.property(text, ([date, dateTime]) => {
        for (const [value, kind] of [
          [date!, "d"],
          [dateTime!, "t"],
        ] as const)
          expect(isRevivableDate(value, kind)).toBe(revives(value, kind));
      }),
      { numRuns: 2000 },
    );
  });
});
