import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_TEMPLATES_DIR } from "../emit/templates.js";
import { compareCodeUnits } from "../model/order.js";

// Hashing and apiloom's own identity. Knows nothing of settings, so the config loader can use it
// without reaching the settings it helps to make.

export const MISSING = "missing";

export const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Bytes(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Entries as a record sorted by key: the same JSON, and hash, in whatever order they came. */
export function sortedRecord<V>(
  entries: Iterable<readonly [string, V]>,
): Record<string, V> {
  return Object.fromEntries(
    [...entries].sort(([a], [b]) => compareCodeUnits(a, b)),
  );
}

export function hashFile(path: string): string {
  try {
    return sha256Bytes(readFileSync(path));
  } catch {
    return MISSING;
  }
}

/** The one templates/ is in: emit/templates.ts finds it from src/, dist/ and the CLI's one file. */
const PACKAGE_ROOT = dirname(DEFAULT_TEMPLATES_DIR);

export function apiloomVersion(): string {
  const manifest = readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8");
  return (JSON.parse(manifest) as { version?: string }).version ?? "?";
}

let identity: string | undefined;

/**
 * apiloom's version and a hash of its own code, templates and parsers' versions, so a patched
 * build at the same version does not pass for another. It keys this machine's caches only.
 */
export function apiloomIdentity(): string {
  if (identity !== undefined) return identity;
  const require = createRequire(import.meta.url);
  const here = fileURLToPath(import.meta.url);
  const parsers = ["yaml", "js-yaml"].map((name) => {
    try {
      // resolved and read, not required: a run that parses no YAML loads no YAML parser
      const pkg = readFileSync(require.resolve(`${name}/package.json`), "utf8");
      return `${name}@${(JSON.parse(pkg) as { version: string }).version}`;
    } catch {
      return `${name}@?`;
    }
  });
  const hash = sha256Bytes(
    [
      ownCodeHash(
        here,
        join(PACKAGE_ROOT, relative(PACKAGE_ROOT, here).split(sep)[0]!),
      ),
      hashTree(DEFAULT_TEMPLATES_DIR),
      ...parsers,
    ].join("\n"),
  );
  identity = `${apiloomVersion()}+${hash.slice(0, 16)}`;
  return identity;
}

/** A hash of the code `moduleFile` belongs to: the CLI's one file, or the scripts of `codeFolder`. */
export function ownCodeHash(moduleFile: string, codeFolder: string): string {
  if (basename(moduleFile) === "bundle.js") return hashFile(moduleFile);
  return hashTree(
    codeFolder,
    (name) => /\.(?:js|mjs|ts)$/.test(name) && !/\.(?:d|test)\.ts$/.test(name),
  );
}

export function hashTree(
  root: string,
  keep: (name: string) => boolean = () => true,
): string {
  const hash = createHash("sha256");
  const walk = (dir: string, prefix: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      hash.update(`${prefix}\0${MISSING}\n`);
      return;
    }
    entries.sort((a, b) => compareCodeUnits(a.name, b.name));
    for (const entry of entries) {
      const name = `${prefix}${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules")
          walk(join(dir, entry.name), `${name}/`);
      } else if (keep(entry.name))
        hash.update(`${name}\0${hashFile(join(dir, entry.name))}\n`);
    }
  };
  walk(root, "");
  return hash.digest("hex");
}
