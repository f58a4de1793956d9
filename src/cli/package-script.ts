import { readFileSync, writeFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";

export interface ScriptResult {
  /** True when the script was written to package.json. */
  added: boolean;
  /** The script's name that runs generate (the new one, or one already there), if any. */
  name?: string;
  /** Why nothing was added, for the user. */
  reason?: string;
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
    return {
      added: false,
      reason: `no package.json here: add the script "${script.name}": "${script.command}" yourself`,
    };
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(text);
  } catch {
    return {
      added: false,
      reason: "package.json is not valid JSON: left as it is",
    };
  }
  if (
    typeof manifest !== "object" ||
    manifest === null ||
    Array.isArray(manifest)
  )
    return {
      added: false,
      reason: "package.json is not an object: left as it is",
    };
  const scripts = (manifest as Record<string, unknown>).scripts;
  if (
    scripts !== undefined &&
    (typeof scripts !== "object" || scripts === null || Array.isArray(scripts))
  )
    return {
      added: false,
      reason: "package.json's scripts is not an object: left as it is",
    };
  const entries = Object.entries((scripts ?? {}) as Record<string, unknown>);
  const running = entries.find(([, v]) => v === script.command);
  if (running) return { added: false, name: running[0] };
  if (entries.some(([k]) => k === script.name))
    return {
      added: false,
      reason: `package.json already has a script "${script.name}": left as it is`,
    };
  const updated = insertScript(text, scripts !== undefined, script);
  // the edit must be exactly one new script, or nothing is written
  const check =
    updated === undefined
      ? undefined
      : (JSON.parse(updated) as Record<string, unknown>);
  const expected = { ...(manifest as Record<string, unknown>) };
  expected.scripts = {
    ...((scripts ?? {}) as object),
    [script.name]: script.command,
  };
  if (!check || !isDeepStrictEqual(check, expected))
    return {
      added: false,
      reason: `could not edit package.json safely: add the script "${script.name}": "${script.command}" yourself`,
    };
  writeFileSync(file, updated!);
  return { added: true, name: script.name };
}

/** Where the top-level object's members and the `scripts` object open and close. */
interface Layout {
  /** Index of the top-level `}`. */
  rootClose: number;
  /** Indices of the `scripts` value's `{` and `}`, when the key is there. */
  scripts?: { open: number; close: number };
}

/** A scan of the JSON text (strings skipped with their escapes) for the braces that matter. */
function layout(text: string): Layout | undefined {
  let depth = 0;
  let rootClose = -1;
  let pendingKey: string | undefined;
  let scriptsOpen = -1;
  let scripts: Layout["scripts"];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      const raw = text.slice(i, j + 1);
      // a key at the top level: the next non-space character is a colon
      const after = /^\s*:/.exec(text.slice(j + 1, j + 64));
      if (depth === 1 && after) pendingKey = JSON.parse(raw) as string;
      i = j;
    } else if (c === "{" || c === "[") {
      depth++;
      if (depth === 2 && c === "{" && pendingKey === "scripts") scriptsOpen = i;
    } else if (c === "}" || c === "]") {
      if (depth === 2 && c === "}" && scriptsOpen !== -1 && !scripts)
        scripts = { open: scriptsOpen, close: i };
      if (depth === 1 && c === "}") rootClose = i;
      depth--;
      if (depth === 1) pendingKey = undefined;
    } else if (c === "," && depth === 1) pendingKey = undefined;
  }
  return rootClose === -1 ? undefined : { rootClose, scripts };
}

function insertScript(
  text: string,
  hasScripts: boolean,
  script: { name: string; command: string },
): string | undefined {
  const shape = layout(text);
  if (!shape || hasScripts !== (shape.scripts !== undefined)) return undefined;
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
  if (shape.scripts) {
    const { open, close } = shape.scripts;
    // the indent of the scripts' members (or one level more than the key's)
    const inner =
      /\n([ \t]*)"/.exec(text.slice(open, close))?.[1] ?? unit + unit;
    return insertAfterLast(open, close, entry, inner, unit);
  }
  const member = `"scripts": {${eol}${unit}${unit}${entry}${eol}${unit}}`;
  const open = text.indexOf("{");
  return insertAfterLast(open, shape.rootClose, member, unit, "");
}
