import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_TEMPLATES_DIR } from "../emit/templates.js";
import { compareCodeUnits } from "../model/order.js";
import type { GenerateSettings } from "./settings.js";

/**
 * Everything that decides what a run makes, recorded in the manifest by the run that wrote the
 * output folder. When the next run computes the same fingerprint and every file it lists still
 * hashes the same, the output is up to date and nothing is parsed or emitted (up-to-date.ts).
 * Paths are relative to the output folder with `/`, so the record holds no absolute path and
 * survives moving the project.
 */
export interface Fingerprint {
  /**
   * apiloom's version: the same on every machine, so the committed manifest is too. Which exact
   * code made the output is recorded outside it, in this machine's cache (verified.ts).
   */
  apiloom: string;
  /** Hash of the resolved settings (config and flags merged). */
  settings: string;
  /** Hash of the user's templates folder, when there is one. */
  templates: string;
  /** The input files the patterns expanded to, in merge order. */
  inputs: string[];
  /** Every file the run read (inputs, files reached by $ref, the name lock, the handlers file) → sha256, or "missing". */
  reads: Record<string, string>;
  /** Files the run keeps outside the output folder (the name lock, the handlers file) → sha256 of what it left. */
  outside: Record<string, string>;
  /** For the one line a skipped run prints. */
  endpoints: number;
  warnings: number;
}

/** The part of a fingerprint known before anything is read. */
export type FingerprintBase = Pick<
  Fingerprint,
  "apiloom" | "settings" | "templates"
>;

export const MISSING = "missing";

export function sha256Bytes(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** sha256 of a file's bytes, or MISSING when it cannot be read. */
export function hashFile(path: string): string {
  try {
    return sha256Bytes(readFileSync(path));
  } catch {
    return MISSING;
  }
}

/** `path` relative to the output folder, `/`-separated: how the fingerprint names files. */
export function fromOut(out: string, path: string): string {
  return relative(out, path).split(sep).join("/");
}

/**
 * Settings the fingerprint leaves out, each with the reason: they say where things are read from
 * or written to, or are recorded another way. Everything else in the resolved settings is hashed,
 * so a new setting is in the fingerprint unless it is declared here (test/workflow/options-table
 * flips each one).
 */
export const OUTPUT_NEUTRAL = {
  configFile:
    "where the settings were read from: the values they give are hashed",
  inputs:
    "patterns: the files they expand to are recorded and compared (fingerprint.inputs and reads)",
  out: "where to write: the recorded folder is the one compared, and every other path is hashed relative to it",
  warnings: "made from the other settings (their count is recorded)",
  notApplied:
    "a message naming the config's files a one-off run leaves alone: that it leaves them is in lock and serverHandlers, which are hashed",
} as const satisfies Partial<Record<keyof GenerateSettings, string>>;

/** Settings that hold absolute paths: hashed relative to the output folder, so a moved project matches. */
export const PATH_SETTINGS = [
  "baseDir",
  "serverHandlers",
  "lock",
  "emit.templatesDir",
] as const;

/**
 * The resolved settings as the fingerprint hashes them: every setting but the output-neutral ones,
 * paths relative to the output folder, each plugin by its identity (name, version, path, needs)
 * instead of its code, object keys sorted.
 */
export function settingsRecord(
  settings: GenerateSettings,
  stagesId: string,
): unknown {
  const version = apiloomVersion();
  const record = (value: unknown, path: string): unknown => {
    if (path in OUTPUT_NEUTRAL) return undefined;
    if ((PATH_SETTINGS as readonly string[]).includes(path))
      return typeof value === "string" ? fromOut(settings.out, value) : value;
    if (path === "emit.plugins")
      return (value as GenerateSettings["emit"]["plugins"]).map((p) => ({
        name: p.name,
        version: p.version ?? `apiloom@${version}`,
        path: p.path,
        needs: p.needs ?? [],
      }));
    if (Array.isArray(value)) return value.map((v) => record(v, `${path}[]`));
    if (typeof value !== "object" || value === null) return value;
    const keys = Object.keys(value).sort(compareCodeUnits);
    return Object.fromEntries(
      keys.flatMap((key) => {
        const item = record(
          (value as Record<string, unknown>)[key],
          path ? `${path}.${key}` : key,
        );
        return item === undefined ? [] : [[key, item]];
      }),
    );
  };
  return { stages: stagesId, settings: record(settings, "") };
}

/** `stagesId` names the stages (the real ones: "apiloom"); another one never matches a record. */
export function fingerprintBase(
  settings: GenerateSettings,
  stagesId: string,
): FingerprintBase {
  const templates = settings.emit.templatesDir;
  return {
    apiloom: apiloomVersion(),
    settings: sha256Bytes(JSON.stringify(settingsRecord(settings, stagesId))),
    templates: templates ? hashTree(templates) : "",
  };
}

/** apiloom's version, from its package.json. */
export function apiloomVersion(): string {
  const require = createRequire(import.meta.url);
  return (require("../../package.json") as { version?: string }).version ?? "?";
}

let identity: string | undefined;

/**
 * apiloom's version and a hash of its own code (src/ or dist/, whichever runs), its templates
 * and the versions of the parsers it uses: a build at the same version with other code (a
 * checkout of apiloom itself, a patched install) must not pass for the one that wrote the output.
 * Never written into the output (a build folder's leftovers would make it differ between
 * machines): it keys this machine's caches (verified.ts, the transpiled config).
 */
export function apiloomIdentity(): string {
  if (identity !== undefined) return identity;
  const require = createRequire(import.meta.url);
  const codeRoot = fileURLToPath(new URL("..", import.meta.url));
  const version = apiloomVersion();
  const parsers = ["yaml", "js-yaml"].map((name) => {
    try {
      return `${name}@${packageVersion(require.resolve(name), name)}`;
    } catch {
      return `${name}@?`;
    }
  });
  const hash = sha256Bytes(
    [
      hashTree(
        codeRoot,
        (name) =>
          /\.(?:js|mjs|ts)$/.test(name) && !/\.(?:d|test)\.ts$/.test(name),
      ),
      hashTree(DEFAULT_TEMPLATES_DIR),
      ...parsers,
    ].join("\n"),
  );
  identity = `${version}+${hash.slice(0, 16)}`;
  return identity;
}

/** The version in the package.json of the package whose entry point is `entry`. */
function packageVersion(entry: string, name: string): string {
  let dir = dirname(entry);
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      if (pkg.name === name) return String(pkg.version);
    } catch {
      // not here: keep climbing
    }
    const parent = dirname(dir);
    if (parent === dir) return "?";
    dir = parent;
  }
}

/** One hash over every file below `root` (names and contents), in a fixed order. */
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
