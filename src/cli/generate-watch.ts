import { spawn, type ChildProcess } from "node:child_process";
import { relative, sep } from "node:path";
import { ConfigError } from "../workflow/config-error.js";
import { CONFIG_DEFAULTS } from "../workflow/config-types.js";
import { expandInputs } from "../workflow/glob.js";
import { parseGenerateArgs } from "./generate-options.js";
import {
  resolveSettings,
  type GenerateSettings,
} from "../workflow/settings.js";
import { watchFolders, watchTargets } from "../workflow/watch.js";
import type { Paint } from "./colors.js";

interface WatchIO {
  stderr: { write(text: string): unknown };
  paint: Paint;
  cwd: string;
}

/**
 * `generate --watch`: every run is a fresh `apiloom generate` child process. A long-lived process
 * would keep serving stale templates (ES modules are cached for the life of a process), and a
 * child killed mid-run by Ctrl-C cannot leave the output half-written (see writer.ts).
 * Resolves with 0 once SIGINT (or SIGTERM) arrives and the run in progress has finished.
 */
export function runWatch(
  args: readonly string[],
  initial: GenerateSettings,
  io: WatchIO,
): Promise<number> {
  const childArgs = args.filter((a) => a !== "--watch" && a !== "-w");
  const flags = parseGenerateArgs(childArgs);
  let settings = initial;
  let child: ChildProcess | undefined;
  let again: string[] | undefined;
  let stopped = false;
  let closeWatchers = () => {};
  let finish: (code: number) => void = () => {};

  const show = (p: string) => relative(io.cwd, p).split(sep).join("/") || ".";

  const rewatch = () => {
    closeWatchers();
    const inputs = expandInputs(settings.inputs, settings.baseDir).files;
    closeWatchers = watchFolders(
      watchTargets(settings, inputs),
      { outDir: settings.out, lockFile: settings.lock },
      CONFIG_DEFAULTS.watchDebounceMs,
      onChange,
    );
  };

  const run = () => {
    child = spawn(
      process.execPath,
      [...process.execArgv, process.argv[1]!, "generate", ...childArgs],
      { cwd: io.cwd, stdio: "inherit" },
    );
    child.on("exit", () => {
      child = undefined;
      if (stopped) return finish(0);
      if (again) {
        const paths = again;
        again = undefined;
        return onChange(paths);
      }
      io.stderr.write(
        io.paint.dim("apiloom: watching for changes (Ctrl-C to stop)\n"),
      );
    });
  };

  async function onChange(paths: string[]): Promise<void> {
    if (stopped) return;
    if (child) {
      again = [...(again ?? []), ...paths];
      return;
    }
    io.stderr.write(
      `${io.paint.blue("apiloom: changed")} ${paths.map(show).join(", ")}\n`,
    );
    try {
      settings = await resolveSettings(flags, io.cwd);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.stderr.write(`apiloom generate: ${error.message}\n`);
      return;
    }
    rewatch();
    run();
  }

  return new Promise((resolveExit) => {
    finish = (code) => {
      process.off("SIGINT", stop);
      process.off("SIGTERM", stop);
      resolveExit(code);
    };
    const stop = () => {
      if (stopped) return;
      stopped = true;
      closeWatchers();
      io.stderr.write("apiloom: stopped watching\n");
      if (!child) finish(0);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
    rewatch();
    run();
  });
}
