import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { Document, isScalar, visit } from "yaml";
import { readSourceText } from "../ingest/decode-text.js";
import { parseText } from "../ingest/load.js";
import { deriveActions } from "../ingest/overlay/derive.js";
import { ParseError } from "../ingest/parse/parsed-document.js";
import {
  DEFAULT_MAX_INPUT_BYTES,
  SourceReadError,
} from "../ingest/read-source.js";
import type { Stream } from "./run-io.js";

const HELP = `Usage: apiloom overlay <original> <edited> [-o overlay.yaml]

Writes the OpenAPI Overlay (1.0) that turns <original> into <edited>: a team that edited a vendor's
file by hand keeps the vendor's file as it comes and its edits as an overlay (give it to generate
with --overlay, or list it under "overlays" in the config). JSON or YAML, any format apiloom reads.

Options:
  -o, --out <file>  Write the overlay there (JSON when it ends in .json), not to stdout;
                    its "extends" names <original> relative to that file's folder
  -h, --help        Show this help

Exit codes: 0 written; 1 a file cannot be read or parsed, or the two are the same; 2 bad usage.
`;

export interface OverlayDeps {
  cwd?: string;
  stdout?: Stream;
  stderr?: Stream;
}

/** `apiloom overlay <original> <edited> [-o file]`. */
export async function runOverlay(
  args: string[],
  deps: OverlayDeps = {},
): Promise<number> {
  const cwd = deps.cwd ?? process.cwd();
  const stdout = deps.stdout ?? process.stdout;
  const stderr = deps.stderr ?? process.stderr;
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    stderr.write(`apiloom overlay: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (parsed.values.help) {
    stdout.write(HELP);
    return 0;
  }
  const files = parsed.positionals;
  if (files.length !== 2) {
    stderr.write(
      `apiloom overlay: give the original and the edited document (got ${files.length} files)\n\n${HELP}`,
    );
    return 2;
  }
  const [originalFile, editedFile] = files as [string, string];
  const out =
    parsed.values.out !== undefined
      ? resolve(cwd, parsed.values.out)
      : undefined;
  if (
    out !== undefined &&
    [originalFile, editedFile].some((f) => resolve(cwd, f) === out)
  ) {
    stderr.write(
      `apiloom overlay: --out ${parsed.values.out} is one of the documents\n`,
    );
    return 2;
  }
  let original: unknown;
  let edited: unknown;
  try {
    original = readDocument(resolve(cwd, originalFile), originalFile);
    edited = readDocument(resolve(cwd, editedFile), editedFile);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    stderr.write(
      `${error.file}:${error.line}:${error.column}: error ${error.code}: ${error.message}\n`,
    );
    return 1;
  }
  let actions: ReturnType<typeof deriveActions>;
  try {
    actions = deriveActions(original, edited);
  } catch (error) {
    stderr.write(`apiloom overlay: ${(error as Error).message}\n`);
    return 1;
  }
  if (actions.length === 0) {
    stderr.write(
      `apiloom overlay: ${originalFile} and ${editedFile} hold the same document: no overlay to write\n`,
    );
    return 1;
  }
  const from = out !== undefined ? dirname(out) : cwd;
  const overlay = {
    overlay: "1.0.0",
    info: {
      title: `From ${slashed(originalFile)} to ${slashed(editedFile)}`,
      version: "1.0.0",
    },
    extends: slashed(relative(from, resolve(cwd, originalFile))),
    actions,
  };
  const text =
    out?.endsWith(".json") === true
      ? `${JSON.stringify(overlay, null, 2)}\n`
      : overlayYaml(overlay);
  if (out === undefined) stdout.write(text);
  else {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, text);
    stderr.write(
      `apiloom overlay: ${actions.length} action${actions.length === 1 ? "" : "s"} → ${parsed.values.out}\n`,
    );
  }
  return 0;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      out: { type: "string", short: "o" },
      help: { type: "boolean", short: "h" },
    },
  });
}

/** One document's value, read and parsed as apiloom reads its inputs; a ParseError otherwise. */
function readDocument(absPath: string, shown: string): unknown {
  let text: string;
  try {
    text = readSourceText(absPath, DEFAULT_MAX_INPUT_BYTES);
  } catch (error) {
    const failure =
      error instanceof SourceReadError
        ? error
        : new SourceReadError(
            `cannot read the file: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String((error as Error).message)}`,
            "input/unreadable",
          );
    throw new ParseError(
      failure.message,
      shown,
      failure.line,
      failure.column,
      failure.code,
    );
  }
  const docs = parseText(text, shown);
  if (docs.length !== 1)
    throw new ParseError(
      `an overlay applies to one document, and this file holds ${docs.length}`,
      shown,
      1,
      1,
      "overlay/invalid",
    );
  return docs[0]!.value;
}

function slashed(path: string): string {
  return path.split(sep).join("/");
}

/**
 * An overlay as YAML that YAML 1.1 readers read back the same (apiloom's, js-yaml, among them):
 * a `<<` key is quoted, which they would otherwise take for a merge key.
 */
export function overlayYaml(overlay: unknown): string {
  const doc = new Document(overlay, { aliasDuplicateObjects: false });
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === "<<")
        pair.key.type = "QUOTE_DOUBLE";
    },
  });
  return doc.toString({ lineWidth: 0 });
}
