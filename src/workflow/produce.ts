import { slashedRelative } from "./sources/real-path.js";
import type { ArtifactPlugin, GeneratedFile } from "../emit/artifact.js";
import { runPipeline } from "../pipeline.js";
import { printedPlaces } from "../emit/registry.js";
import { DeferredPlaces } from "../model/diagnostics/source-place.js";
import { Reporter } from "../model/diagnostics/reporter.js";
import type { ApiModel, Diagnostic } from "../model/types.js";
import { compareCodeUnits } from "../model/order.js";
import { decodeSource } from "../ingest/decode-text.js";
import { resolveInputs } from "./sources/resolve-inputs.js";
import { lockedOut, nameLockText } from "./records/name-lock.js";
import {
  checkLockPlace,
  readOutsideFile,
  type OutsideFile,
} from "./output/outside-file.js";
import { everyInputRead, HandlerChanges } from "./records/handler-changes.js";
import { staleOutputImport } from "./output/moved-output.js";
import { lastRunIn, type SinceLastRun } from "./records/since-last-run.js";
import type { GenerateSettings } from "./config/settings.js";
import {
  fingerprintBase,
  fromOut,
  type Fingerprint,
} from "./records/fingerprint.js";
import { MISSING, sha256Bytes, sortedRecord } from "./identity.js";

/** The emitters a run wires into the pipeline; tests inject fakes. */
export interface Stages {
  /** Names the stages in the fingerprint ("apiloom"); stages without one always run in full. */
  id?: string;
  /** Plugins standing in for apiloom's own of the same name (tests' fakes); none in real runs. */
  plugins?: readonly ArtifactPlugin[];
}

export interface Produced {
  /** The model's endpoints: the model itself is let go (a speed device: docs/benchmark.md). */
  endpoints: number;
  diagnostics: Diagnostic[];
  files: GeneratedFile[];
  /** The name lock and the handlers file as the run leaves them: written after the output. */
  outside: OutsideFile[];
  /** The handlers file, its bytes before and after the run (not text: not all may be UTF-8). */
  handlers?: NonNullable<Awaited<ReturnType<typeof updateHandlers>>>["update"];
  /** Undefined when the stages have no id. */
  fingerprint?: Fingerprint;
  /** The OpenAPI document of the last run beside this one's (the `openapi` artifact only). */
  since?: SinceLastRun;
}

/**
 * Handlers whose changed contract a run accepts (`--accept <name>`, or true with
 * `--accept-changes`): a choice of this one run, so not a setting and not in the fingerprint.
 */
export type Accept = true | readonly string[];

/**
 * Everything a run makes, in memory: the pipeline, the handlers file, the fingerprint. Each
 * plugin's batch is yielded as it is made, for the writer to stage its large texts.
 */
export async function* produce(run: {
  readonly settings: GenerateSettings;
  readonly stages: Stages;
  readonly onStage?: (message: string) => void;
  /** Resolved here when not given. */
  readonly inputs?: Awaited<ReturnType<typeof resolveInputs>>;
  readonly accept?: Accept;
}) {
  // places no file prints are found only when a diagnostic needs them
  const printed = run.settings.placesPrinted;
  const deferred =
    printed === "none"
      ? new DeferredPlaces()
      : printed === "endpoints"
        ? new DeferredPlaces(printedPlaces)
        : undefined;
  try {
    const { settings, stages } = run;
    const lockOut = lockedOut(settings);
    const plugins = settings.emit.plugins.map(
      (plugin) => stages.plugins?.find((p) => p.name === plugin.name) ?? plugin,
    );
    const inputs = run.inputs ?? (await resolveInputs(settings));
    const { inputFiles, sources } = inputs;
    // apiloom's own diagnostics first, then the settings', the model's, the emitters', the scaffold's
    const reporter = new Reporter();
    reporter.add(inputs.diagnostics);
    const out = settings.out;
    // every file the stages read, hashed from the very bytes they parsed
    const reads = new Map<string, string>();
    const readText = (absPath: string): string => {
      reads.set(fromOut(out, absPath), MISSING); // until it is read
      const read = inputs.read(absPath);
      reads.set(fromOut(out, absPath), read.hash);
      // a run that prints places finds those left waiting in the text decoded again from the
      // bytes, which take less room than the text (a watch keeps each text anyway)
      const bytes = sources ? undefined : read.bytes;
      if (bytes && deferred?.printed)
        deferred.keepText(absPath, () => decodeSource(bytes));
      return read.text;
    };
    const lastRun = lastRunIn(out);
    const { model, files, diagnostics } = yield* runPipeline(inputFiles, {
      load: {
        ...inputs.load,
        readText,
        parse: sources?.parse,
        deferPlaces: deferred,
      },
      emit: { ...settings.emit, plugins },
      onStage: run.onStage,
      sinceLastRun: lastRun,
    });
    const since = lastRun(files);
    const handlers = settings.emit.artifacts.includes("server")
      ? await updateHandlers(
          settings,
          model,
          since,
          run.accept,
          everyInputRead([...reporter.diagnostics, ...diagnostics]),
        )
      : undefined;
    // the handlers' record in its sorted place (the manifest's order); a path a plugin made is its
    const record = handlers?.record;
    if (record && !files.some((f) => f.path === record.path)) {
      files.push(record);
      files.sort((a, b) => compareCodeUnits(a.path, b.path));
    }
    checkLockPlace(settings, files);
    reporter.add(settings.warnings);
    reporter.add(diagnostics);
    reporter.add(handlers?.diagnostics ?? []);
    const produced: Produced = {
      endpoints: model.endpoints.length,
      diagnostics: reporter.diagnostics,
      files,
      outside: [],
      handlers: handlers?.update,
      since,
    };
    if (settings.lock)
      produced.outside.push({
        file: settings.lock,
        contents: nameLockText(
          model.endpoints,
          model.webhooks,
          settings.remote.lock ? inputs.remote.hashes() : undefined,
          lockOut,
        ),
      });
    if (handlers)
      produced.outside.push({
        file: handlers.update.file,
        contents: handlers.update.after,
        before: handlers.update.before,
      });
    if (stages.id !== undefined) {
      // the name lock and the handlers file are recorded as the run leaves them, which the next
      // run reads: the record is the same whichever run made it
      const outside = new Map(
        produced.outside.map((f) => [
          fromOut(out, f.file),
          sha256Bytes(f.contents),
        ]),
      );
      for (const [path, hash] of outside) reads.set(path, hash);
      produced.fingerprint = {
        ...fingerprintBase(settings, stages.id, inputFiles),
        reads: sortedRecord(reads),
        outside: sortedRecord(outside),
        endpoints: model.endpoints.length,
        warnings: produced.diagnostics.filter((d) => d.severity === "warning")
          .length,
      };
    }
    return produced;
  } finally {
    deferred?.release();
  }
}

/** The user's handlers file: created once, then only given stubs for new endpoints. */
async function updateHandlers(
  settings: GenerateSettings,
  model: ApiModel,
  since: SinceLastRun | undefined,
  accept: Accept | undefined,
  judgeOrphans: boolean,
) {
  if (!settings.serverHandlers) return undefined;
  // ts-morph is loaded only for a run that has a handlers file
  const { serverImportPath, updateHandlersBytes } =
    await import("../scaffold/update-handlers-file.js");
  const file = settings.serverHandlers;
  const before = readOutsideFile(file, "the handlers file");
  const record = new HandlerChanges(
    settings.emit.plugins.find((p) => p.name === "server")?.path ?? "server",
    since,
  );
  const result = updateHandlersBytes({
    file: slashedRelative(settings.baseDir, file),
    existing: before,
    model,
    importFrom: serverImportPath(
      file,
      settings.out,
      settings.emit.layout.importExtension,
    ),
    describe: (name, was) => record.describe(name, was),
    accept: (name) => accept === true || (accept ?? []).includes(name),
    judgeOrphans,
    staleImport: staleOutputImport(file, settings.out, settings.baseDir),
  });
  return {
    update: {
      file,
      before,
      after: result.contents,
      added: result.added,
      accepted: result.accepted,
    },
    diagnostics: result.diagnostics,
    record: record.file(),
  };
}
