import { Reporter } from "../model/reporter.js";
import type { ApiModel, Diagnostic } from "../model/types.js";
import type { ArtifactPlugin, GeneratedFile } from "./artifact.js";
import { importCollector } from "./import-collector.js";
import type { OutputLayout } from "./layout.js";
import { planThreads, startWorkers, type Outcome } from "./parallel.js";
import { withNeeds } from "./registry.js";
import { createTypeIndex, type TypeIndex } from "./types/type-index.js";

/** What one plugin returned, named for the error when two plugins make one path. */
export interface EmitterBatch {
  emitter: string;
  /** Where the plugin said its files live (its `path`): each file is it, or is under it. */
  path: string;
  files: GeneratedFile[];
}

/** What a run of the plugins is told: every input of their contexts, resolved. */
export interface PluginRun {
  /** Every plugin known (apiloom's, then the config's), in the order they are made. */
  plugins: readonly ArtifactPlugin[];
  /** The artifacts asked for; what they need is made too. */
  artifacts: Iterable<string>;
  /** Each plugin's options by its name, resolved (see workflow/settings.ts). */
  options: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  templatesDir?: string;
  layout: OutputLayout;
}

/**
 * Runs the plugins of the artifacts asked for and of everything they need, in registry order,
 * each with its own options and a context shared by all: the type index (made once, when a
 * plugin first asks), one reporter, the layout and every artifact's path. It knows nothing about
 * any one artifact. With `jobs` above 1, some of apiloom's own plugins run in worker threads;
 * their files and diagnostics are joined in registry order, and the first error in that order is
 * thrown, as a run on one thread would.
 */
export async function runPlugins(
  model: ApiModel,
  run: PluginRun,
  onArtifact: (artifact: string) => void = () => {},
  /**
   * How many threads make the artifacts (EXPERIMENT: APILOOM_JOBS_EXPERIMENT, default 1). More
   * starts worker threads that each receive a copy of the model and make some of apiloom's own
   * artifacts (src/emit/parallel.ts); the files, diagnostics and errors are the same either way.
   */
  jobs = Number(process.env.APILOOM_JOBS_EXPERIMENT ?? 1),
): Promise<{ batches: EmitterBatch[]; diagnostics: Diagnostic[] }> {
  const names = withNeeds(run.artifacts, run.plugins);
  const chosen = run.plugins.filter((p) => names.includes(p.name));
  const paths = Object.freeze(
    Object.fromEntries(run.plugins.map((p) => [p.name, p.path])),
  );
  const plan = planThreads(chosen, jobs);
  const remote = startWorkers(plan, chosen, {
    model,
    options: run.options,
    templatesDir: run.templatesDir,
    layout: run.layout,
    paths,
  });
  const reporter = new Reporter();
  let types: TypeIndex | undefined;
  const outcomes = new Map<string, Outcome | undefined>();
  for (const plugin of chosen) {
    if (remote.has(plugin.name)) continue;
    onArtifact(plugin.name);
    const before = reporter.diagnostics.length;
    try {
      const files = await plugin.emit({
        model,
        options: run.options[plugin.name] ?? {},
        templatesDir: run.templatesDir,
        layout: run.layout,
        paths,
        get types() {
          return (types ??= createTypeIndex(model));
        },
        reporter,
        imports: importCollector,
      });
      const diagnostics = reporter.diagnostics.slice(before);
      outcomes.set(plugin.name, { files, diagnostics });
    } catch (error) {
      outcomes.set(plugin.name, { error });
      break;
    }
  }
  for (const [name, outcome] of remote) outcomes.set(name, await outcome);
  const joined = new Reporter();
  const batches: EmitterBatch[] = [];
  for (const plugin of chosen) {
    const outcome = outcomes.get(plugin.name);
    // not made: a plugin before it on its thread failed, and that error is thrown first
    if (!outcome) continue;
    if ("error" in outcome) throw outcome.error;
    batches.push({
      emitter: plugin.name,
      path: plugin.path,
      files: outcome.files,
    });
    joined.add(outcome.diagnostics);
  }
  return { batches, diagnostics: joined.diagnostics };
}
