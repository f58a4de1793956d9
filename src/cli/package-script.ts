import { readFileSync, writeFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import {
  Scanner,
  skipBracketed,
  stringEnd,
} from "../ingest/parse/json-scanner.js";
import { isRecord, jsonValue } from "../ingest/reader.js";

export interface ScriptResult {
  added: boolean;
  /** The script's name that runs generate (the new one, or one already there), if any. */
  name?: string;
  /** Why nothing was added, for the user. */
  reason?: string;
}

function notAdded(reason: string): ScriptResult {
  return { added: false, reason };
}

/**
 * Adds `"<name>": "<command>"` to package.json's scripts by inserting text, so every other byte
 * stays; a script that runs the command already is named, a name taken is left alone.
 */
export function addScript(
  file: string,
  script: { name: string; command: string },
): ScriptResult {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return notAdded(
      `no package.json here: add the script "${script.name}": "${script.command}" yourself`,
    );
  }
  const manifest = jsonValue(text)?.value;
  if (manifest === undefined)
    return notAdded("package.json is not valid JSON: left as it is");
  if (!isRecord(manifest))
    return notAdded("package.json is not an object: left as it is");
  const scripts = manifest.scripts;
  if (scripts !== undefined && !isRecord(scripts))
    return notAdded("package.json's scripts is not an object: left as it is");
  const entries = Object.entries(scripts ?? {});
  const running = entries.find(([, v]) => v === script.command);
  if (running) return { added: false, name: running[0] };
  if (entries.some(([k]) => k === script.name))
    return notAdded(
      `package.json already has a script "${script.name}": left as it is`,
    );
  const updated = insertScript(text, scripts !== undefined, script);
  // the edit must be exactly one new script, or nothing is written
  const expected = {
    ...manifest,
    scripts: { ...scripts, [script.name]: script.command },
  };
  if (
    updated === undefined ||
    !isDeepStrictEqual(JSON.parse(updated), expected)
  )
    return notAdded(
      `could not edit package.json safely: add the script "${script.name}": "${script.command}" yourself`,
    );
  writeFileSync(file, updated!);
  return { added: true, name: script.name };
}

function insertScript(
  text: string,
  hasScripts: boolean,
  script: { name: string; command: string },
): string | undefined {
  // the braces that matter, found by the JSON readers' scanner in a text JSON.parse accepted
  const root = text.indexOf("{");
  const key = new Scanner(text).descend(root, false, ["scripts"]);
  if (hasScripts !== (key !== root)) return undefined;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const unit = /\n([ \t]+)"/.exec(text)?.[1] ?? "  ";
  const entry = `${JSON.stringify(script.name)}: ${JSON.stringify(script.command)}`;
  const insertAfterLast = (
    open: number,
    close: number,
    member: string,
    indent: string,
    outer: string,
  ) => {
    const body = text.slice(open + 1, close);
    const last = body.trimEnd().length;
    if (body.trim() === "")
      return `${text.slice(0, open + 1)}${eol}${indent}${member}${eol}${outer}${text.slice(close)}`;
    const at = open + 1 + last;
    return `${text.slice(0, at)},${eol}${indent}${member}${text.slice(at)}`;
  };
  if (hasScripts) {
    const open = text.indexOf("{", stringEnd(text, key));
    const close = skipBracketed(text, open) - 1;
    // the indent of the scripts' members (or one level more than the key's)
    const inner =
      /\n([ \t]*)"/.exec(text.slice(open, close))?.[1] ?? unit + unit;
    return insertAfterLast(open, close, entry, inner, unit);
  }
  const member = `"scripts": {${eol}${unit}${unit}${entry}${eol}${unit}}`;
  return insertAfterLast(root, skipBracketed(text, root) - 1, member, unit, "");
}
