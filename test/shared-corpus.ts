import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, it } from "vitest";

/**
 * The shared corpus: 19 real documents nobody tuned apiloom for, read in place from
 * `../shared/corpus` beside the repository (never copied into it). A checkout without it still
 * runs the rest of the suite: the corpus suites are skipped with a message that says why.
 */
export const CORPUS_DIR = resolve(import.meta.dirname, "../../shared/corpus");

const MANIFEST = join(CORPUS_DIR, "MANIFEST.tsv");

export const CORPUS_PRESENT = existsSync(MANIFEST);

export interface CorpusEntry {
  /** Path relative to CORPUS_DIR, e.g. `swagger2/bitbucket-2.0.json`. */
  file: string;
  format: string;
  operations: number;
}

/** The manifest's documents; empty when the corpus is absent. */
export const CORPUS: readonly CorpusEntry[] = CORPUS_PRESENT
  ? readFileSync(MANIFEST, "utf8")
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => {
        const [file, format, , , operations] = line.split("\t");
        return { file: file!, format: format!, operations: Number(operations) };
      })
  : [];

/** The documents' paths relative to CORPUS_DIR. */
export const CORPUS_FILES: readonly string[] = CORPUS.map((e) => e.file);

/**
 * The Stride seeds beside the corpus (`../shared/seeds`): five documents of one API, read together
 * as one model. Empty when absent.
 */
export const SEEDS_DIR = resolve(CORPUS_DIR, "../seeds");

export const SEEDS_FILES: readonly string[] = existsSync(SEEDS_DIR)
  ? readdirSync(SEEDS_DIR)
      .filter((f) => f.endsWith(".txt"))
      .sort()
  : [];

/**
 * `describe` for a suite over the corpus (it lives beside the repository): skipped, with the
 * reason in its name, without it. The body is not run then (a body may read the corpus while
 * the suite is collected).
 */
export function describeCorpus(name: string, body: () => void): void {
  describeWhen(
    CORPUS_PRESENT,
    name,
    `${CORPUS_DIR}/MANIFEST.tsv is absent`,
    body,
  );
}

/**
 * Others' test data beside the corpus (`../shared/oracles`): the JSONPath Compliance Test Suite,
 * the Overlay Specification's schemas, tests and compliant sets, the OpenAPI 3.2 schema.
 */
export const ORACLES_DIR = resolve(CORPUS_DIR, "../oracles");

export const ORACLES_PRESENT = existsSync(ORACLES_DIR);

/**
 * `describe` for a suite over the oracles: skipped, saying why, without them. The body is not run
 * then (it may read the oracles while the tests are collected): one skipped test stands for it.
 */
export function describeOracles(name: string, body: () => void): void {
  describeWhen(ORACLES_PRESENT, name, `${ORACLES_DIR} is absent`, body);
}

/** `describe` for a suite over the Stride seeds as shipped (`../shared/seeds`): likewise. */
export function describeSeeds(name: string, body: () => void): void {
  describeWhen(SEEDS_FILES.length > 0, name, `${SEEDS_DIR} is absent`, body);
}

function describeWhen(
  present: boolean,
  name: string,
  absent: string,
  body: () => void,
): void {
  if (present) describe(name, body);
  else
    describe(`${name} (skipped: ${absent})`, () => {
      it.skip(`needs ${absent.replace(/ is absent$/, "")}`, () => {});
    });
}
