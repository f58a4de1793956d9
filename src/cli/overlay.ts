import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { Document, isScalar, visit } from "yaml";
import { deriveActions } from "../ingest/overlay/derive.js";
import { ParseError } from "../ingest/parse/parsed-document.js";
import { ConfigError } from "../workflow/config/error.js";
import { readDocument } from "../workflow/sources/resolve-inputs.js";
import { isRemoteInput } from "../workflow/sources/remote-url.js";
import { commandIO, type CommandDeps } from "./run-io.js";

const HELP = `Usage: apiloom overlay <original> <edited> [-o overlay.yaml]

Writes the OpenAPI Overlay (1.0) that turns <original> into <edited>: a team that edited a vendor's
file by hand keeps the vendor's file as it comes and its edits as an overlay (give it to generate
with --overlay, or list it under "overlays" in the config). JSON or YAML, any format apiloom reads;
each document is an input as generate reads it: a file, a glob matching one, or an http(s) URL.

Options:
  -o, --out <file>  Write the overlay there (JSON when it ends in .json), not to stdout;
                    its "extends" names <original> relative to that file's folder
  -h, --help        Show this help

Exit codes: 0 written; 1 a file cannot be read or parsed, or the two are the same; 2 bad usage.
`;

/** `apiloom overlay <original> <edited> [-o file]`. */
export async function runOverlay(
  args: string[],
  deps: CommandDeps = {},
): Promise<number> {
  const { cwd, stdout, stderr } = commandIO(deps);
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
  const say = (line: string) => stderr.write(line);
  try {
    original = await readDocument(originalFile, cwd, say);
    edited = await readDocument(editedFile, cwd, say);
  } catch (error) {
    if (error instanceof ConfigError) {
      stderr.write(`apiloom overlay: ${error.message}\n`);
      return 2;
    }
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
    extends: isRemoteInput(originalFile)
      ? originalFile
      : slashed(relative(from, resolve(cwd, originalFile))),
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
