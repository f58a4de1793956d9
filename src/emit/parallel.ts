import { Worker } from "node:worker_threads";
import { TemplateError } from "./templates.js";
import type { ApiModel, Diagnostic } from "../model/types.js";
import type { ArtifactPlugin, GeneratedFile } from "./artifact.js";
import type { SentError, WorkerJob, WorkerResult } from "./emit-worker.js";
import { BUILT_IN_PLUGINS } from "./registry.js";

/** What one plugin's emit came to: its files and the diagnostics it added, or what it threw. */
export type Outcome =
  { files: GeneratedFile[]; diagnostics: Diagnostic[] } | { error: unknown };

/**
 * How long each of apiloom's emitters takes, relative to the others (GitHub's description, one
 * CPU profile): the planner balances the threads by these. Only the split depends on them,
 * never the output.
 */
const WEIGHT: Readonly<Record<string, number>> = {
  types: 3.5,
  client: 0.8,
  server: 1.7,
  validators: 5.2,
  docs: 2.3,
  openapi: 1.6,
  query: 0.5,
  mocks: 1,
};
/** What a worker costs before its first emitter: starting, loading, receiving the model. */
const WORKER_START = 1;

/**
 * Which thread makes each plugin: 0 is this one, 1… are workers. Only apiloom's own plugins may
 * go to a worker (a worker loads them from the registry; a config's plugin or a test's stand-in
 * is a function only this thread has). Longest first, each to the least loaded thread; ties to
 * the lower thread. Deterministic.
 */
export function planThreads(
  plugins: readonly ArtifactPlugin[],
  jobs: number,
): Map<string, number> {
  const plan = new Map<string, number>();
  const load = Array.from({ length: Math.max(1, jobs) }, (_, i) =>
    i === 0 ? 0 : WORKER_START,
  );
  const movable: ArtifactPlugin[] = [];
  for (const plugin of plugins) {
    const own = BUILT_IN_PLUGINS.find((p) => p.name === plugin.name);
    if (own === plugin && load.length > 1) movable.push(plugin);
    else {
      plan.set(plugin.name, 0);
      load[0]! += WEIGHT[plugin.name] ?? 1;
    }
  }
  const weight = (p: ArtifactPlugin) => WEIGHT[p.name] ?? 1;
  const order = movable
    .map((plugin, index) => ({ plugin, index }))
    .sort((a, b) => weight(b.plugin) - weight(a.plugin) || a.index - b.index);
  for (const { plugin } of order) {
    let best = 0;
    for (let i = 1; i < load.length; i++) if (load[i]! < load[best]!) best = i;
    plan.set(plugin.name, best);
    load[best]! += weight(plugin);
  }
  return plan;
}

/** The workers' part of a run: one worker per thread of the plan but 0, started now. */
export function startWorkers(
  plan: ReadonlyMap<string, number>,
  plugins: readonly ArtifactPlugin[],
  job: Omit<WorkerJob, "names">,
): Map<string, Promise<Outcome | undefined>> {
  const threads = new Map<number, string[]>();
  for (const plugin of plugins) {
    const thread = plan.get(plugin.name) ?? 0;
    if (thread === 0) continue;
    threads.set(thread, [...(threads.get(thread) ?? []), plugin.name]);
  }
  const outcomes = new Map<string, Promise<Outcome | undefined>>();
  for (const names of threads.values()) {
    const group = runWorker({ ...job, names });
    for (const name of names)
      outcomes.set(
        name,
        group.then((results) => results.get(name)),
      );
  }
  return outcomes;
}

/** One worker: each of its plugins' outcome, by name (a plugin after a failed one has none). */
function runWorker(job: WorkerJob): Promise<Map<string, Outcome>> {
  return new Promise((resolve) => {
    const failAll = (error: unknown) =>
      resolve(new Map(job.names.slice(0, 1).map((name) => [name, { error }])));
    let worker: Worker;
    try {
      worker = new Worker(new URL("./emit-worker.js", import.meta.url), {
        workerData: job,
      });
    } catch (error) {
      failAll(error);
      return;
    }
    let answered = false;
    worker.once("message", (results: WorkerResult[]) => {
      answered = true;
      const outcomes = new Map<string, Outcome>();
      for (const result of results)
        outcomes.set(
          result.name || job.names[0]!,
          "error" in result ? { error: rebuilt(result.error) } : result,
        );
      resolve(outcomes);
    });
    worker.once("error", (error) => {
      answered = true;
      failAll(error);
    });
    worker.once("exit", (code) => {
      if (!answered)
        failAll(
          new Error(
            `the worker making ${job.names.join(", ")} stopped (exit code ${code}) before it answered`,
          ),
        );
    });
  });
}

/** The classes an emitter's error is rebuilt as, by name; any other becomes an Error. */
const ERROR_CLASSES: Readonly<Record<string, new (message: string) => Error>> =
  {
    TemplateError,
    Error,
    TypeError,
    RangeError,
    ReferenceError,
    SyntaxError,
    URIError,
    EvalError,
  };

/** An emitter's error as the main thread would have caught it: same class, message and stack. */
function rebuilt(sent: SentError): Error {
  const make = Object.hasOwn(ERROR_CLASSES, sent.className)
    ? ERROR_CLASSES[sent.className]!
    : Error;
  const error = new make(sent.message);
  if (sent.stack !== undefined) error.stack = sent.stack;
  return error;
}
