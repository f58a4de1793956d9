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
import { OWN_PLUGINS } from "./registry.js";
import { createTypeIndex, type TypeIndex } from "./type-index/type-index.js";
import { malformedFile, withNocheck } from "./plugin-output.js";
import { TemplateError } from "./templates.js";

/** What one plugin returned, named for the error when two plugins make one path. */
export interface EmitterBatch {
  emitter: string;
  /** A config's plugin's `path`: each file is it, or under it. None for apiloom's own. */
  path?: string;
  files: GeneratedFile[];
}

/** What a run of the plugins is told: every input of their contexts, resolved. */
export interface PluginRun {
  /** Every plugin known: apiloom's, then the config's. */
  plugins: readonly ArtifactPlugin[];
  /** The artifacts the run makes, their needs included. */
  artifacts: Iterable<string>;
  /** Each plugin's options by its name, resolved. */
  options: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  templatesDir?: string;
  layout: OutputLayout;
  /** The config's `typecheckGenerated`: when on, no `// @ts-nocheck` is added. */
  typecheckGenerated?: boolean;
}

/** What the caller of a run hears and gives while the plugins run. */
export interface RunHooks {
  /** Told each artifact as its plugin starts (a progress line). */
  onArtifact?: (artifact: string) => void;
  /** The last run beside this one, given the files made so far; without it, no last run. */
  sinceLastRun?: (made: readonly GeneratedFile[]) => SinceLastRun | undefined;
  /** What the plugins report through; the pipeline's knows the readers' codes too. */
  reporter?: EmitReporter;
}

/** What a run of the plugins made: each plugin's batch, in the order made, and their diagnostics. */
interface Emitted {
  batches: EmitterBatch[];
  diagnostics: Diagnostic[];
}

/**
 * Runs the plugins of the run's artifacts in {@link madeOrder}, each with its own options and a
 * shared context. Each batch is yielded as made: the driver (the writer, which stages large texts)
 * may replace its `files`, and the run goes on with those.
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
  const names = [...run.artifacts];
  const paths = Object.freeze(
    Object.fromEntries(run.plugins.map((p) => [p.name, p.path])),
  );
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
    // apiloom's plugins may write in another's path (paths' openapi-fetch client, in client/)
    const batch: EmitterBatch = {
      emitter: plugin.name,
      ...(OWN_PLUGINS.has(plugin) ? {} : { path: plugin.path }),
      files: run.typecheckGenerated === true ? made : withNocheck(made),
    };
    batches.push(batch);
    yield batch;
    if (batch.files !== made && OWN_PLUGINS.has(plugin))
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
    for (const name of plugin.after ?? [])
      if (byName.has(name)) place(byName.get(name)!);
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
    if (OWN_PLUGINS.has(plugin) || error instanceof TemplateError) throw error;
    throw new PluginError(plugin.name, `threw: ${thrownMessage(error)}`);
  }
  const problem = malformedFile(made);
  if (problem) throw new PluginError(plugin.name, problem);
  return made;
}

/**
 * Empties what an own plugin returned once the writer has staged its files, so their texts die
 * young: a speed device, docs/benchmark.md. A user's plugin may return them again: left alone.
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
