import { lstatSync } from "node:fs";
import { join } from "node:path";
import { readSourceBytes } from "../../ingest/read-source.js";
import {
  readCacheRecord,
  writeCacheFile,
  writeCacheRecord,
} from "../records/cache-dir.js";
import { sha256Bytes } from "../identity.js";
import { isHeaderValue } from "../../model/header-name.js";

// Fetched documents kept in the project's cache (cache-dir.ts), one pair of files a URL:
// `remote/<hash of the URL>.json` (the URL, the validators, the bytes' hash, when) and `.body`
// (the bytes as fetched). Only what the server sent is kept: never a request header.

/** What the cache knows of a URL, with the bytes it last fetched. */
export interface CachedDocument {
  url: string;
  etag?: string;
  lastModified?: string;
  /** sha256 of `bytes`. */
  hash: string;
  /** ISO time of the fetch that brought the bytes (a 304 does not renew it). */
  fetchedAt: string;
  bytes: Buffer;
}

type CacheRecord = Omit<CachedDocument, "bytes">;

function paths(dir: string, url: string): { record: string; body: string } {
  const key = join(dir, "remote", sha256Bytes(url).slice(0, 32));
  return { record: `${key}.json`, body: `${key}.body` };
}

/** The cached copy of `url`, or undefined at any doubt (the cache is a stranger's folder). */
export function readCachedDocument(
  dir: string | undefined,
  url: string,
  maxBytes: number,
): CachedDocument | undefined {
  if (!dir) return undefined;
  const at = paths(dir, url);
  const record = readCacheRecord(at.record, 64 * 1024) as
    Partial<CacheRecord> | undefined;
  if (
    !record ||
    record.url !== url ||
    typeof record.hash !== "string" ||
    typeof record.fetchedAt !== "string" ||
    !optionalString(record.etag) ||
    !optionalString(record.lastModified)
  )
    return undefined;
  let bytes: Buffer;
  try {
    if (lstatSync(at.body).isSymbolicLink()) return undefined;
    bytes = readSourceBytes(at.body, maxBytes);
  } catch {
    return undefined;
  }
  if (sha256Bytes(bytes) !== record.hash) return undefined;
  // only the fields checked above: the record is a stranger's file
  const { hash, fetchedAt, etag, lastModified } = record;
  return { url, hash, fetchedAt, etag, lastModified, bytes };
}

/**
 * Keeps a fetched document: the body first, then the record naming its hash, so a reader sees
 * the old pair, the new pair, or a record whose hash its body fails (no copy).
 */
export function writeCachedDocument(
  dir: string | undefined,
  document: CachedDocument,
): void {
  if (!dir) return;
  const at = paths(dir, document.url);
  const { bytes, ...record } = document;
  if (writeCacheFile(at.body, bytes))
    writeCacheRecord(at.record, record satisfies CacheRecord);
}

/** Absent, or a header value a request can carry (else Node refuses the request: no answer). */
function optionalString(value: unknown): boolean {
  return (
    value === undefined || (typeof value === "string" && isHeaderValue(value))
  );
}
