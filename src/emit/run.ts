import { EmitReporter } from "./codes.js";
import type { ApiModel, Diagnostic } from "../model/types.js";
import {
  PluginError,
  thrownMessage,
  type ArtifactPlugin,
  type GeneratedFile,
  type SinceLastRun,
} from "./artifact.js";
import { importCollector } from "./import-collector.js";
import type { OutputLayout } from "./layout.js";
import { BUILT_IN_PLUGINS } from "./registry.js";
import { createTypeIndex, type TypeIndex } from "./type-index/type-index.js";
import { malformedFile, withNocheck } from "./plugin-output.js";
import { TemplateError } from "./templates.js";

/** What one plugin returned, named for the error when two plugins make one path. */
export interface EmitterBatch {
  emitter: string;
  /**
   * Where a config's plugin said its files live (its `path`): each file is it, or is under it.
   * None for apiloom's own.
   */
  path?: string;
  files: GeneratedFile[];
}

/** What a run of the plugins is told: every input of their contexts, resolved. */
export interface PluginRun {
  /** Every plugin known (apiloom's, then the config's), in the order they are made. */
  plugins: readonly ArtifactPlugin[];
  /** The artifacts the run makes, their needs included (the settings resolve them once). */
  artifacts: Iterable<string>;
  /** Each plugin's options by its name, resolved (see workflow/config/settings.ts). */
  options: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  templatesDir?: string;
  layout: OutputLayout;
  /**
   * The config's `typecheckGenerated`: when on, files marked `skipTypecheck` are written as made,
   * without `// @ts-nocheck` (default off).
   */
  typecheckGenerated?: boolean;
}

/** What the caller of a run hears and gives while the plugins run. */
export interface RunHooks {
  /** Told each artifact as its plugin starts (a progress line). */
  onArtifact?: (artifact: string) => void;
  /**
   * The last run beside this one, from the files the run has made so far (its OpenAPI document
   * among them; undefined before): the workflow's, which reads the output folder. A run without
   * it (generate(), a plugin's test) has no last run.
   */
  sinceLastRun?: (made: readonly GeneratedFile[]) => SinceLastRun | undefined;
  /**
   * What the plugins report through (default: a new EmitReporter): src/pipeline.ts hands down
   * one of the readers' codes too, so its `meaning` covers the model's diagnostics.
   */
  reporter?: EmitReporter;
}

/** What a run of the plugins made: each plugin's batch, in the order made, and their diagnostics. */
export interface Emitted {
  batches: EmitterBatch[];
  diagnostics: Diagnostic[];
}

/**
 * Runs the plugins of the run's artifacts (their needs included by the settings), in registry
 * order but each after those its `after` names, each with its own options and a context shared
 * by all: the type index (made once, when a plugin first asks), one reporter, the layout, every
 * artifact's path and the last run beside the files made so far. It knows nothing about any one
 * artifact. Each plugin's batch is yielded as the plugin returns it: whoever drives the run (the
 * writer, which stages large texts) may replace its `files`, and the run goes on with those.
 */
export async function* emitPlugins(
  model: ApiModel,
  run: PluginRun,
  {
    onArtifact = () => {},
    sinceLastRun: since,
    reporter = new EmitReporter(),
  }: RunHooks = {},
): AsyncGenerator<EmitterBatch, Emitted, undefined> {
  // the artifacts asked for with their needs, resolved once in the settings
  const names = [...run.artifacts];
  // the places the plugins print were found between the model and here (src/pipeline.ts)
  const paths = Object.freeze(
    Object.fromEntries(run.plugins.map((p) => [p.name, p.path])),
  );
  // built the first time a plugin reads `context.types` (a run of only the docs or the OpenAPI
  // document never builds it)
  let index: TypeIndex | undefined;
  const batches: EmitterBatch[] = [];
  for (const plugin of madeOrder(run.plugins)) {
    if (!names.includes(plugin.name)) continue;
    onArtifact(plugin.name);
    const made = await emitted(plugin, {
      model,
      options: run.options[plugin.name] ?? {},
      templatesDir: run.templatesDir,
      layout: run.layout,
      paths,
      artifacts: names,
      get types() {
        return (index ??= createTypeIndex(model));
      },
      reporter,
      imports: importCollector,
      get sinceLastRun() {
        return since?.(batches.flatMap((b) => b.files));
      },
    });
    // a config's plugin writes only in its own path; apiloom's may write in another's (paths.ts's
    // openapi-fetch client, in client/, when the run makes no client): its tests hold it there
    const batch: EmitterBatch = {
      emitter: plugin.name,
      ...(OWN.has(plugin) ? {} : { path: plugin.path }),
      files: run.typecheckGenerated === true ? made : withNocheck(made),
    };
    batches.push(batch);
    yield batch;
    if (batch.files !== made && OWN.has(plugin))
      emptyReplaced(made, batch.files);
  }
  return { batches, diagnostics: reporter.diagnostics };
}

/** Drives a run that yields batches to its end, leaving each as it is; what the run returns. */
export async function finish<R>(
  making: AsyncGenerator<unknown, R, undefined>,
): Promise<R> {
  for (;;) {
    const step = await making.next();
    if (step.done) return step.value;
  }
}

/**
 * The plugins in the order they are made: the registry's (apiloom's, then the config's), each
 * moved after the plugins its `after` names. A circle of `after`s is a plugin error.
 */
function madeOrder(plugins: readonly ArtifactPlugin[]): ArtifactPlugin[] {
  const byName = new Map(plugins.map((p) => [p.name, p]));
  const order: ArtifactPlugin[] = [];
  const state = new Map<ArtifactPlugin, "placing" | "placed">();
  const place = (plugin: ArtifactPlugin): void => {
    if (state.get(plugin) === "placed") return;
    if (state.get(plugin) === "placing")
      throw new PluginError(
        plugin.name,
        "is in a circle of plugins that each want to be made after the other (`after`)",
      );
    state.set(plugin, "placing");
    for (const name of plugin.after ?? []) {
      const first = byName.get(name);
      if (first) place(first);
    }
    state.set(plugin, "placed");
    order.push(plugin);
  };
  plugins.forEach(place);
  return order;
}

/** What one plugin returned, checked. */
async function emitted(
  plugin: ArtifactPlugin,
  context: Parameters<ArtifactPlugin["emit"]>[0],
): Promise<GeneratedFile[]> {
  let made: GeneratedFile[];
  try {
    made = await plugin.emit(context);
  } catch (error) {
    // a user's plugin that throws is its error; apiloom's own, or a template's, are what they are
    if (OWN.has(plugin) || error instanceof TemplateError) throw error;
    throw new PluginError(plugin.name, `threw: ${thrownMessage(error)}`);
  }
  const problem = malformedFile(made);
  if (problem) throw new PluginError(plugin.name, problem);
  return made;
}

const OWN: ReadonlySet<ArtifactPlugin> = new Set(BUILT_IN_PLUGINS);

/**
 * Empties what an own plugin returned, once the writer has replaced its files (staged them), so
 * that their texts die young (docs/benchmark.md, "Speed devices": returned files let go). A
 * user's plugin may return the same objects again: its are left alone.
 */
function emptyReplaced(
  made: GeneratedFile[],
  kept: readonly GeneratedFile[],
): void {
  made.forEach((file, i) => {
    if (kept[i] === file) return;
    const contents = Object.getOwnPropertyDescriptor(file, "contents");
    if (contents?.writable) file.contents = "";
  });
  if (!Object.isFrozen(made)) made.length = 0;
}
