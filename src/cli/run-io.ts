import { PluginError } from "../emit/artifact.js";
import type { SourceCache } from "../workflow/sources/source-cache.js";
import type { WriteOptions } from "../workflow/output/writer.js";
import type { Paint } from "./colors.js";

/** The outside world of a command; tests replace any part. */
export interface CommandDeps {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  stdout?: Stream;
  stderr?: Stream;
}

export function commandIO(deps: CommandDeps) {
  return {
    cwd: deps.cwd ?? process.cwd(),
    env: deps.env ?? process.env,
    stdout: deps.stdout ?? process.stdout,
    stderr: deps.stderr ?? process.stderr,
  };
}

export interface Stream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface RunIO {
  stdout: Stream;
  stderr: Stream;
  cwd: string;
  paint: Paint;
  /** Passed to the writer (see `WriteOptions`); tests use it, the CLI never sets it. */
  write?: WriteOptions;
  /** Where URL inputs' header values are read from (remote.headers); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Files and parsed documents kept between the runs of a watching process. */
  sources?: SourceCache;
}

/** A plugin's error on one line (exit 1); anything else an internal error with its stack (2). */
export function failedRun(error: unknown, stderr: Stream): number {
  if (error instanceof PluginError) {
    stderr.write(`apiloom: ${error.message}\n`);
    return 1;
  }
  stderr.write(
    `apiloom: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  return 2;
}
