import { isUtf8 } from "node:buffer";
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { CONFIG_DEFAULTS } from "../config/types.js";
import type { GenerateSettings } from "../config/settings.js";
import type { Endpoint, Webhook } from "../../model/types.js";
import { endpointKey } from "../../model/merge/naming.js";
import { webhookKey } from "../../model/merge/webhooks.js";
import { OutsideFileError, readOutsideFile } from "../output/outside-file.js";
import { decodeUtf8, invalidUtf8Message } from "../../ingest/utf8-bytes.js";
import { SHA256_HEX, sortedRecord } from "../identity.js";
import { isRecord } from "../../ingest/reader.js";
import { slashedRelative } from "../sources/real-path.js";

/** Outside the output folder: generated code may be git-ignored, the lock must not be. */
export interface NameLock {
  lockfileVersion: 1;
  /** A run without a config's: the output folder whose names these are, from the lock's folder. */
  out?: string;
  /** `"GET /pets/{id}"` → its function's name; `"POST webhook pet.created"` → its handler's. */
  names: Record<string, string>;
  /** With `remote.lock`: the sha256 of each URL read, recorded the first time and held to after. */
  remote?: Record<string, string>;
}

export class LockFileError extends OutsideFileError {}

/** The output folder a run without a config records in its lock; another's lock is refused. */
export function lockedOut(settings: GenerateSettings): string | undefined {
  if (settings.configFile || !settings.lock) return undefined;
  const out = slashedRelative(dirname(settings.lock), settings.out) || ".";
  const recorded = readLock(settings.lock)?.out;
  if (recorded !== undefined && recorded !== out)
    throw new LockFileError(
      `${settings.lock} holds the names of another output folder, ${JSON.stringify(recorded)} (its "out"), and this run writes ${JSON.stringify(out)}: that API's names would rename this one's functions. Give this run a lock of its own (--lock <file>), or a config listing both under "apis"; if this folder is that one moved, set "out" in the lock to ${JSON.stringify(out)}`,
    );
  return out;
}

export function readLock(file: string): NameLock | undefined {
  const bytes = readOutsideFile(file, "the name lock");
  if (bytes === undefined) return undefined;
  if (!isUtf8(bytes))
    throw new LockFileError(
      `${invalidUtf8Message(file, decodeUtf8(bytes), bytes)}: the name lock is rewritten whole and that byte would be lost; fix it or delete the lock to start over`,
    );
  return parseNameLock(file, bytes.toString("utf8"));
}

export function parseNameLock(file: string, text: string): NameLock {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new LockFileError(
      `${file} is not valid JSON (${(error as Error).message}); fix it or delete it to start over`,
    );
  }
  const lock = value as Partial<NameLock> | null;
  const strings = (record: unknown, test: (v: string) => boolean) =>
    isRecord(record) &&
    Object.values(record).every((v) => typeof v === "string" && test(v));
  if (
    lock?.lockfileVersion !== 1 ||
    (lock.out !== undefined && typeof lock.out !== "string") ||
    !strings(lock.names, () => true) ||
    (lock.remote !== undefined &&
      !strings(lock.remote, (v) => SHA256_HEX.test(v)))
  )
    throw new LockFileError(
      `${file} is not an apiloom name lock (expected {"lockfileVersion": 1, "names": {...}}, and "out": a folder and "remote": {URL: sha256 as 64 hex digits} if any)`,
    );
  return lock as NameLock;
}

/** The lock for this model's endpoints and webhooks (entries of removed ones drop out). */
export function nameLockText(
  endpoints: readonly Endpoint[],
  webhooks: readonly Webhook[] = [],
  remote?: ReadonlyMap<string, string>,
  out?: string,
): string {
  const names = sortedRecord(
    [
      ...endpoints.map((e) => [endpointKey(e), e.name] as const),
      ...webhooks.map((w) => [webhookKey(w), w.name] as const),
    ].filter(([, name]) => name !== ""),
  );
  const lock: NameLock = {
    lockfileVersion: 1,
    ...(out === undefined ? {} : { out }),
    names,
    ...(remote && remote.size > 0 ? { remote: sortedRecord(remote) } : {}),
  };
  return JSON.stringify(lock, null, 2) + "\n";
}

/**
 * The config's lock from before it listed `apis`, which an API reads its names from while its own
 * lock does not exist yet: moving a config to `apis` renames nothing.
 */
export function formerLock(
  settings: Pick<GenerateSettings, "api" | "baseDir" | "configFile" | "lock">,
): string | undefined {
  const { api, baseDir, lock } = settings;
  if (api === undefined || !settings.configFile || lock === undefined)
    return undefined;
  const former = resolve(baseDir, CONFIG_DEFAULTS.lock);
  return lock === resolve(baseDir, `apiloom.${api}.lock.json`) &&
    !existsSync(lock) &&
    existsSync(former)
    ? former
    : undefined;
}
