import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  JOURNAL_FILE,
  MANIFEST_FILE,
  STAGING_DIR,
  unsafePathReason,
} from "./output-files.js";
import { placeInText, wayProblem } from "./safe-path.js";
import { sha256Bytes, SHA256_HEX } from "../identity.js";
import { statOf } from "../sources/real-path.js";
import { isRecord, jsonValue } from "../../ingest/reader.js";
import { readIfExists } from "./outside-file.js";
import type { TextPosition } from "../../ingest/parse/parsed-document.js";

/** The writer's commit record: which staged file goes where (with its sha256), what is removed. */
export interface Journal {
  version: 2;
  moves: [staged: string, path: string, sha256: string][];
  remove: string[];
  manifest: [staged: string, sha256: string];
}

export interface JournalProblem extends TextPosition {
  message: string;
}

/** One line per entry, so a problem is reported at the line of the entry that has it. */
export function journalText(journal: Journal): string {
  const list = (items: unknown[]) =>
    items.length === 0
      ? "[]"
      : `[\n${items.map((i) => `    ${JSON.stringify(i)}`).join(",\n")}\n  ]`;
  return `{\n  "version": 2,\n  "moves": ${list(journal.moves)},\n  "remove": ${list(journal.remove)},\n  "manifest": ${JSON.stringify(journal.manifest)}\n}\n`;
}

const STAGED = new RegExp(
  `^${STAGING_DIR.replace(/\./g, "\\.")}/(\\d+|manifest)$`,
);

/**
 * The journal in `outDir`, when it may be rolled forward: every path in it one the writer could
 * have written, every staged file still there hashing to what it says; otherwise a problem.
 */
export function readJournal(
  outDir: string,
): { journal: Journal } | { problem: JournalProblem } | undefined {
  const file = join(outDir, JOURNAL_FILE);
  const stat = statOf(file, true);
  if (!stat) return undefined;
  const at = (message: string, needle?: unknown) => ({
    problem: {
      message,
      ...(needle === undefined
        ? { line: 1, column: 1 }
        : placeInText(text, JSON.stringify(needle))),
    },
  });
  let text = "";
  if (!stat.isFile()) return at("the journal is not a regular file");
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    return at(`the journal cannot be read (${(error as Error).message})`);
  }
  const value = jsonValue(text);
  if (!value)
    return at("the journal is not valid JSON (a torn or foreign file)");
  const j = value.value as Partial<Journal> | null;
  if (
    !isRecord(j) ||
    j.version !== 2 ||
    !Array.isArray(j.moves) ||
    !Array.isArray(j.remove) ||
    !Array.isArray(j.manifest)
  )
    return at(
      "the journal is not one this apiloom writes (version 2, with moves, remove and manifest)",
    );
  const staging = wayProblem(outDir, STAGING_DIR, "folder");
  if (staging) return at(`the staging folder: ${staging}`);
  const staged = new Set<string>();
  const stagedFile = (name: unknown, hash: unknown): string | undefined => {
    if (typeof name !== "string" || !STAGED.test(name))
      return `${JSON.stringify(name)} is not a staged file's name`;
    if (staged.has(name)) return `${name} is staged twice`;
    staged.add(name);
    if (typeof hash !== "string" || !SHA256_HEX.test(hash))
      return `${name} has no sha256`;
    const s = statOf(join(outDir, name), true);
    if (s && !s.isFile()) return `${name} is not a regular file`;
    // gone: moved into place before the interruption, or by a run committing as this one reads
    const bytes = s && readIfExists(join(outDir, name));
    if (bytes && sha256Bytes(bytes) !== hash)
      return `${name} does not hash to what the journal says (changed or torn)`;
    return undefined;
  };
  const target = (path: unknown): string | undefined => {
    const problem =
      typeof path !== "string"
        ? `${JSON.stringify(path)} is not a path`
        : (unsafePathReason(path) ?? wayProblem(outDir, path, "file"));
    return problem && `${JSON.stringify(path)}: ${problem}`;
  };
  for (const move of j.moves) {
    if (!Array.isArray(move) || move.length !== 3)
      return at("a move is not [staged, path, sha256]", move);
    const problem = stagedFile(move[0], move[2]) ?? target(move[1]);
    if (problem) return at(problem, move[1] ?? move[0]);
  }
  for (const path of j.remove) {
    const problem = target(path);
    if (problem) return at(problem, path);
  }
  const [manifestName, manifestHash] = j.manifest;
  const problem =
    (manifestName === `${STAGING_DIR}/manifest`
      ? undefined
      : `the manifest is staged as ${JSON.stringify(manifestName)}`) ??
    stagedFile(manifestName, manifestHash) ??
    wayProblem(outDir, MANIFEST_FILE, "file");
  return problem ? at(problem, manifestName) : { journal: j as Journal };
}
