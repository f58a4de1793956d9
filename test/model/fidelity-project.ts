import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import type { GeneratedFile } from "../../src/emit/artifact.js";
import { generate, type GenerateOptions } from "../../src/generate.js";
import type { GenerateResult } from "../../src/pipeline.js";
import {
  typeCheckCell,
  writeProjects,
  type CellResult,
} from "../compat/matrix.js";

const REPO = resolve(import.meta.dirname, "../..");
export const FIXTURES = join(REPO, "test/fixtures/fidelity");

/** The fixture's text (test/fixtures/fidelity/<name>). */
export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), "utf8");
}

/** Generates a fixture (or a spec text under that name) with the given artifacts. */
export async function generateFixture(
  name: string,
  options: GenerateOptions = {},
  text = fixture(name),
): Promise<GenerateResult> {
  return generate([{ file: name, text }], {
    artifacts: ["client", "server", "validators"],
    ...options,
  });
}

/** The text of one generated file (throws when absent). */
export function fileText(
  files: readonly GeneratedFile[],
  path: string,
): string {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} among ${files.map((f) => f.path)}`);
  return file.contents;
}

/**
 * Type-checks generated projects (plus extra files per project, e.g. a usage file) under the
 * strictest configuration of the compatibility matrix (noUnusedLocals and friends) with
 * TypeScript 7. Written inside the repository (git-ignored out/) so Node's types resolve.
 */
export async function typeCheckStrictest(
  name: string,
  projects: ReadonlyMap<string, readonly GeneratedFile[]>,
): Promise<CellResult> {
  const root = join(REPO, "test/model/out", name);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  writeProjects(root, projects);
  try {
    return await typeCheckCell(root, "strictest", "TypeScript 7");
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
