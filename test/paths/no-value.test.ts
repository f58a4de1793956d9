import { expect, it } from "vitest";
import { loadModel } from "../../src/pipeline.js";
import { emitted } from "../emitted.js";
import { FIXTURES_DIR, typeCheck } from "../validators/oracles/harness.js";

/*
 * A schema whose written `type` no alternative shares admits no value (the validators reject
 * every one, `schema/type-outside-alternatives`): its type is `never`. As `null & (… | Self[])`,
 * paths.ts, which names a schema `components["schemas"]["…"]`, did not compile (TS2502: the
 * intersection refers to itself). tsc reads both artifacts under strict.
 */
it("a type no alternative shares is never, and paths.ts and types.ts compile", async () => {
  const model = loadModel(["fault-l-type-outside-alternatives.yaml"], {
    cwd: FIXTURES_DIR,
  });
  const files = new Map<string, string>();
  for (const artifact of ["paths", "types"] as const)
    for (const f of await emitted(artifact, model))
      files.set(`/${f.path}`, f.contents);
  files.set(
    "/check.ts",
    [
      `import type { components } from "./paths.js";`,
      `import type { EdgeConfigItemValue } from "./types.js";`,
      `type Value = components["schemas"]["EdgeConfigItemValue"];`,
      `export const nothing: [Value, EdgeConfigItemValue] extends [never, never] ? true : false = true;`,
    ].join("\n"),
  );
  expect(
    typeCheck(files).map((p) => `${p.file}:${p.line} ${p.message}`),
  ).toEqual([]);
});
