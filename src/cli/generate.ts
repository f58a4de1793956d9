import { ConfigError } from "../workflow/config/error.js";
import type { Stages } from "../workflow/produce.js";
import { BUILT_IN_PLUGINS } from "../emit/registry.js";
import { loadConfig } from "../workflow/config/load.js";
import {
  pluginsOf,
  resolveApis,
  type GenerateSettings,
} from "../workflow/config/settings.js";
import { paint, useColor } from "./colors.js";
import {
  generateHelp,
  parseGenerateArgs,
  type GenerateFlags,
} from "./generate-options.js";
import { runApis, runOnce } from "./generate-run.js";
import { commandIO, type CommandDeps, type RunIO } from "./run-io.js";
import { configLine, printLeftBehind, visibleLines } from "./report.js";

/**
 * `apiloom generate`: exit 0 done, 1 errors / strict warnings / stale with --check, 2 usage.
 * `deps`: the outside world of one run; tests replace any part (stages above all: fake emitters).
 */
export async function runGenerate(
  args: string[],
  deps: CommandDeps & Pick<RunIO, "write"> & { stages?: Stages } = {},
): Promise<number> {
  const outside = commandIO(deps);
  const { cwd, stdout, stderr } = outside;
  let flags: GenerateFlags;
  let apis: GenerateSettings[];
  try {
    // a first look for the config, whose plugins may declare flags of their own
    const first = parseGenerateArgs(args, BUILT_IN_PLUGINS, true);
    if (first.help) {
      // the config's plugins' flags too; a broken config's errors are for a run to show
      const plugins = await loadConfig(first, cwd)
        .then((loaded) => pluginsOf(loaded?.config))
        .catch(() => BUILT_IN_PLUGINS);
      stdout.write(generateHelp(plugins));
      return 0;
    }
    if (first.watch && first.check)
      throw new ConfigError("--watch and --check cannot be combined");
    // accepting is a decision about the changes a person has seen: a watch would accept each
    // later change too, unseen, on every rebuild
    if (first.watch && first.accept !== undefined)
      throw new ConfigError(
        `--watch and ${first.accept === true ? "--accept-changes" : "--accept"} cannot be combined: accept with one run, then watch`,
      );
    const loaded = await loadConfig(first, cwd);
    flags = parseGenerateArgs(args, pluginsOf(loaded?.config));
    apis = await resolveApis(flags, cwd, { loaded });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    stderr.write(`apiloom generate: ${visibleLines(error.message)}\n`);
    return 2;
  }
  const color = useColor(flags.color, outside.env, stderr.isTTY ?? false);
  const stages = deps.stages ?? { id: "apiloom" };
  const io = { ...outside, paint: paint(color), write: deps.write };
  const settings = apis[0]!;
  // which config was read: with --verbose, or when part of it is not used (a warning of sorts)
  const loaded = configLine(settings, cwd);
  if (loaded && !flags.quiet && (flags.verbose || settings.notApplied?.length))
    stderr.write(io.paint.dim(loaded));
  if (!flags.quiet && flags.api === undefined && flags.out === undefined)
    printLeftBehind(apis, io);
  if (flags.watch) {
    const { watchGenerate } = await import("./generate-watch.js");
    return watchGenerate(flags, apis, stages, io);
  }
  return apis.length > 1
    ? runApis(apis, flags, stages, io)
    : runOnce(settings, flags, stages, io);
}
