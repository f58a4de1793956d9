import { resolve } from "node:path";
import type { CheckReport } from "./output/check.js";
import { isUrlInput } from "../model/source-url.js";
import type { Fingerprint } from "./records/fingerprint.js";
import {
  OutsideFileError,
  writeFileIfChanged,
  type OutsideFile,
} from "./output/outside-file.js";
import type { Accept, Produced, Stages } from "./produce.js";
import { fetchRemoteInputs } from "./sources/remote-inputs.js";
import type { ResolveInputsOptions } from "./sources/resolve-inputs.js";
import { listInputs } from "./sources/inputs.js";
import type { GenerateSettings } from "./config/settings.js";
import { markVerified, upToDate } from "./records/up-to-date.js";
import { OutputBusyError } from "./output/output-lock.js";
import { readWarningKeys, writeWarningKeys } from "./records/warning-record.js";
import {
  settleOutput,
  type WriteOptions,
  type WriteResult,
} from "./output/writer.js";

export interface GenerateRequest extends Pick<
  ResolveInputsOptions,
  "remote" | "sources"
> {
  /** Where URL inputs' header values are read from (remote.headers); default process.env. */
  env?: NodeJS.ProcessEnv;
  stages: Stages;
  /** Compare with the output folder instead of writing it. */
  check: boolean;
  /** Make everything even when the fingerprint says nothing changed. */
  full: boolean;
  accept?: Accept;
  /** Passed to the writer (see `WriteOptions`); tests use it, the CLI never sets it. */
  write?: WriteOptions;
  onStage?: (message: string) => void;
}

/** How a run ended. Errors a run cannot end on (a plugin's, the writer's) are thrown. */
export type GenerateOutcome = { notes: readonly string[] } & (
  | { status: "up-to-date"; same: Fingerprint }
  | ({ status: "failed" | "checked" | "written" | "refused" } & Made)
);

/** What a run that made everything found. */
export interface Made {
  produced: Produced;
  /** The warnings of the last run into the folder, before this one's. */
  known: Set<string> | undefined;
  report?: CheckReport;
  result?: WriteResult;
  /** The lock and handlers file rewritten (changed) after the output. */
  updated?: OutsideFile[];
  /** The output is written, but the lock or the handlers file could not be: why. */
  outsideFailure?: string;
  /** The write was refused and nothing in the output folder changed. */
  refused?: { why: string; fileSystem: boolean };
}

/**
 * One generate, start to finish: inputs, the up-to-date check, produce, --check or the write, and
 * the records. It prints nothing: what happened comes back as data.
 */
export async function generateOnce(
  settings: GenerateSettings,
  request: GenerateRequest,
): Promise<GenerateOutcome> {
  settleOutput(settings.out);
  // the URL inputs fetched first: the fingerprint holds their bytes' hash
  const listed = listInputs(settings);
  const remote =
    request.remote ?? (await fetchRemoteInputs(settings, request.env));
  const notes = remote.notes;
  if (request.stages.id !== undefined && !request.full) {
    const same = upToDate(settings, request.stages.id, remote, listed);
    // --watch watches what the record says was read: a file reached through $ref, elsewhere
    const paths = Object.keys(same?.reads ?? {}).filter((p) => !isUrlInput(p));
    request.sources?.recorded(paths.map((p) => resolve(settings.out, p)));
    if (same) return { notes, status: "up-to-date", same };
  }
  // the pipeline, the writer and the check load only for a run that makes something
  const [
    { produce },
    { finish },
    { resolveInputs },
    { EarlyStaging },
    writer,
    { checkOutput },
  ] = await Promise.all([
    import("./produce.js"),
    import("../emit/run.js"),
    import("./sources/resolve-inputs.js"),
    import("./output/early-stage.js"),
    import("./output/writer.js"),
    import("./output/check.js"),
  ]);
  const early = request.check
    ? undefined
    : new EarlyStaging(settings.out, request.write);
  try {
    const inputs = await resolveInputs(settings, {
      listed,
      remote,
      sources: request.sources,
    });
    const making = produce({ ...request, settings, inputs });
    const produced = await (early?.stageAsMade(making) ?? finish(making));
    const known = readWarningKeys(settings.out, settings.baseDir);
    writeWarningKeys(settings.out, settings.baseDir, produced.diagnostics);
    const failing = produced.diagnostics.some(
      (d) =>
        d.severity === "error" || (settings.strict && d.severity === "warning"),
    );
    const made = { produced, known };
    if (failing) return { notes, status: "failed", ...made };
    if (request.check) {
      const report = checkOutput(settings.out, produced.files, {
        files: produced.outside,
        baseDir: settings.baseDir,
      });
      // a folder found as this run would write it, manifest and all, is marked verified
      if (report.stale.length === 0)
        markVerified(settings, produced.files, produced.fingerprint, true);
      return { notes, status: "checked", ...made, report };
    }
    request.onStage?.(`writing ${settings.out}`);
    // read before the writer moves its staged copy into place: the summary reads it after
    if (produced.since?.before !== undefined) void produced.since.now;
    let result: WriteResult;
    try {
      result = writer.writeOutput(settings.out, produced.files, {
        ...request.write,
        fingerprint: produced.fingerprint,
        early: early?.active ? early : undefined,
      });
    } catch (error) {
      const fileSystem =
        typeof (error as NodeJS.ErrnoException).code === "string";
      if (
        !fileSystem &&
        !(error instanceof writer.OutputConflictError) &&
        !(error instanceof OutputBusyError)
      )
        throw error;
      const refused = { why: (error as Error).message, fileSystem };
      return { notes, status: "refused", ...made, refused };
    }
    markVerified(settings, produced.files, produced.fingerprint);
    // only after the output: the lock and the handlers must never name what was not written
    try {
      const updated = produced.outside.filter(writeFileIfChanged);
      return { notes, status: "written", ...made, result, updated };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (typeof code !== "string" && !(error instanceof OutsideFileError))
        throw error;
      const outsideFailure = (error as Error).message;
      return { notes, status: "written", ...made, result, outsideFailure };
    }
  } finally {
    early?.close();
  }
}
