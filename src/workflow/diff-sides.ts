import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Change } from "../diff/change.js";
import { compareModels } from "../diff/compare.js";
import { parseText } from "../ingest/load.js";
import { valueAt } from "../ingest/reader.js";
import type { ParsedDocument } from "../ingest/parse/parsed-document.js";
import { parsePointer, toPointer } from "../model/pointer.js";
import type { Diagnostic, SourceRef } from "../model/types.js";
import { ConfigError } from "./config/error.js";
import { CONFIG_DEFAULTS } from "./config/types.js";
import {
  resolveApis,
  resolveSettings,
  type SettingsOverrides,
} from "./config/settings.js";
import { settleOutput } from "./output/writer.js";
import { loadInputs } from "./sources/resolve-inputs.js";

/**
 * One side of `apiloom diff`: the merged model, the texts read by absolute path (for code frames),
 * and where the side came from, for the report: `main`, `the working tree`, `old files`.
 */
export type LoadedSide = Awaited<ReturnType<typeof loadInputs>> & {
  label: string;
};

export interface DiffPair {
  api?: string;
  baseDir: string;
  before: LoadedSide;
  after: LoadedSide;
}

/**
 * The pairs to compare: with `base`, each API's inputs at that git revision against the working
 * tree; otherwise the old files (`inputs`) against the new (`to`), without the config unless named.
 */
export async function diffPairs(
  flags: SettingsOverrides & { to: string[]; base?: string },
  cwd: string,
  say: (line: string) => void,
): Promise<DiffPair[]> {
  const ref = flags.base;
  if (ref !== undefined) {
    if (flags.to.length > 0)
      throw new ConfigError("--base and --to cannot be combined");
    const pairs: DiffPair[] = [];
    for (const settings of await resolveApis(flags, cwd)) {
      settleOutput(settings.out);
      pairs.push({
        api: settings.api,
        baseDir: settings.baseDir,
        before: await loadSide(settings, ref, say, ref),
        after: await loadSide(settings, "the working tree", say),
      });
    }
    return pairs;
  }
  if (flags.inputs.length === 0 || flags.to.length === 0)
    throw new ConfigError(
      "give the old files, then --to and the new files (or --base <git-ref>)",
    );
  const lock =
    flags.lock ??
    (existsSync(resolve(cwd, CONFIG_DEFAULTS.lock))
      ? CONFIG_DEFAULTS.lock
      : false);
  const side = (inputs: string[]) =>
    resolveSettings(
      { ...flags, inputs, lock, config: flags.config ?? false },
      cwd,
    );
  const before = await side(flags.inputs);
  const after = await side(flags.to);
  return [
    {
      baseDir: before.baseDir,
      before: await loadSide(before, "old files", say),
      after: await loadSide(after, "new files", say),
    },
  ];
}

/** The changes from one side to the other with their call sites in `project`, or a side's errors. */
export async function compareSides(
  pair: DiffPair,
  project?: { tsconfig: string; cwd: string },
): Promise<{ errors: Diagnostic[] } | { changes: Change[] }> {
  const errors = [pair.before, pair.after].flatMap((side) =>
    side.model.diagnostics
      .filter((d) => d.severity === "error")
      .map((d) => ({ ...d, message: `(${side.label}) ${d.message}` })),
  );
  if (errors.length > 0) return { errors };
  const changes = compareModels(pair.before.model, pair.after.model);
  placeMembers(changes, pair);
  if (project) {
    const { attachCallSites } = await import("../diff/blast-radius.js");
    attachCallSites(changes, project.tsconfig, project.cwd);
  }
  return { changes };
}

/** One side's inputs resolved as generate resolves them (at a git revision when given), merged. */
async function loadSide(
  settings: Parameters<typeof loadInputs>[0],
  label: string,
  say: (line: string) => void,
  revision?: string,
): Promise<LoadedSide> {
  return { ...(await loadInputs(settings, say, { revision })), label };
}

/** Points each change of a named schema's member at the member itself, or its nearest part left. */
function placeMembers(changes: Change[], pair: DiffPair): void {
  const parsed = new Map<string, ParsedDocument[] | undefined>();
  const docs = (side: LoadedSide, file: string) => {
    const abs = resolve(pair.baseDir, file);
    const key = `${side.label}\0${abs}`;
    if (!parsed.has(key)) {
      const text = side.texts.get(abs);
      try {
        parsed.set(key, text === undefined ? undefined : parseText(text, file));
      } catch {
        parsed.set(key, undefined);
      }
    }
    return parsed.get(key);
  };
  const place = (ref: SourceRef, side: LoadedSide, c: Change) => {
    const member = c.names.member;
    // `#/components/schemas/X` or `#/definitions/X` (after a YAML stream's document index)
    const schema = /^#\d*\/(components\/schemas|definitions)\/[^/]+$/;
    if (member === undefined || !schema.test(ref.pointer)) return ref;
    const match = /^#(\d*)(\/.*)$/.exec(ref.pointer);
    const doc = docs(side, ref.file)?.[Number(match?.[1] || 0)];
    const base = parsePointer(match?.[2] ?? "");
    if (!doc || !base) return ref;
    const path: (string | number)[] = [...base];
    let value = valueAt(doc.value, path);
    if (value === undefined) return ref;
    for (const segment of memberSegments(member)) {
      const step = segment === "[]" ? ["items"] : ["properties", segment];
      const next = valueAt(value, step);
      if (next === undefined) break;
      path.push(...step);
      value = next;
    }
    if (path.length === base.length) return ref;
    const { line, column } = doc.locate(path);
    return { ...ref, line, column, pointer: `#${match![1]}${toPointer(path)}` };
  };
  for (const c of changes) {
    if (c.old) c.old = place(c.old, pair.before, c);
    if (c.new) c.new = place(c.new, pair.after, c);
  }
}

/** `items[].name` → `items`, `[]`, `name`. */
function memberSegments(member: string): string[] {
  return member
    .split(".")
    .flatMap((part) => {
      let end = part.length;
      while (end >= 2 && part.endsWith("[]", end)) end -= 2;
      return [part.slice(0, end), ...(part.match(/\[\]/g) ?? [])];
    })
    .filter((s) => s !== "");
}
