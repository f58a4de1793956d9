import { readFileSync } from "node:fs";
import { relative, resolve, sep } from "node:path";
import { serverImportPath, updateHandlersFile } from "../scaffold/index.js";
import { clientImportPath } from "../scaffold/import-path.js";
import type { ArtifactName, Emitter, GeneratedFile } from "../emit/artifact.js";
import type { LoadOptions } from "../pipeline.js";
import type { ApiModel, Diagnostic } from "../model/types.js";
import { readManifest } from "./manifest.js";
import { collectFiles } from "./output-files.js";
import { compareCodeUnits } from "../model/order.js";
import { expandInputs } from "./glob.js";
import { nameLockText, readNameLock } from "./name-lock.js";
import type { GenerateSettings } from "./settings.js";
import { findAmbiguousRoutes } from "../emit/server/index.js";

/** The stages a run wires; tests inject fakes. */
export interface Stages {
  emitters: Record<ArtifactName, Emitter>;
  loadModel(files: readonly string[], options: LoadOptions): ApiModel;
}

/** Everything a run makes, in memory; nothing is written yet. */
export interface Produced {
  /** Input files in the order given to the merge, relative to baseDir. */
  inputFiles: string[];
  model: ApiModel;
  /** Model diagnostics plus apiloom's own (unmatched inputs). */
  diagnostics: Diagnostic[];
  files: GeneratedFile[];
  /** The name lock to write back, or undefined when locking is off. */
  lockText?: string;
  /** The user's handlers file kept in step (config `server.handlers`), when there is one. */
  handlers?: HandlersUpdate;
}

export interface HandlersUpdate {
  /** Absolute path. */
  file: string;
  before: string | undefined;
  after: string;
  added: string[];
}

export async function produce(
  settings: GenerateSettings,
  stages: Stages,
  onStage: (message: string) => void = () => {},
): Promise<Produced> {
  const { files, unmatched } = expandInputs(settings.inputs, settings.baseDir);
  // a broad glob (`**/*`) must not read back what apiloom writes: files its manifest lists
  // (openapi.json), the lock, the handlers file
  const ours = new Set(
    Object.keys(readManifest(settings.out)?.files ?? {}).map((p) =>
      resolve(settings.out, p),
    ),
  );
  if (settings.lock) ours.add(settings.lock);
  if (settings.serverHandlers) ours.add(settings.serverHandlers);
  const sources = files.filter((f) => !ours.has(resolve(settings.baseDir, f)));
  // diagnostics come out in input order: sorted, they do not depend on the shell or the config
  const inputFiles = [...sources].sort(compareCodeUnits);
  const ownDiagnostics: Diagnostic[] = unmatched.map((pattern) => ({
    severity: "error",
    code: "input/no-match",
    message: `no file matches the input ${JSON.stringify(pattern)}`,
    file: pattern,
    line: 1,
    column: 1,
  }));
  onStage(
    `reading ${inputFiles.length} input${inputFiles.length === 1 ? "" : "s"}`,
  );
  const model = stages.loadModel(inputFiles, {
    cwd: settings.baseDir,
    allowExternalRefs: settings.allowExternalRefs,
    prefer: settings.prefer,
    info: settings.info,
    tags: settings.tags,
    names: settings.names,
    lockedNames: settings.lock ? readNameLock(settings.lock) : undefined,
  });
  const batches: { emitter: string; files: GeneratedFile[] }[] = [];
  for (const artifact of settings.artifacts) {
    onStage(`making the ${artifact}`);
    const made = await stages.emitters[artifact](model, {
      templatesDir: settings.templates,
      baseUrl: settings.baseUrl,
      docs: {
        groupBy: settings.docsGroupBy,
        clientImport: clientImportPath(settings.baseDir, settings.out),
      },
    });
    batches.push({ emitter: artifact, files: made });
  }
  const handlers = settings.artifacts.includes("server")
    ? updateHandlers(settings, model)
    : undefined;
  return {
    inputFiles,
    model,
    diagnostics: [
      ...ownDiagnostics,
      ...model.diagnostics,
      // two routes one URL can match: the server's router would pick one silently
      ...(settings.artifacts.includes("server")
        ? findAmbiguousRoutes(model)
        : []),
      ...(handlers?.diagnostics ?? []),
    ],
    files: collectFiles(batches),
    lockText: settings.lock ? nameLockText(model.endpoints) : undefined,
    handlers: handlers?.update,
  };
}

/**
 * The handlers file lives outside the output folder and belongs to the user: it is created once,
 * then only given stubs for new endpoints (src/scaffold); it is written only after the output.
 */
function updateHandlers(
  settings: GenerateSettings,
  model: ApiModel,
): { update: HandlersUpdate; diagnostics: Diagnostic[] } | undefined {
  if (!settings.serverHandlers) return undefined;
  const file = settings.serverHandlers;
  let before: string | undefined;
  try {
    before = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const result = updateHandlersFile({
    file: relative(settings.baseDir, file).split(sep).join("/"),
    existing: before,
    model,
    importFrom: serverImportPath(file, settings.out),
  });
  return {
    update: { file, before, after: result.contents, added: result.added },
    diagnostics: result.diagnostics,
  };
}
