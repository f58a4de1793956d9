import { resolve } from "node:path";
import { projectRelative } from "../sources/real-path.js";
import type { OverlayOption } from "../../ingest/overlay/index.js";
import type { ApiloomConfig } from "./types.js";
import { expandInputs } from "../sources/glob.js";
import { isUrlInput } from "../../model/source-url.js";
import { isString, item, type Check } from "./checks.js";
import { isRecord } from "../../ingest/reader.js";

/** One overlay of the resolved settings: paths relative to baseDir with `/`. */
export interface OverlaySetting {
  readonly file: string;
  /** Input patterns it applies to; without: those its `extends` names, or every input. */
  readonly inputs?: readonly string[];
}

/** The overlays of a run: `--overlay` flags (from the working folder) over the config's. */
export function overlaySettings(
  config: ApiloomConfig,
  flags: readonly string[] | undefined,
  baseDir: string,
  cwd: string,
): OverlaySetting[] {
  const rel = (path: string, from = baseDir) =>
    projectRelative(baseDir, resolve(from, path));
  if (flags) return flags.map((file) => ({ file: rel(file, cwd) }));
  return (config.overlays ?? []).map((entry) =>
    typeof entry === "string"
      ? { file: rel(entry) }
      : {
          file: rel(entry.file),
          inputs: entry.inputs.map((p) => (isUrlInput(p) ? p : rel(p))),
        },
  );
}

/** The config's `overlays`: files, or `{ file, inputs }` (validate.ts's check of it). */
export const checkOverlays: Check = (value, where, report) => {
  if (!Array.isArray(value)) return report(where, " must be a list");
  value.forEach((entry, i) => {
    const at = item(where, i);
    if (typeof entry === "string") return isString(entry, at, report);
    const ok =
      isRecord(entry) &&
      Object.keys(entry).every((k) => k === "file" || k === "inputs") &&
      typeof entry.file === "string" &&
      entry.file !== "" &&
      Array.isArray(entry.inputs) &&
      entry.inputs.length > 0 &&
      entry.inputs.every((p: unknown) => typeof p === "string" && p !== "");
    if (!ok)
      report(
        at,
        ' must be an overlay file, or { file: "<overlay>", inputs: ["<input or glob>", …] }',
      );
  });
};

/** The overlays as ingest takes them: the input patterns of each expanded to the files they match. */
export function overlayOptions(
  overlays: readonly OverlaySetting[],
  baseDir: string,
): OverlayOption[] {
  return overlays.map((o) =>
    o.inputs
      ? { file: o.file, inputs: expandInputs(o.inputs, baseDir).files }
      : { file: o.file },
  );
}
