import { dirname, extname, resolve } from "node:path";
import { fileStart } from "../model/diagnostics/reporter.js";
import { IngestReporter } from "./codes.js";
import type {
  Diagnostic,
  DocumentModel,
  SourceFormat,
} from "../model/types.js";
import {
  PendingPlaces,
  type DeferredPlaces,
} from "../model/diagnostics/source-place.js";
import { describeUnknown, detectFormat } from "./detect.js";
import { NOT_SPECS, parseText } from "./load.js";
import { ParseError, type ParsedDocument } from "./parse/parsed-document.js";
import { notAString, type SourceDocument } from "./reader.js";
import { readSourceText } from "./decode-text.js";
import { DEFAULT_MAX_INPUT_BYTES, readFailure } from "./read-source.js";
import { makeContext } from "./ref-resolver.js";
import { readSwagger2 } from "./swagger2/index.js";
import { readOpenApi3 } from "./openapi3/index.js";
import { readPostman } from "./postman/index.js";
import { Overlays, type OverlayOption } from "./overlay/index.js";
import { displayPath, inputPlace, isUrlInput } from "../model/source-url.js";

const READERS: Record<SourceFormat, typeof readOpenApi3> = {
  swagger2: readSwagger2,
  "openapi3.0": readOpenApi3,
  "openapi3.1": readOpenApi3,
  "openapi3.2": readOpenApi3,
  "postman2.0": readPostman,
  "postman2.1": readPostman,
};

export interface IngestOptions {
  /** Folder that display paths are relative to. Default: process.cwd(). */
  cwd?: string;
  /** Allow `$ref`s to files outside the folder of the spec that names them. Default false. */
  allowExternalRefs?: boolean;
  /**
   * Reads a file's text (inputs and files reached by `$ref`); default readSourceText (regular
   * files of at most 100 MiB, UTF-8 or UTF-16). The CLI passes one that also hashes what it
   * read, for the manifest's fingerprint. A SourceReadError it throws is reported by its code.
   */
  readText?: (absPath: string) => string;
  /**
   * Parses a file's text into its documents; default parseText. A watching process passes one
   * that reuses the documents of a text it has parsed before. The documents must not be changed.
   */
  parse?: (text: string, file: string, absPath: string) => ParsedDocument[];
  /**
   * Overlays (OpenAPI Overlay 1.0/1.1) laid over the inputs' parsed documents before they are
   * read, in this order; their files are read with `readText` (docs/inputs.md "Overlays").
   */
  overlays?: readonly OverlayOption[];
}

/** {@link IngestOptions} and what only apiloom's own runs pass (the CLI's generate): not public API. */
export interface ReadOptions extends IngestOptions {
  /**
   * Leave the places the readers hand out unfound until something needs a line (`settlePlaces`),
   * for documents that find them without their value (JSON: by its text). Default: found at once.
   */
  deferPlaces?: DeferredPlaces;
  /** Analyse the patterns (only the validators run them; false: no `patterns`). Default true. */
  analyzePatterns?: boolean;
}

const readDefault = (absPath: string) =>
  readSourceText(absPath, DEFAULT_MAX_INPUT_BYTES);

function reportReadFailure(
  reporter: IngestReporter,
  cwd: string,
  absPath: string,
  error: unknown,
): void {
  const failure = readFailure(error);
  reporter.report(failure.code, failure.message, {
    ...fileStart(displayPath(cwd, failure.file ?? absPath)),
    line: failure.line,
    column: failure.column,
  });
}

export interface IngestResult {
  documents: DocumentModel[];
  diagnostics: Diagnostic[];
}

/**
 * What {@link readFiles} and {@link readTexts} give apiloom's own runs: the documents and the
 * reporter, into which the model build reports too, so every waiting place is found in one walk.
 */
export interface ReadResult {
  documents: DocumentModel[] | undefined;
  reporter: IngestReporter;
}

function ingested({ documents = [], reporter }: ReadResult): IngestResult {
  return { documents, diagnostics: reporter.diagnostics };
}

/** An input given as text (tests, stdin, watch mode with its own cache). */
export interface InputText {
  file: string;
  text: string;
}

/** Reads every input file; a file that fails to parse becomes an error diagnostic, not an exception. */
export function ingestFiles(
  files: readonly string[],
  options: IngestOptions = {},
): IngestResult {
  return ingested(readFiles(files, options));
}

/** {@link ingestFiles}, with the options only apiloom's own runs pass. */
export function readFiles(files: readonly string[], options: ReadOptions) {
  const cwd = options.cwd ?? process.cwd();
  const inputs: (InputText & { absPath: string })[] = [];
  const reporter = new IngestReporter();
  for (const file of files) {
    const absPath = inputPlace(file, cwd);
    try {
      inputs.push({
        file: displayPath(cwd, absPath),
        absPath,
        text: (options.readText ?? readDefault)(absPath),
      });
    } catch (error) {
      reportReadFailure(reporter, cwd, absPath, error);
    }
  }
  return readTexts(inputs, { ...options, cwd }, reporter);
}

export function ingestTexts(
  inputs: readonly (InputText & { absPath?: string })[],
  options: IngestOptions = {},
): IngestResult {
  return ingested(readTexts(inputs, options));
}

/** {@link ingestTexts}, with the options only apiloom's own runs pass. */
export function readTexts(
  inputs: readonly (InputText & { absPath?: string })[],
  options: ReadOptions,
  reporter = new IngestReporter(),
): ReadResult {
  const cwd = options.cwd ?? process.cwd();
  const { readText = readDefault, parse = parseText } = options;
  const documents: DocumentModel[] = [];
  const cache = new Map<string, SourceDocument[] | ParseError>();
  const overlays = Overlays.load(options.overlays ?? [], {
    cwd,
    readText,
    parse,
    reporter,
    readFailed: (absPath, error) =>
      reportReadFailure(reporter, cwd, absPath, error),
    deferred: options.deferPlaces,
  });

  // every document read, inputs and files reached by $ref
  const made: [SourceDocument, PendingPlaces, boolean][] = [];
  const settlePlaces = () => {
    for (const [doc] of made) doc.settle();
    overlays.settle();
  };
  const deferred = options.deferPlaces;
  const makeDocs = (
    file: string,
    absPath: string,
    parsed: ParsedDocument[],
  ): SourceDocument[] =>
    parsed.map((p, docIndex) => {
      reportParsed(reporter, file, p.warnings ?? []);
      const finder = deferred ? p.placeFinder?.() : undefined;
      const places = new PendingPlaces(
        file,
        parsed.length > 1 ? `#${docIndex}` : "#",
        finder ??
          ((paths) => p.locateAll?.(paths) ?? paths.map((at) => p.locate(at))),
      );
      const doc: SourceDocument = {
        file,
        absPath,
        docIndex,
        format: "swagger2",
        value: p.value,
        ref: (path) => places.place(path),
        settle: () => places.settle(),
        textOf: (path, value) =>
          notAString(reporter, path, value, p.rawScalar?.(path), doc.ref(path)),
      };
      if (finder) {
        deferred!.hold(places);
        // a text that can be made again is let go once the model is built (DeferredPlaces)
        const textAgain = deferred!.textAgain(absPath);
        if (textAgain)
          deferred!.onDropTexts(() => places.refind(p.placeFinder!(textAgain)));
      }
      made.push([doc, places, finder !== undefined]);
      return doc;
    });

  const loadRefFile = (absPath: string, readPath: string) => {
    let loaded = cache.get(absPath);
    if (loaded) return loaded;
    const display = displayPath(cwd, absPath);
    try {
      let text: string;
      try {
        text = readText(readPath);
      } catch (error) {
        const { message, line, column, code } = readFailure(error);
        const refCode = code === "input/unreadable" ? "ref/unreadable" : code;
        throw new ParseError(message, display, line, column, refCode);
      }
      // a text or a program is its text, as Redocly reads it: `description: {$ref: ./intro.md}`,
      // a code sample's `source: {$ref: ./list.cs}`; any other file is read by its content
      const ext = extname(
        isUrlInput(absPath) ? new URL(absPath).pathname : absPath,
      );
      const parsed =
        NOT_SPECS.test(ext) || /^\.(?:md|markdown|txt)$/i.test(ext)
          ? [{ value: text, locate: () => ({ line: 1, column: 1 }) }]
          : parse(text, display, absPath);
      loaded = makeDocs(display, absPath, parsed);
    } catch (error) {
      if (!(error instanceof ParseError)) throw error;
      loaded = error;
    }
    cache.set(absPath, loaded);
    return loaded;
  };

  try {
    // every input parsed first: an overlay among them (a glob caught it) is laid over the others
    const parsedInputs: [string, string, ParsedDocument[]][] = [];
    for (const input of inputs) {
      const absPath = input.absPath ?? resolve(cwd, input.file);
      try {
        const parsed = parse(input.text, input.file, absPath);
        if (!overlays.adopt(parsed, input.file, absPath))
          parsedInputs.push([input.file, absPath, parsed]);
      } catch (error) {
        if (!(error instanceof ParseError)) throw error;
        reportParsed(reporter, error.file, [error]);
      }
    }
    for (const [file, absPath, parsed] of parsedInputs) {
      const docs = overlays.apply(makeDocs(file, absPath, parsed));
      cache.set(absPath, docs);
      for (const doc of docs) {
        const format = detectFormat(doc.value);
        if (!format) {
          reporter.report(
            "input/not-an-api",
            `not an API description: ${describeUnknown(doc.value)}`,
            doc.ref([]),
          );
          continue;
        }
        doc.format = format;
        const ctx = makeContext(
          doc,
          dirname(absPath),
          reporter.scope(),
          loadRefFile,
          options.allowExternalRefs ?? false,
          settlePlaces,
          options.analyzePatterns,
        );
        documents.push({
          ...READERS[format](ctx),
          patterns: ctx.patterns.known,
        });
      }
    }
    overlays.reportUnused();
  } catch (error) {
    // nothing will ask for these places: what finding them needs is not kept
    for (const [, places] of made) places.release();
    throw error;
  }
  // every place the readers handed out is found now, one pass per document, except deferred ones
  for (const [doc, , later] of made) if (!later) doc.settle();
  if (!deferred) overlays.settle();
  return { documents, reporter };
}

/** A parse error, or what the parser noticed that the value cannot show (a duplicated JSON key). */
function reportParsed(
  reporter: IngestReporter,
  file: string,
  problems: NonNullable<ParsedDocument["warnings"]>,
): void {
  for (const p of problems)
    reporter.report(
      p.code,
      p.message,
      { file, ...p },
      (p.related ?? []).map((at) => ({ file, ...at, pointer: "#" })),
    );
}
