import type { GeneratedFile } from "../src/emit/artifact.js";
import { DEFAULT_LAYOUT } from "../src/emit/layout.js";
import type { ArtifactName } from "../src/emit/registry.js";
import { emitPlugins, finish } from "../src/emit/run.js";
import type { GenerateOptions } from "../src/generate.js";
import type { ApiModel } from "../src/model/types.js";
import { validateConfig } from "../src/workflow/config/validate.js";
import { collectFiles } from "../src/workflow/output/output-files.js";
import { resolveOptions } from "../src/workflow/config/settings.js";

/** The options of a test's emit: the config's (and generate()'s), resolved by the same code. */
export type EmitTestOptions = GenerateOptions;

/**
 * The files a run asking for `artifact` (or several) makes: its own and those of the artifacts
 * it needs (`client` brings `types.ts`), sorted by path, as the CLI would write them, but with
 * `typecheckGenerated` on unless the options say otherwise.
 */
export async function emitted(
  artifact: ArtifactName | readonly ArtifactName[],
  model: ApiModel,
  { layout, ...options }: EmitTestOptions = {},
): Promise<GeneratedFile[]> {
  const cwd = process.cwd();
  const resolved = resolveOptions(
    validateConfig(
      // the generated code checked whole, as apiloom's tests check it (no `// @ts-nocheck`)
      { typecheckGenerated: true, ...options, artifacts: [artifact].flat() },
      "test options",
    ),
    {},
    {
      cwd,
      baseDir: cwd,
      file: "test options",
      layout: layout ?? DEFAULT_LAYOUT,
    },
  );
  const { batches } = await finish(emitPlugins(model, resolved.emit));
  return collectFiles(batches);
}
