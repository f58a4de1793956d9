import { slashedRelative } from "../sources/real-path.js";
import { compareCodeUnits } from "../../model/order.js";
import type { GenerateSettings } from "../config/settings.js";
import type { ArtifactPlugin } from "../../emit/artifact.js";
import { inputPlace, isUrlInput } from "../../model/source-url.js";
import {
  apiloomVersion,
  hashTree,
  sha256Bytes,
  sortedRecord,
} from "../identity.js";

/**
 * Everything that decides what a run makes, recorded in the manifest: a next run with the same
 * fingerprint skips its work (up-to-date.ts). Paths are relative to the output folder with `/`,
 * so the record survives moving the project.
 */
export interface Fingerprint {
  /** apiloom's version (the exact code is this machine's record: up-to-date.ts). */
  apiloom: string;
  /** Hash of the resolved settings (config and flags merged). */
  settings: string;
  templates: string;
  /** The input files the patterns expanded to, and the URL inputs, in merge order. */
  inputs: string[];
  /** Every file and URL the run read → the sha256 of its bytes, or "missing". */
  reads: Record<string, string>;
  /** The name lock and the handlers file → sha256 of what the run left. */
  outside: Record<string, string>;
  /** For the one line a skipped run prints. */
  endpoints: number;
  warnings: number;
}

export function fromOut(out: string, path: string): string {
  return isUrlInput(path) ? path : slashedRelative(out, path);
}

/** Settings the fingerprint leaves out, each with the reason; every other setting is hashed. */
export const OUTPUT_NEUTRAL = {
  api: "the API's name in a config with several: a label in messages; the settings it resolves to are hashed",
  configFile:
    "where the settings were read from: the values they give are hashed",
  inputs:
    "patterns: the files they expand to are recorded and compared (fingerprint.inputs and reads)",
  out: "where to write: the recorded folder is the one compared, and every other path is hashed relative to it",
  warnings: "made from the other settings (their count is recorded)",
  remote:
    "how URL inputs are fetched (headers, whose values may be secrets, timeout, redirects, the watch's interval): the bytes fetched are hashed in fingerprint.reads",
  placesPrinted:
    "made from the artifacts and plugins, which are hashed; it changes when places are found, never the output",
  notApplied:
    "a message naming the config's files a one-off run leaves alone: that it leaves them is in lock and serverHandlers, which are hashed",
} as const satisfies Partial<Record<keyof GenerateSettings, string>>;

/** Hashed relative to the output folder, so a moved project matches. */
const PATH_SETTINGS: readonly string[] =
  "baseDir serverHandlers lock emit.templatesDir".split(" ");

/** The resolved settings as the fingerprint hashes them, each plugin by its identity. */
export function settingsRecord(
  settings: GenerateSettings,
  stagesId: string,
): unknown {
  const version = apiloomVersion();
  const record = (value: unknown, path: string): unknown => {
    if (path in OUTPUT_NEUTRAL) return undefined;
    if (PATH_SETTINGS.includes(path))
      return typeof value === "string" ? fromOut(settings.out, value) : value;
    if (path === "emit.plugins")
      return (value as GenerateSettings["emit"]["plugins"]).map((p) => ({
        name: p.name,
        version: p.version ?? `apiloom@${version}`,
        path: p.path,
        needs: p.needs ?? [],
        // an edited emit() without a new version must not leave --check passing on stale output
        ...(p.version === undefined ? {} : { code: pluginCode(p) }),
      }));
    if (Array.isArray(value)) return value.map((v) => record(v, `${path}[]`));
    if (typeof value !== "object" || value === null) return value;
    return sortedRecord(
      Object.entries(value).flatMap(([key, v]) => {
        const item = record(v, path ? `${path}.${key}` : key);
        return item === undefined ? [] : [[key, item] as const];
      }),
    );
  };
  return { stages: stagesId, settings: record(settings, "") };
}

export function fingerprintBase(
  settings: GenerateSettings,
  stagesId: string,
  inputFiles: readonly string[],
): Pick<Fingerprint, "apiloom" | "settings" | "templates" | "inputs"> {
  const templates = settings.emit.templatesDir;
  return {
    apiloom: apiloomVersion(),
    settings: sha256Bytes(JSON.stringify(settingsRecord(settings, stagesId))),
    templates: templates ? hashTree(templates) : "",
    inputs: inputFiles.map((f) =>
      fromOut(settings.out, inputPlace(f, settings.baseDir)),
    ),
  };
}

/** A hash of a user plugin's emit() and option checks, not of what they import (docs/plugins.md). */
function pluginCode(plugin: ArtifactPlugin): string {
  const texts = [String(plugin.emit)];
  for (const key of Object.keys(plugin.options ?? {}).sort(compareCodeUnits)) {
    const problem = plugin.options![key]!.problem;
    texts.push(key, problem ? String(problem) : "");
  }
  return sha256Bytes(texts.join("\u0000")).slice(0, 16);
}
