import { PluginError } from "../emit/artifact.js";
import type { GenerateRequest } from "../workflow/generate-once.js";
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

/** What a generate run prints with and passes on: the command's outside world, and colours. */
export type RunIO = Omit<ReturnType<typeof commandIO>, "env"> &
  Pick<GenerateRequest, "write" | "env" | "sources"> & { paint: Paint };

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
