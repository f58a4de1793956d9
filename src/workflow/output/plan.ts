import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { GeneratedFile } from "../../emit/artifact.js";
import { compareCodeUnits } from "../../model/order.js";
import type { Fingerprint } from "../records/fingerprint.js";
import { sameUtf8 } from "./text-chunks.js";
import { statOf } from "../sources/real-path.js";
import { blockedFolder } from "./safe-path.js";
import { stagedText } from "./early-file.js";
import {
  makeManifest,
  sameAsStaged,
  manifestText,
  readManifestChecked,
  type UnsafeEntry,
} from "../records/manifest.js";

/** What bringing the output folder up to date takes; made without writing. */
export interface OutputPlan {
  /** New or changed files; `before` is undefined when missing, "" when made without texts. */
  write: { file: GeneratedFile; before: string | undefined }[];
  unchanged: string[];
  remove: { path: string; before: string }[];
  /** Paths taken by something apiloom did not make. */
  conflicts: { path: string; reason: string }[];
  /** Entries of the manifest on disk not acted on (output/unsafe-manifest-entry). */
  ignored: UnsafeEntry[];
  manifestText: string;
  manifestStale: boolean;
  /** The manifest on disk lists other files (or there is none); a fingerprint alone does not count. */
  fileListStale: boolean;
}

export function planOutput(
  outDir: string,
  files: readonly GeneratedFile[],
  fingerprint?: Fingerprint,
  { texts = true }: { texts?: boolean } = {},
): OutputPlan {
  const { manifest: previous, unsafe, placeOf } = readManifestChecked(outDir);
  const manifest = makeManifest(files, fingerprint);
  const ours = new Set(Object.keys(previous?.files ?? {}));
  const plan: OutputPlan = {
    write: [],
    unchanged: [],
    remove: [],
    conflicts: [],
    ignored: unsafe,
    manifestText: manifestText(manifest),
    manifestStale: false,
    fileListStale: false,
  };
  const produced = new Set<string>();
  for (const file of files) {
    produced.add(file.path);
    const blocked = blockedFolder(outDir, file.path);
    if (blocked) {
      plan.conflicts.push({ path: file.path, reason: blocked });
      continue;
    }
    const full = join(outDir, file.path);
    const disk = statFile(full);
    const early = stagedText(file);
    // a file whose size differs is read only when its text is wanted (a diff): a large file
    // planted in the output folder costs a stat, not its bytes in memory
    const bytes =
      disk.kind === "file" &&
      (texts ||
        disk.size === (early ? early.bytes : Buffer.byteLength(file.contents)))
        ? readFileSync(full)
        : undefined;
    if (
      bytes !== undefined &&
      (early ? sameAsStaged(bytes, early) : sameUtf8(bytes, file.contents))
    )
      plan.unchanged.push(file.path);
    else if (disk.kind === "missing")
      plan.write.push({ file, before: undefined });
    else if (disk.kind === "file" && ours.has(file.path))
      plan.write.push({
        file,
        before: texts && bytes ? bytes.toString("utf8") : "",
      });
    else
      plan.conflicts.push({
        path: file.path,
        reason: `a ${disk.kind === "other" ? "folder or special file" : "file apiloom did not make"} is in the way`,
      });
  }
  for (const path of [...ours].sort(compareCodeUnits)) {
    if (produced.has(path)) continue;
    // behind a link or a file now: what is there is not what we made, so it is not ours to delete
    const blocked = blockedFolder(outDir, path);
    if (blocked) {
      plan.ignored.push({ path, reason: blocked, ...placeOf!(path) });
      continue;
    }
    const full = join(outDir, path);
    if (statFile(full).kind === "file")
      plan.remove.push({
        path,
        before: texts ? readFileSync(full, "utf8") : "",
      });
  }
  // a manifest with entries left out is rewritten without them
  const rewrite = previous === undefined || unsafe.length > 0;
  plan.manifestStale = rewrite || manifestText(previous) !== plan.manifestText;
  plan.fileListStale =
    rewrite ||
    JSON.stringify(previous.files) !== JSON.stringify(manifest.files);
  return plan;
}

type DiskEntry =
  { kind: "file"; size: number } | { kind: "missing" } | { kind: "other" };

function statFile(path: string): DiskEntry {
  const stat = statOf(path, true);
  if (!stat) return { kind: "missing" };
  return stat.isFile() ? { kind: "file", size: stat.size } : { kind: "other" };
}
