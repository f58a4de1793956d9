import type {
  ArtifactPlugin,
  EmitContext,
  GeneratedFile,
  OptionValues,
  PluginOptionSpecs,
} from "../src/emit/artifact.js";
import { EmitReporter } from "../src/emit/codes.js";
import { DEFAULT_LAYOUT } from "../src/emit/layout.js";
import { ARTIFACT_PATHS, type ArtifactName } from "../src/emit/registry.js";
import {
  createTypeIndex,
  type TypeIndex,
} from "../src/emit/type-index/type-index.js";
import { emitPlugins, finish, importCollector } from "../src/emit/run.js";
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

/**
 * The context a test gives one plugin outside a run: its options' defaults under `options`,
 * apiloom's paths (every built-in made), the default layout and a reporter of its own, each
 * replaceable; the type index is made when first read.
 */
export function pluginContext<S extends PluginOptionSpecs>(
  plugin: Pick<ArtifactPlugin<string, S>, "options">,
  model: ApiModel,
  given: Partial<Omit<EmitContext<OptionValues<S>>, "model" | "options">> & {
    options?: Partial<OptionValues<S>>;
  } = {},
): EmitContext<OptionValues<S>> {
  const defaults = Object.fromEntries(
    Object.entries(plugin.options ?? {}).map(([k, spec]) => [k, spec.default]),
  );
  let index: TypeIndex | undefined;
  return {
    templatesDir: undefined,
    layout: DEFAULT_LAYOUT,
    paths: ARTIFACT_PATHS,
    artifacts: Object.keys(ARTIFACT_PATHS),
    reporter: new EmitReporter(),
    imports: importCollector,
    sinceLastRun: undefined,
    ...given,
    get types() {
      return given.types ?? (index ??= createTypeIndex(model));
    },
    model,
    options: { ...defaults, ...given.options } as OptionValues<S>,
  };
}
