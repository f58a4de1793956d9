import { decodeSource } from "../../ingest/decode-text.js";
import { parseText } from "../../ingest/load.js";
import type { ParsedDocument } from "../../ingest/parse/parsed-document.js";
import { readSourceBytes } from "../../ingest/read-source.js";
import { sha256Bytes } from "../identity.js";
import { statOf } from "./real-path.js";

/** A spec file's text, bytes and sha256, read (readSourceBytes) and decoded; throws a SourceReadError. */
export function readSource(absPath: string, maxBytes: number) {
  const bytes = readSourceBytes(absPath, maxBytes);
  return { text: decodeSource(bytes), hash: sha256Bytes(bytes), bytes };
}

/**
 * What a watching process keeps between runs: each file's text (re-read when the watcher reports
 * it or its stat changed) and each parsed document by its text's hash, so a rebuild after one
 * spec changed parses that spec alone.
 */
export type SourceCache = ReturnType<typeof createSourceCache>;

export function createSourceCache() {
  const files = new Map<
    string,
    { stamp: string; text: string; hash: string; used: boolean }
  >();
  const parsed = new Map<string, { docs: ParsedDocument[]; used: boolean }>();
  let counts = { read: 0, reused: 0, parsed: 0, cached: 0 };
  let tried = new Set<string>();
  let lastRead: string[] = [];
  return {
    /** The file's text and the sha256 of its bytes; throws as {@link readSource} does. */
    read(absPath: string, maxBytes: number): { text: string; hash: string } {
      tried.add(absPath);
      // only a regular file within the limit may be reused; anything else is read (and refused)
      const s = statOf(absPath);
      const stamp =
        s?.isFile() && s.size <= maxBytes
          ? `${s.size}:${s.mtimeMs}:${s.ino}`
          : undefined;
      if (stamp === undefined) {
        files.delete(absPath);
        return readSource(absPath, maxBytes); // throws the reason
      }
      const hit = files.get(absPath);
      if (hit && hit.stamp === stamp) {
        hit.used = true;
        counts.reused++;
        return hit;
      }
      const { text, hash } = readSource(absPath, maxBytes);
      const entry = { stamp, text, hash, used: true };
      files.set(absPath, entry);
      counts.read++;
      return entry;
    },
    /** `parseText(text, file)` unless the same text was parsed under the same display name before. */
    parse(text: string, file: string, absPath: string): ParsedDocument[] {
      const entry = files.get(absPath);
      const hash =
        entry && entry.text === text ? entry.hash : sha256Bytes(text);
      const key = `${file}\0${hash}`;
      const hit = parsed.get(key);
      if (hit) {
        hit.used = true;
        counts.cached++;
        return hit.docs;
      }
      const docs = parseText(text, file);
      parsed.set(key, { docs, used: true });
      counts.parsed++;
      return docs;
    },
    /** A skipped run's record of what the run before it read: watched as if read now. */
    recorded(paths: readonly string[]) {
      for (const path of paths) tried.add(path);
    },
    /** The watcher saw these paths change: read them again whatever their stat says. */
    invalidate(paths: readonly string[]) {
      for (const path of paths) files.delete(path);
    },
    /** Counts since the last call; entries not used since then are dropped. */
    endRun() {
      for (const map of [files, parsed] as Map<string, { used: boolean }>[])
        for (const [key, entry] of map)
          if (entry.used) entry.used = false;
          else map.delete(key);
      const result = counts;
      counts = { read: 0, reused: 0, parsed: 0, cached: 0 };
      lastRead = [...tried].sort();
      tried = new Set();
      return result;
    },
    /** Absolute paths of every file the last ended run read or tried to read, sorted. */
    lastRead: () => lastRead,
  };
}
