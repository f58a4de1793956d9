import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Document, isScalar, visit } from "yaml";
import { parseText } from "../ingest/load.js";
import { deriveActions } from "../ingest/overlay/derive.js";
import type { IngestCode } from "../ingest/codes.js";
import { ParseError } from "../ingest/parse/parsed-document.js";
import { SourceReadError } from "../ingest/read-source.js";
import { ConfigError } from "./config/error.js";
import { resolveSettings } from "./config/settings.js";
import { slashed } from "./sources/glob.js";
import { slashedRelative } from "./sources/real-path.js";
import { resolveInputs } from "./sources/resolve-inputs.js";
import { inputPlace, isUrlInput } from "../model/source-url.js";

/**
 * `apiloom overlay`: the OpenAPI Overlay (1.0) that turns the original document into the edited
 * one, written to `out` (JSON when it ends in .json) when given. `usage` for a ConfigError
 * (exit 2); `failed` with the line to print (exit 1).
 */
export async function makeOverlay(
  originalFile: string,
  editedFile: string,
  { cwd, out, say }: { cwd: string; out?: string; say: (line: string) => void },
): Promise<
  { usage: string } | { failed: string } | { text: string; actions: number }
> {
  let original: unknown;
  let edited: unknown;
  try {
    original = await readDocument(originalFile, cwd, say);
    edited = await readDocument(editedFile, cwd, say);
  } catch (error) {
    if (error instanceof ConfigError) return { usage: error.message };
    if (!(error instanceof ParseError)) throw error;
    return {
      failed: `${error.file}:${error.line}:${error.column}: error ${error.code}: ${error.message}\n`,
    };
  }
  let actions: ReturnType<typeof deriveActions>;
  try {
    actions = deriveActions(original, edited);
  } catch (error) {
    return { failed: `apiloom overlay: ${(error as Error).message}\n` };
  }
  if (actions.length === 0)
    return {
      failed: `apiloom overlay: ${originalFile} and ${editedFile} hold the same document: no overlay to write\n`,
    };
  const from = out !== undefined ? dirname(out) : cwd;
  const overlay = {
    overlay: "1.0.0",
    info: {
      title: `From ${slashed(originalFile)} to ${slashed(editedFile)}`,
      version: "1.0.0",
    },
    // a URI reference: each segment percent-encoded (`my%20api.json`, `v1%3Aa.json`)
    extends: isUrlInput(originalFile)
      ? originalFile
      : slashedRelative(from, resolve(cwd, originalFile)).replace(
          /[^/]+/g,
          encodeURIComponent,
        ),
    actions,
  };
  const text =
    out?.endsWith(".json") === true
      ? `${JSON.stringify(overlay, null, 2)}\n`
      : overlayYaml(overlay);
  if (out !== undefined) {
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, text);
  }
  return { text, actions: actions.length };
}

/** One document's value, its input resolved as generate's; a ParseError otherwise. */
async function readDocument(
  input: string,
  cwd: string,
  say: (line: string) => void,
): Promise<unknown> {
  const settings = await resolveSettings(
    { inputs: [input], names: {}, options: {}, config: false, lock: false },
    cwd,
  );
  const inputs = await resolveInputs(settings);
  for (const note of inputs.remote.notes) say(`apiloom: ${note}\n`);
  const fail = (message: string, code: IngestCode, line = 1, column = 1) =>
    new ParseError(message, input, line, column, code);
  const unmatched = inputs.diagnostics[0];
  if (unmatched) throw fail(unmatched.message, unmatched.code as IngestCode);
  const [file, ...more] = inputs.inputFiles;
  if (file === undefined || more.length > 0)
    throw fail(
      `an overlay turns one document into another, and this input matches ${inputs.inputFiles.length} files`,
      "overlay/invalid",
    );
  let text: string;
  try {
    text = inputs.read(inputPlace(file, settings.baseDir)).text;
  } catch (error) {
    if (!(error instanceof SourceReadError)) throw error;
    throw fail(error.message, error.code, error.line, error.column);
  }
  const docs = parseText(text, input);
  if (docs.length !== 1)
    throw fail(
      `an overlay applies to one document, and this file holds ${docs.length}`,
      "overlay/invalid",
    );
  return docs[0]!.value;
}

/**
 * An overlay as YAML that YAML 1.1 readers read back the same (apiloom's, js-yaml's `load`,
 * PyYAML among them): written as 1.1, a string they would take for a date, a boolean or a number
 * is quoted (`"2018-03-01"`, `"on"`), and so is a `<<` key, which they take for a merge key (1.1's
 * merge type, left out, would write it plain).
 */
export function overlayYaml(overlay: unknown): string {
  const doc = new Document(overlay, {
    aliasDuplicateObjects: false,
    version: "1.1",
    customTags: (tags) =>
      tags.filter((t) => typeof t === "string" || !t.tag.endsWith(":merge")),
  });
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === "<<")
        pair.key.type = "QUOTE_DOUBLE";
    },
  });
  return doc.toString({ lineWidth: 0 });
}
