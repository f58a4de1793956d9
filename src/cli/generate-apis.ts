import { availableParallelism } from "node:os";
import type { GenerateSettings } from "../workflow/config/settings.js";
import type { GenerateFlags } from "./generate-options.js";
import { runOnce } from "./generate-run.js";
import type { LazyStages } from "../workflow/generate-once.js";
import { failedRun, type RunIO, type Stream } from "./run-io.js";

/**
 * `apiloom generate` over the several APIs of one config (issue 27). The APIs run at once, as
 * many as the machine has cores (their reading and writing overlap; a run's parsing and emitting
 * is one thread's), each writing into a buffer; the buffers are printed in the config's order, so
 * the output is the same however the runs interleave. Each line, on stdout (`--check`'s diff)
 * and stderr, is labelled `[name] `. The exit
 * code is the worst of the runs' (2 over 1 over 0).
 */
export async function runApis(
  apis: readonly GenerateSettings[],
  flags: GenerateFlags,
  stages: LazyStages,
  io: RunIO,
): Promise<number> {
  const limit = Math.max(1, Math.min(apis.length, availableParallelism()));
  const codes: number[] = [];
  const done: boolean[] = [];
  const buffers = apis.map(() => ({ stdout: "", stderr: "" }));
  let printed = 0;
  const flush = () => {
    for (; printed < apis.length && done[printed]; printed++) {
      io.stdout.write(buffers[printed]!.stdout);
      io.stderr.write(buffers[printed]!.stderr);
    }
  };
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < apis.length; i = next++) {
      const buffer = buffers[i]!;
      const label = apiLabel(apis[i]!);
      const apiIO: RunIO = {
        ...io,
        // --check's diff too: every line of a run says which API it is about
        stdout: labelled(
          { write: (text: string) => void (buffer.stdout += text) },
          label,
        ),
        stderr: labelled(
          { write: (text: string) => void (buffer.stderr += text) },
          label,
        ),
      };
      try {
        codes[i] = await runOnce(apis[i]!, flags, stages, apiIO);
      } catch (error) {
        codes[i] = failedRun(error, apiIO.stderr);
      }
      done[i] = true;
      flush();
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  const failed = apis.filter((_, i) => codes[i] !== 0).map(apiLabel);
  io.stderr.write(
    failed.length === 0
      ? `apiloom: ${apis.length} APIs done\n`
      : `apiloom: ${failed.length} of ${apis.length} APIs failed: ${failed.join(", ")}\n`,
  );
  return Math.max(...codes);
}

/** The API's name as its lines show it. */
export function apiLabel(settings: Pick<GenerateSettings, "api">): string {
  return settings.api ?? "api";
}

/**
 * A stream that starts every line with `[label] `. It reports no terminal, so a labelled run
 * draws no self-erasing progress line into the others' lines.
 */
export function labelled(stream: Stream, label: string): Stream {
  let lineStart = true;
  return {
    isTTY: false,
    write(text: string) {
      if (text === "") return;
      const lines = text.split("\n");
      const last = lines.pop()!;
      let out = "";
      for (const line of lines) {
        out += `${lineStart ? `[${label}] ` : ""}${line}\n`;
        lineStart = true;
      }
      if (last !== "") {
        out += `${lineStart ? `[${label}] ` : ""}${last}`;
        lineStart = false;
      }
      return stream.write(out);
    },
  };
}
