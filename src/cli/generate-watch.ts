import { resolveApis, resolveSettings } from "../workflow/config/settings.js";
import type { GenerateSettings } from "../workflow/config/settings.js";
import { watchApi, watchApis, type WatchEvent } from "../workflow/watch.js";
import type { GenerateFlags } from "./generate-options.js";
import type { Stages } from "../workflow/produce.js";
import { failedRun, type RunIO } from "./run-io.js";
import { plural, seconds, shownPath, visibleLines } from "./report.js";
import { apiLabel, labelled, runOnce } from "./generate-run.js";
import { shownUrl, isUrlInput } from "../model/source-url.js";

/** `generate --watch` (workflow/watch.ts), printed: each API's loop, its lines labelled. */
export async function watchGenerate(
  flags: GenerateFlags,
  apis: readonly GenerateSettings[],
  stages: Stages,
  io: RunIO,
): Promise<number> {
  const watch = (initial: GenerateSettings, io: RunIO) => {
    // the API this loop watches, of a config with several
    const own =
      initial.api !== undefined ? { ...flags, api: initial.api } : flags;
    return watchApi(initial, {
      run: (settings, remote, sources) =>
        runOnce(settings, own, stages, { ...io, sources }, remote),
      settings: () => resolveSettings(own, io.cwd),
      tell: (event) => tell(event, io),
      env: io.env,
    });
  };
  if (apis[0]!.api === undefined) return watch(apis[0]!, io);
  // `--api x` watches that API alone; otherwise APIs added to the config are watched too
  return watchApis(
    apis,
    (api) => watch(api, { ...io, stderr: labelled(io.stderr, apiLabel(api)) }),
    flags.api === undefined ? () => resolveApis(flags, io.cwd) : undefined,
  );
}

function tell(event: WatchEvent, io: RunIO): void {
  const say = (text: string): void => void io.stderr.write(text);
  switch (event.kind) {
    case "changed":
      return say(
        `${io.paint.blue("apiloom: changed")} ${event.paths.map((p) => (isUrlInput(p) ? shownUrl(p) : shownPath(io.cwd, p))).join(", ")}\n`,
      );
    case "ran": {
      const { first, counts } = event;
      if (first && counts.read + counts.reused === 0) return;
      return say(
        io.paint.dim(
          `apiloom: ${first ? "built" : "rebuilt"} in ${seconds(event.ms)}: ${plural(counts.read, "file")} read, ${counts.reused} unchanged; ${counts.parsed} parsed, ${counts.cached} from the cache\n`,
        ),
      );
    }
    case "watching":
      return say(
        io.paint.dim("apiloom: watching for changes (Ctrl-C to stop)\n"),
      );
    case "failed":
      return void failedRun(event.error, io.stderr);
    case "config":
      return say(`apiloom generate: ${visibleLines(event.error.message)}\n`);
    case "left":
      return say(
        `apiloom: ${event.api} is no longer in the config; stopped watching it\n`,
      );
    case "stopped":
      return say("apiloom: stopped watching\n");
  }
}
