import { expect, it } from "vitest";
import { loadModel } from "../../../src/pipeline.js";
import { emitted } from "../../emitted.js";
import { FIXTURES_DIR, typeCheck } from "./harness.js";

/*
 * A member `required` makes present reads as its declared type wherever it is declared: in a
 * sibling of the allOf that requires it, or in a schema that extends the one requiring it
 * (Spotify's paging objects). `T | undefined` there would make a reader check what the API always
 * sends. tsc reads the members of the generated types (strict, noUncheckedIndexedAccess).
 */
it("a required member declared elsewhere reads as its declared type, never undefined", async () => {
  const model = loadModel(["fault-i-required-beside.yaml"], {
    cwd: FIXTURES_DIR,
  });
  const files = new Map(
    (await emitted("types", model)).map((f) => [`/${f.path}`, f.contents]),
  );
  files.set(
    "/check.ts",
    [
      `import type { GroupPage, RequiredGroup, Group } from "./types.js";`,
      `declare const page: GroupPage;`,
      `export const items: Group[] = page.items;`,
      `export const total: number = page.total;`,
      `declare const group: RequiredGroup;`,
      `export const name: string = group.name;`,
      // still present: a value without the member is not one
      `// @ts-expect-error`,
      `export const none: RequiredGroup = {};`,
    ].join("\n"),
  );
  expect(
    typeCheck(files).map((p) => `${p.file}:${p.line} ${p.message}`),
  ).toEqual([]);
});
