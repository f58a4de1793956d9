import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { COMPILERS, typeCheckCell, writeProjects } from "../compat/matrix.js";
import { emitted } from "../emitted.js";
import { sdkModel } from "../fixtures/client/sdk-model.js";
import { OUT_DIR } from "./generate.js";

const usage = readFileSync(
  join(import.meta.dirname, "../fixtures/client/narrowing.ts.txt"),
  "utf8",
);

// Results narrowed by status, and throwOnError's return type (issue 25, item 1), checked by tsc
// under the strictest config of the compat matrix with both compilers users have.
describe("results narrowed by status", () => {
  let root: string;
  beforeAll(async () => {
    mkdirSync(OUT_DIR, { recursive: true });
    root = mkdtempSync(join(OUT_DIR, "narrowing-"));
    const files = await emitted("client", sdkModel(), {});
    writeProjects(
      root,
      new Map([["sdk", [...files, { path: "usage.ts", contents: usage }]]]),
    );
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test.each(Object.keys(COMPILERS) as (keyof typeof COMPILERS)[])(
    "narrow where they should and fail where they should (%s, strictest)",
    async (compiler) => {
      // usage.ts holds `@ts-expect-error` lines: an error that does not happen fails it too
      const cell = await typeCheckCell(root, "strictest", compiler);
      expect(cell.output).toBe("");
    },
  );

  test("without the expect-error markers, exactly those lines fail", async () => {
    writeFileSync(
      join(root, "sdk/usage.ts"),
      usage.replace(/\/\/ @ts-expect-error.*\n/g, ""),
    );
    const cell = await typeCheckCell(root, "strictest", "TypeScript 7");
    writeFileSync(join(root, "sdk/usage.ts"), usage);
    const markers = usage.match(/@ts-expect-error/g)!.length;
    expect(cell.output.match(/error TS/g)?.length).toBe(markers);
    expect(cell.output).toMatch(/Property 'data' does not exist/);
    expect(cell.output).toMatch(
      /'unknown' is not assignable to type 'Problem'/,
    );
  });
});
