/** A bug in an emitter, not in the user's input: the CLI reports it as an internal error (exit 2). */
export class EmitterError extends Error {}

/**
 * A plugin failed: it threw (in `emit`, or in an option's `problem`), or returned something that
 * is not a list of files (`{ path, contents }`, the contents a string), or a file outside its own
 * path. A `plugin/error` naming the plugin, on one line, without a stack: the run stops before
 * anything is written (exit 1).
 */
export class PluginError extends EmitterError {
  readonly code = "plugin/error";
  constructor(
    readonly plugin: string,
    problem: string,
  ) {
    super(`plugin/error: the plugin ${JSON.stringify(plugin)} ${problem}`);
    this.name = "PluginError";
  }
}

/** What a plugin threw, on one line: its message (never its stack), or the value itself. */
export function thrownMessage(error: unknown): string {
  const text =
    error instanceof Error ? error.message || error.name : String(error);
  return text.replace(/\s*\n\s*/g, " ").trim();
}
