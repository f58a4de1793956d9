// Optic (`@useoptic/optic`, npm) run on a pair of descriptions, and its report cached by what
// decides it: Optic's version, the arguments and the two files' bytes. Plain JavaScript so that
// scripts/diff-oracle.mjs (which installs Optic and fetches the real pairs) can judge the pairs
// right after fetching them, and test/diff/optic.ts reads the same cache: a report depends on
// nothing of apiloom's, so judging it before `npm test` is the same as a warm cache.
import { execFile, execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../..", import.meta.url));

/** node_modules/.cache/apiloom-diff: Optic, the fetched pairs and the reports. */
export const CACHE = join(REPO, "node_modules/.cache/apiloom-diff");
export const OPTIC_VERSION = "1.0.9";
const OPTIC = join(CACHE, "optic/node_modules/.bin/optic");
const ARGS = ["--check", "--validation", "loose", "--severity", "error"];

/** The pairs Optic judges (test/diff/optic-oracle.test.ts names its allow-list by `name`). */
export const OPTIC_PAIRS = [
  {
    name: "fixture openapi3",
    old: join(REPO, "test/fixtures/diff/openapi3/old.yaml"),
    new: join(REPO, "test/fixtures/diff/openapi3/new.yaml"),
    // small enough to judge inside the test when nothing judged it before
    fetched: false,
  },
  {
    // an enum value removed from a path, query, header and cookie parameter each
    name: "fixture parameter enums",
    old: join(REPO, "test/fixtures/diff/parameter-enums/old.yaml"),
    new: join(REPO, "test/fixtures/diff/parameter-enums/new.yaml"),
    fetched: false,
  },
  {
    // an enum behind `allOf: [{$ref}]`, a response union, a map's values, an object given properties
    name: "fixture compositions",
    old: join(REPO, "test/fixtures/diff/compositions/old.yaml"),
    new: join(REPO, "test/fixtures/diff/compositions/new.yaml"),
    fetched: false,
  },
  {
    // the 80 paths that differ, with the components they reach (scripts/diff-oracle.mjs)
    name: "@octokit/openapi 22.0.0 → 23.0.1, the paths that changed",
    old: join(CACHE, "github-slice/old.json"),
    new: join(CACHE, "github-slice/new.json"),
    fetched: true,
  },
  {
    // Directus' description, npm @directus/specs 15.0.0 → 15.1.0, whole (scripts/diff-oracle.mjs)
    name: "@directus/specs 15.0.0 → 15.1.0",
    old: join(CACHE, "directus/old.json"),
    new: join(CACHE, "directus/new.json"),
    fetched: true,
  },
];

export function opticInstalled() {
  return existsSync(OPTIC);
}

/** Where Optic's report on the pair is kept. */
export function reportFile(oldFile, newFile) {
  const hash = createHash("sha256");
  hash.update(JSON.stringify([OPTIC_VERSION, ARGS]));
  for (const f of [oldFile, newFile]) hash.update(readFileSync(f));
  return join(CACHE, `optic-${hash.digest("hex").slice(0, 16)}.txt`);
}

/** The cached report, or undefined. */
export function cachedReport(oldFile, newFile) {
  const file = reportFile(oldFile, newFile);
  return existsSync(file) ? readFileSync(file, "utf8") : undefined;
}

// exit 1 when a check fails: the report is still on stdout
function reportOf(error, stdout) {
  const text = String(stdout ?? "");
  if (error && !/Checks: /.test(text)) throw error;
  return text;
}

function keep(oldFile, newFile, text) {
  mkdirSync(CACHE, { recursive: true });
  writeFileSync(reportFile(oldFile, newFile), text);
  return text;
}

const OPTIONS = { encoding: "utf8", maxBuffer: 256 << 20, timeout: 900_000 };

/** Runs Optic on the pair now and caches its report. */
export function judgeSync(oldFile, newFile) {
  let text;
  try {
    text = execFileSync(OPTIC, ["diff", oldFile, newFile, ...ARGS], {
      ...OPTIONS,
      stdio: ["ignore", "pipe", "pipe"],
    });
  } catch (error) {
    text = reportOf(error, error.stdout);
  }
  return keep(oldFile, newFile, text);
}

/** judgeSync without blocking: several pairs are judged side by side. */
export function judge(oldFile, newFile) {
  return new Promise((resolve, reject) => {
    execFile(
      OPTIC,
      ["diff", oldFile, newFile, ...ARGS],
      OPTIONS,
      (error, stdout) => {
        try {
          resolve(keep(oldFile, newFile, reportOf(error, stdout)));
        } catch (failure) {
          reject(failure);
        }
      },
    );
  });
}
