/**
 * A worker thread's side of a parallel emit (src/emit/parallel.ts): given the model (cloned once
 * into this thread) and the names of apiloom's own plugins to run, it runs them in registry order
 * with their options and one reporter, exactly as src/emit/run.ts does, and posts back each
 * plugin's files and diagnostics, or the first error an emitter threw (its class, message and
 * stack, rebuilt on the other side).
 */
import { parentPort, workerData } from "node:worker_threads";
import { Reporter } from "../model/reporter.js";
import type { ApiModel, Diagnostic } from "../model/types.js";
import type { GeneratedFile } from "./artifact.js";
import { importCollector } from "./import-collector.js";
import type { OutputLayout } from "./layout.js";
import { BUILT_IN_PLUGINS } from "./registry.js";
import { createTypeIndex, type TypeIndex } from "./types/type-index.js";

/** What the main thread sends (workerData). */
export interface WorkerJob {
  model: ApiModel;
  names: string[];
  options: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  templatesDir?: string;
  layout: OutputLayout;
  paths: Readonly<Record<string, string>>;
}

/** One plugin's outcome, posted back in the order run. */
export type WorkerResult =
  | {
      name: string;
      files: GeneratedFile[];
      /** The reporter's diagnostics after this plugin, new ones only. */
      diagnostics: Diagnostic[];
    }
  | { name: string; error: SentError };

/** An error as it crosses threads: the class's name picks the class it is rebuilt as. */
export interface SentError {
  className: string;
  message: string;
  stack?: string;
}

async function run(job: WorkerJob): Promise<WorkerResult[]> {
  const reporter = new Reporter();
  let types: TypeIndex | undefined;
  const results: WorkerResult[] = [];
  for (const name of job.names) {
    const plugin = BUILT_IN_PLUGINS.find((p) => p.name === name)!;
    const before = reporter.diagnostics.length;
    try {
      const files = await plugin.emit({
        model: job.model,
        options: (job.options[name] ?? {}) as never,
        templatesDir: job.templatesDir,
        layout: job.layout,
        paths: job.paths,
        get types() {
          return (types ??= createTypeIndex(job.model));
        },
        reporter,
        imports: importCollector,
      });
      results.push({
        name,
        files,
        diagnostics: reporter.diagnostics.slice(before),
      });
    } catch (error) {
      // a serial run stops at the first error: so does this group
      results.push({ name, error: sendable(error) });
      break;
    }
  }
  return results;
}

function sendable(error: unknown): SentError {
  if (error instanceof Error)
    return {
      className: error.constructor.name,
      message: error.message,
      stack: error.stack,
    };
  return { className: "", message: String(error) };
}

if (parentPort) {
  const port = parentPort;
  run(workerData as WorkerJob).then(
    (results) => port.postMessage(results),
    (error) =>
      port.postMessage([
        { name: "", error: sendable(error) },
      ] as WorkerResult[]),
  );
}
