import { relative, sep } from "node:path";
import { performance } from "node:perf_hooks";
import { ConfigError } from "../workflow/config-error.js";
import { CONFIG_DEFAULTS } from "../workflow/config-types.js";
import { checkOutput } from "../workflow/check.js";
import { LockFileError } from "../workflow/name-lock.js";
import {
  writeFileIfChanged,
  type OutsideFile,
} from "../workflow/outside-file.js";
import { EmitterError } from "../workflow/output-files.js";
import {
  produce,
  type HandlersUpdate,
  type Stages,
} from "../workflow/produce.js";
import {
  resolveSettings,
  type GenerateSettings,
} from "../workflow/settings.js";
import { OutputConflictError, writeOutput } from "../workflow/writer.js";
import { paint, useColor, type Paint } from "./colors.js";
import {
  generateHelp,
  parseGenerateArgs,
  type GenerateFlags,
} from "./generate-options.js";
import { progressLine } from "./progress.js";
import { plural, printDiagnostics, seconds, tally } from "./report.js";

interface Stream {
  isTTY?: boolean;
  write(text: string): unknown;
}

/** The outside world of one run; tests replace any part (stages above all: fake emitters). */
export interface GenerateDeps {
  stages?: Stages;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  stdout?: Stream;
  stderr?: Stream;
}

/** `apiloom generate`: exit 0 done, 1 errors / strict warnings / stale with --check, 2 usage. */
export async function runGenerate(
  args: string[],
  deps: GenerateDeps = {},
): Promise<number> {
  const stderr = deps.stderr ?? process.stderr;
  const stdout = deps.stdout ?? process.stdout;
  const cwd = deps.cwd ?? process.cwd();
  const env = deps.env ?? process.env;
  let flags: GenerateFlags;
  let settings: GenerateSettings;
  try {
    flags = parseGenerateArgs(args);
    if (flags.help) {
      stdout.write(generateHelp());
      return 0;
    }
    settings = await resolveSettings(flags, cwd);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    stderr.write(`apiloom generate: ${error.message}\n`);
    return 2;
  }
  const color = useColor(flags.color, env, stderr.isTTY ?? false);
  if (flags.watch) {
    const { runWatch } = await import("./generate-watch.js");
    return runWatch(args, settings, { stderr, paint: paint(color), cwd });
  }
  const stages = deps.stages ?? (await defaultStages());
  return runOnce(settings, flags, stages, {
    stdout,
    stderr,
    cwd,
    paint: paint(color),
  });
}

async function defaultStages(): Promise<Stages> {
  const [{ loadModel }, { EMITTERS }] = await Promise.all([
    import("../pipeline.js"),
    import("../emit/index.js"),
  ]);
  return { loadModel, emitters: EMITTERS };
}

interface RunIO {
  stdout: Stream;
  stderr: Stream;
  cwd: string;
  paint: Paint;
}

async function runOnce(
  settings: GenerateSettings,
  flags: GenerateFlags,
  stages: Stages,
  io: RunIO,
): Promise<number> {
  const started = performance.now();
  const progress = progressLine(io.stderr);
  const say = (text: string) => {
    progress.clear();
    io.stderr.write(text);
  };
  let produced;
  try {
    produced = await produce(settings, stages, (m) => progress.update(m));
  } catch (error) {
    progress.clear();
    if (error instanceof LockFileError) {
      say(`apiloom generate: ${error.message}\n`);
      return 2;
    }
    if (error instanceof EmitterError) {
      say(`apiloom generate: internal error: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  progress.clear();
  printDiagnostics(
    produced.diagnostics,
    {
      paint: io.paint,
      baseDir: settings.baseDir,
      cwd: io.cwd,
      max: flags.maxDiagnostics ?? CONFIG_DEFAULTS.maxDiagnostics,
    },
    say,
  );
  const t = tally(produced.diagnostics);
  const failed = t.errors > 0 || (settings.strict && t.warnings > 0);
  const out = shownPath(io.cwd, settings.out, true);
  const problems = [
    plural(t.errors, "error"),
    plural(t.warnings, "warning"),
  ].join(", ");
  const endpoints = plural(produced.model.endpoints.length, "endpoint");
  const time = () => seconds(performance.now() - started);
  if (failed) {
    const why =
      t.errors > 0 ? "errors" : "warnings, which --strict treats as errors";
    say(
      `${io.paint.red("apiloom:")} ${endpoints}, ${problems}; nothing written because of ${why} (${time()})\n`,
    );
    return 1;
  }
  const outside: OutsideFile[] = [];
  if (settings.lock && produced.lockText !== undefined)
    outside.push({ file: settings.lock, text: produced.lockText });
  if (produced.handlers)
    outside.push({
      file: produced.handlers.file,
      text: produced.handlers.after,
    });
  if (flags.check) {
    const report = checkOutput(settings.out, produced.files, {
      files: outside,
      baseDir: settings.baseDir,
    });
    if (report.stale.length === 0) {
      say(
        `apiloom: ${out} is up to date: ${endpoints}, ${plural(produced.files.length, "file")}, ${problems} (${time()})\n`,
      );
      return 0;
    }
    io.stdout.write(report.diff);
    say(
      `${io.paint.red("apiloom:")} ${out} is stale; run apiloom generate:\n${report.stale.map((s) => `  ${s}\n`).join("")}`,
    );
    return 1;
  }
  progress.update(`writing ${out}`);
  let result;
  try {
    result = writeOutput(settings.out, produced.files);
  } catch (error) {
    if (!(error instanceof OutputConflictError)) throw error;
    say(`apiloom generate: ${error.message}\n`);
    return 1;
  }
  // after the output: the lock and the handlers must never name what was not written
  const updated = outside.filter(writeFileIfChanged);
  progress.clear();
  for (const { file } of updated)
    if (file === produced.handlers?.file)
      say(handlersNote(produced.handlers, shownPath(io.cwd, file)));
  say(
    `apiloom: ${endpoints} → ${out}: ${result.written.length} written, ${result.unchanged.length} unchanged, ${result.removed.length} removed; ${problems} (${time()})\n`,
  );
  return 0;
}

function handlersNote(handlers: HandlersUpdate, shown: string): string {
  if (handlers.before === undefined)
    return `apiloom: created ${shown} with ${plural(handlers.added.length, "handler stub")}\n`;
  return `apiloom: added ${plural(handlers.added.length, "handler stub")} to ${shown}: ${handlers.added.join(", ")}\n`;
}

/** A path as the user would type it from where they are; folders end in `/`. */
function shownPath(cwd: string, abs: string, folder = false): string {
  const rel = relative(cwd, abs).split(sep).join("/") || ".";
  return folder ? `${rel}/` : rel;
}
