import { ScaffoldReporter } from "./codes.js";
import { endpointKey } from "../model/merge/naming.js";
import type { ApiModel, Diagnostic, Endpoint } from "../model/types.js";
import { signatures } from "../emit/server/signature.js";
import { analyzeHandlersFile } from "./analyze.js";
import { dirname } from "node:path";
import {
  importFromProject,
  outputLayout,
  type OutputLayout,
} from "../emit/layout.js";
import { ARTIFACT_PATHS } from "../emit/registry.js";
import { importStatement } from "../emit/shared/statements.js";
import { stringLiteral } from "../emit/shared/literals.js";
import { decodeUtf8, insertBytes } from "../ingest/utf8-bytes.js";
import { webhookInsertions, webhookScaffold } from "./webhook-stubs.js";
import {
  changedContracts,
  commentLine,
  importInsertion,
  memberLine,
  members,
  objectDeclaration,
  stubMember,
  type ChangedHandler,
  type Insertion,
} from "./changed-contracts.js";

export interface UpdateHandlersInput {
  /** The handlers file as the user names it: used in diagnostics only. */
  file: string;
  /** Its current bytes; undefined when it does not exist yet (it is then created). */
  existing: Uint8Array | undefined;
  model: ApiModel;
  /** How the file imports the generated server (see `serverImportPath`). */
  importFrom: string;
  /**
   * What changed under a handler whose entry still holds the hash `was`, in words (the rules of
   * src/diff); undefined when that is not known. Without it the warning names no change.
   */
  describe?: (name: string, was: string) => readonly string[] | undefined;
  /** Handlers whose changed contract is accepted: their entry's hash becomes the current one. */
  accept?: (name: string) => boolean;
  /**
   * Whether every input was read: handlers are judged orphaned only then (a model that failed to
   * load in part would call every handler of the missing part orphaned). Default true.
   */
  judgeOrphans?: boolean;
  /** Why the import of `specifier` points at an output folder this API no longer generates, if so. */
  staleImport?: (specifier: string) => string | undefined;
}

export interface UpdateHandlersResult {
  /** True when there was no file: `contents` is the whole scaffold. */
  created: boolean;
  /** Endpoints that got a 501 stub, in model order. */
  added: string[];
  /** Handlers whose endpoint no longer exists (left in place). */
  orphaned: string[];
  /** Handlers whose endpoint's contract changed since they were written (left in place). */
  changed: ChangedHandler[];
  /** Of those, the ones accepted: their signature entry now holds the current hash. */
  accepted: string[];
  diagnostics: Diagnostic[];
  /** The new bytes of the file; equal to `existing` when nothing had to be added. */
  contents: Buffer;
}

/**
 * Keeps the user's handlers file in step with the model (docs/server.md): a scaffold first, then
 * insertions only (a 501 stub and its signature entry per endpoint without a handler). Orphaned
 * handlers and changed signatures are warnings, never deleted or rewritten; the one edit that is
 * not an insertion is asked for: `accept` replaces a hash between the entry's quotes.
 *
 * The file is read and written as bytes, so that bytes that are not UTF-8 stay as they are.
 */
export function updateHandlersBytes(
  input: UpdateHandlersInput,
): UpdateHandlersResult {
  const { model, existing } = input;
  if (existing === undefined)
    return {
      ...planned(true),
      added: model.endpoints.map((e) => e.name),
      contents: Buffer.from(scaffoldText(model, input.importFrom)),
    };
  const decoded = decodeUtf8(existing);
  const { result, insertions } = plan(input, decoded.text);
  const contents = insertBytes(
    existing,
    insertions.map(({ at, end, text }) => ({
      at: decoded.byteOffsets[at],
      end: end === undefined ? undefined : decoded.byteOffsets[end],
      text,
    })),
  );
  return { ...result, contents };
}

type Planned = Omit<UpdateHandlersResult, "contents">;

const planned = (created: boolean): Planned => ({
  created,
  added: [],
  orphaned: [],
  changed: [],
  accepted: [],
  diagnostics: [],
});

/** What an existing file needs: the insertions (offsets into `existing`) and what to report. */
function plan(
  given: Omit<UpdateHandlersInput, "existing">,
  existing: string,
): { result: Planned; insertions: Insertion[] } {
  const shape = analyzeHandlersFile(existing);
  // the file's own import of the server, `.js` or `.ts` (config importExtension), is the one added
  const stem = (s: string) => s.replace(/\.[jt]s$/, "");
  const own = shape.imports.find(
    (i) => stem(i.specifier) === stem(given.importFrom),
  );
  const input = own ? { ...given, importFrom: own.specifier } : given;
  const { model, file } = input;
  const result = planned(false);
  const insertions: Insertion[] = [];
  const reporter = new ScaffoldReporter();
  const at = (pos = 0) => ({ file, ...shape.lineAndColumn(pos) });
  const done = () => {
    // each place as the file reads once written: below the lines inserted before it
    const added = insertions.map((i) => ({
      ...shape.lineAndColumn(i.at),
      lines: i.text.split("\n").length - 1,
    }));
    for (const d of reporter.diagnostics)
      d.line += added
        .filter(
          (i) => i.line < d.line || (i.line === d.line && i.column < d.column),
        )
        .reduce((sum, i) => sum + i.lines, 0);
    return {
      result: { ...result, diagnostics: reporter.diagnostics },
      insertions,
    };
  };
  if (!shape.handlers) {
    reporter.report(
      "scaffold/handlers-not-found",
      "no object checked against Handlers (`export const handlers = { … } satisfies Handlers`); nothing was added",
      at(),
    );
    return done();
  }

  const signatureOf = signatures(model);
  const check = {
    choices: input,
    reporter,
    at,
    signatureOf,
    formerSignatureOf: signatures(model, true),
    found: result,
    insertions,
  };
  const byName = new Map(model.endpoints.map((e) => [e.name, e]));
  const recorded = new Set(
    (shape.signatures?.members ?? []).map((m) => m.name),
  );
  const written = new Set(shape.handlers.members.map((m) => m.name));
  for (const { specifier, pos } of shape.imports) {
    const stale = input.staleImport?.(specifier);
    if (stale) reporter.report("scaffold/stale-output-import", stale, at(pos));
  }
  const judgeOrphans = input.judgeOrphans ?? true;
  const unknown = shape.handlers.members.filter((m) => !byName.has(m.name));
  if (judgeOrphans)
    for (const member of unknown) {
      result.orphaned.push(member.name);
      reporter.report(
        "scaffold/orphaned-handler",
        `handler ${stringLiteral(member.name)} has no endpoint any more; it is kept, and tsc reports it as an unknown property of Handlers until you remove it (and its signature entry)`,
        at(member.pos),
      );
    }
  changedContracts(
    shape.handlers.members,
    shape.signatures,
    byName,
    operationLine,
    check,
  );
  if (!judgeOrphans)
    reporter.report(
      "scaffold/orphan-check-skipped",
      `orphaned handlers not checked: an input was not read, so ${unknown.length === 1 ? "1 handler whose endpoint was not found is" : `${unknown.length} handlers whose endpoints were not found are`} not judged until every input reads`,
      at(shape.handlers.members[0]?.pos ?? shape.handlers.insertAt),
    );

  const missing = model.endpoints.filter((e) => !written.has(e.name));
  if (missing.length > 0 && shape.handlers.hasSpread) {
    reporter.report(
      "scaffold/spread-in-handlers",
      `the handlers object has a spread, so apiloom cannot tell whether it holds ${missing.map((e) => e.name).join(", ")}; no stubs were added (a stub after the spread would replace your handler)`,
      at(shape.handlers.members[0]?.pos),
    );
    return done();
  }

  result.added = missing.map((e) => e.name);
  if (missing.length > 0)
    insertions.push(
      ...members(shape.handlers, (indent) =>
        missing.map((e) => stubMember(indent, e.name, operationLine(e))),
      ),
    );
  const hooks = webhookInsertions(model, existing, shape, check);
  // first: before the import of the webhooks' types, made at the same place
  if ((missing.length > 0 || hooks.length > 0) && !shape.hasNotImplemented)
    insertions.unshift(
      importInsertion(
        shape,
        `${importStatement(["notImplemented"], input.importFrom, false)}\n`,
      ),
    );

  // new stubs, and handlers the user wrote without an entry (every endpoint is one or the
  // other by now), get the current hash
  const unrecorded = model.endpoints.filter((e) => !recorded.has(e.name));
  if (unrecorded.length > 0) {
    if (shape.signatures && !shape.signatures.hasSpread)
      insertions.push(
        ...members(shape.signatures, (indent) =>
          unrecorded.map((e) =>
            memberLine(indent, e.name, stringLiteral(signatureOf(e))),
          ),
        ),
      );
    else
      reporter.report(
        "scaffold/signatures-not-found",
        "no object checked against HandlerSignatures (`export const signatures = { … } satisfies HandlerSignatures`): changed contracts cannot be detected",
        at(),
      );
  }
  return done();
}

/** Method, path and summary on one line: safe inside a `//` comment. */
function operationLine(endpoint: Endpoint): string {
  return commentLine(endpointKey(endpoint), endpoint.summary);
}

/** The handlers file as apiloom first writes it: every handler a 501 stub. */
function scaffoldText(model: ApiModel, importFrom: string): string {
  const stubs = model.endpoints
    .map((e) => stubMember("  ", e.name, operationLine(e)))
    .join("");
  const signatureOf = signatures(model);
  const entries = model.endpoints
    .map((e) => memberLine("  ", e.name, stringLiteral(signatureOf(e))))
    .join("");
  const webhooks = webhookScaffold(model, importFrom, signatureOf);
  return (
    "// Your implementation of the API's handlers. apiloom wrote this file once; when the API\n" +
    "// description changes it only adds stubs (answering 501) for new endpoints and reports\n" +
    "// handlers whose endpoint is gone or whose contract changed. It never edits your code.\n" +
    importStatement(
      ["notImplemented", "type HandlerSignatures", "type Handlers"],
      importFrom,
      false,
    ) +
    "\n" +
    webhooks.imports +
    "\n" +
    objectDeclaration("handlers", stubs, "Handlers") +
    "\n" +
    "/**\n" +
    " * The contract each handler above was written for. When apiloom reports a changed contract\n" +
    " * (tsc flags the entry here too), review the handler, then run apiloom generate --accept-changes.\n" +
    " */\n" +
    objectDeclaration("signatures", entries, "HandlerSignatures") +
    webhooks.declaration
  );
}

/**
 * The module specifier the handlers file imports the generated server from: `<outputDir>/server/
 * index.js` relative to the handlers file's folder (`../../generated/server/index.js`).
 */
export function serverImportPath(
  handlersFile: string,
  outputDir: string,
  importExtension?: OutputLayout["importExtension"],
) {
  const layout = outputLayout(
    dirname(handlersFile),
    outputDir,
    importExtension,
  );
  return importFromProject(layout, `${ARTIFACT_PATHS.server}/index.js`);
}
